import { createCmsClient, REQUEST_PAGE_PATH, type WordDetail, type WordSummary } from '@csc/cms';
import type { NavItem, SiteIdentity } from '@csc/site-shared/lib/site';
import { foldText } from './normalise';

/**
 * Everything the dictionary shows, read once per build from the CMS. A CMS that is down or
 * answers an unexpected shape stops the build with a clear message: the previous site stays.
 */
const cmsUrl = process.env.CMS_URL || 'http://127.0.0.1:1337';
export const client = createCmsClient({ baseUrl: cmsUrl });

/** CMS_PUBLIC_URL: the CMS's address on the internet when CMS_URL is an internal one. */
const cmsPublicUrl = (process.env.CMS_PUBLIC_URL || cmsUrl).replace(/\/+$/, '');
/** The CMS's « Demander un mot » page, which works without JavaScript. */
export const REQUEST_PAGE = `${cmsPublicUrl}${REQUEST_PAGE_PATH}`;
/** The JSON form the enhanced page posts to. */
export const REQUEST_ENDPOINT = `${cmsPublicUrl}/api/dictionnaire/requests`;
export const requestPageFor = (word: string) => `${REQUEST_PAGE}?mot=${encodeURIComponent(word)}`;

export const identity: SiteIdentity = {
  name: 'Quand les enfants deviennent profs',
  url: process.env.SITE_URL || undefined,
};

export const NAV: NavItem[] = [
  { label: 'Accueil', path: '' },
  { label: 'Les mots de A à Z', path: 'a-z/' },
  { label: 'Nouveaux mots', path: 'nouveaux-mots/' },
  { label: 'Qui écrit les définitions', path: 'contributeurs/' },
];

export const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz', '#'];
export const letterLabel = (letter: string) => (letter === '#' ? 'Chiffres et signes' : letter.toUpperCase());
export const letterPath = (letter: string) => `lettres/${letter === '#' ? 'autres' : letter}/`;

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
export const byTerm = (a: WordSummary, b: WordSummary) => collator.compare(a.term, b.term);

async function load() {
  const [words, latest, contributors] = await Promise.all([
    client.dictionnaire.words(),
    client.dictionnaire.latest(20),
    client.dictionnaire.contributors(),
  ]);
  words.sort(byTerm);
  const absolute = (url: string) => new URL(url, cmsPublicUrl).href;
  const bySlug = new Map((await client.dictionnaire.allWordDetails()).map((detail) => [detail.slug, detail]));
  const details = words.map((word): WordDetail => {
    const detail = bySlug.get(word.slug);
    if (!detail) throw new Error(`Le CMS n’a pas donné la page du mot « ${word.term} » : relancez la construction.`);
    for (const definition of [detail.definition, ...detail.otherDefinitions]) {
      if (!definition) continue;
      if (definition.illustration) definition.illustration.url = absolute(definition.illustration.url);
      if (definition.audio) definition.audio.url = absolute(definition.audio.url);
    }
    return detail;
  });
  return { words, latest, contributors, details };
}

let loaded: ReturnType<typeof load> | undefined;
export const content = () => (loaded ??= load());

/** Short text for a page's description: the definition's first sentence. */
export const excerpt = (text: string) => {
  const first = text.split(/(?<=[.!?])\s/)[0] ?? text;
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
};

export { foldText };
