// A compass's website: static files built from the CMS. COMPASS_SLUG names the compass,
// SITE_BASE the path it is served under (its « adresse du site »), SITE_URL its public address.
import { defineConfig } from 'astro/config';
import { searchIndex } from './src/search/search-index';

export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL || undefined,
  base: process.env.SITE_BASE || '/boussole/',
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 2 },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [searchIndex()],
  // The CMS client and the calendar writer are compiled CommonJS: Node loads them as they are.
  vite: { ssr: { external: ['@csc/cms', '@csc/plugin-boussole', '@csc/plugin-core'] } },
});
