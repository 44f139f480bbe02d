// The plugin's own normalisation, imported from its source so that Vite bundles the very same
// code into the browser's search as the CMS runs on its side (pure, no dependency).
export { compactKey, foldText, rankWords, wordKey } from '../../../../src/plugins/dictionnaire/shared/normalise';
