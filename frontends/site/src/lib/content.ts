import { createCmsClient, suggestionPagePath } from '@csc/cms';
import type { NavItem, SiteIdentity } from '@csc/site-shared/lib/site';
import { t } from '@csc/site-shared/i18n/t';
import { withPaths } from '@csc/site-shared/lib/agenda';

/**
 * Everything the site shows, read once per build from the CMS. A CMS that is down or answers
 * an unexpected shape stops the build with a clear message: the previous site stays online.
 */
const cmsUrl = process.env.CMS_URL || 'http://127.0.0.1:1337';
function requiredCentre(): string {
  const slug = process.env.SITE_CENTRE;
  if (!slug) throw new Error('SITE_CENTRE must name the centre whose site is built (its slug).');
  return slug;
}
const centreSlug = requiredCentre();

export const client = createCmsClient({ baseUrl: cmsUrl });
export { centreSlug };

/**
 * The forms residents fill in (« Proposer une structure », « Proposer un événement ») are pages
 * of the CMS, which checks and moderates them without JavaScript. CMS_PUBLIC_URL is the CMS's
 * address on the internet when the build reads it through an internal one (CMS_URL).
 */
const cmsPublicUrl = (process.env.CMS_PUBLIC_URL || cmsUrl).replace(/\/+$/, '');
export const CONTRIBUTION_LINKS = {
  structure: `${cmsPublicUrl}${suggestionPagePath(centreSlug, 'structure')}`,
  event: `${cmsPublicUrl}${suggestionPagePath(centreSlug, 'event')}`,
};

async function load() {
  const [site, activities, news, events] = await Promise.all([
    client.site(centreSlug),
    client.activities(centreSlug),
    client.news(centreSlug),
    client.events(centreSlug),
  ]);
  const absolute = (url: string | undefined | null) => (url ? new URL(url, cmsUrl).href : null);
  const identity: SiteIdentity = {
    ...site.centre,
    url: process.env.SITE_URL || undefined,
    logoUrl: absolute(site.centre.logo?.url),
  };
  return { identity, pages: site.pages, activities, news, events: withPaths(events) };
}

let loaded: ReturnType<typeof load> | undefined;
export const content = () => (loaded ??= load());

export const NAV: NavItem[] = [
  { label: 'Accueil', path: '' },
  { label: 'Activités', path: 'activites/' },
  { label: t('agenda.title'), path: 'agenda/' },
  { label: 'Actualités', path: 'actualites/' },
  { label: 'Infos pratiques', path: 'infos-pratiques/' },
  { label: 'L’équipe', path: 'equipe/' },
  { label: 'Rechercher', path: 'recherche/' },
];

export const NEWS_PER_PAGE = 12;
