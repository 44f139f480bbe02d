import { CmsRequestError, createCmsClient, type PublicCentre, type PublicOffer } from '@csc/cms';
import { CONTRACTS, SECTORS } from '@csc/plugin-emploi/shared';
import type { NavItem, SiteIdentity } from '@csc/site-shared/lib/site';
import { t } from '@csc/site-shared/i18n/t';
import { parisDay } from '@csc/site-shared/lib/dates';
import { slugify, uniquePaths } from '@csc/site-shared/lib/slug';
import { withPaths } from '@csc/site-shared/lib/agenda';

/**
 * Everything the employment site shows, read once per build from the CMS. A CMS that is down or
 * answers an unexpected shape stops the build with a clear message: the previous site stays.
 * The site is install-wide like the directory it reads; EMPLOI_CENTRE keeps one centre's offers.
 */
const cmsUrl = process.env.CMS_URL || 'http://127.0.0.1:1337';
export const client = createCmsClient({ baseUrl: cmsUrl, timeoutMs: 60000 });
const centreSlug = process.env.EMPLOI_CENTRE || undefined;

export type Offer = PublicOffer & { path: string };

/** One value of one filter: a list of its own, reached by a link (no JavaScript, any static host). */
export interface OfferFilter {
  kind: FilterKind;
  value: string;
  label: string;
  /** `offres/contrat/cdi/`. */
  path: string;
  offers: Offer[];
}

export const FILTER_KINDS = [
  { kind: 'contrat', label: t('emploi.filter.contract') },
  { kind: 'depuis', label: t('emploi.filter.since') },
  { kind: 'commune', label: t('emploi.filter.commune') },
  { kind: 'secteur', label: t('emploi.filter.sector') },
] as const;
export type FilterKind = (typeof FILTER_KINDS)[number]['kind'];

/** « Publiées depuis » counts days back from the build, which is why the site is rebuilt daily. */
export const SINCE = [
  { days: 1, folder: '1-jour', label: t('emploi.since.day') },
  { days: 7, folder: '7-jours', label: t('emploi.since.week') },
  { days: 30, folder: '30-jours', label: t('emploi.since.month') },
] as const;

const daysBefore = (day: string, days: number) => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};

function filtersOf(offers: Offer[], today: string): OfferFilter[] {
  const filter = (kind: FilterKind, value: string, label: string, keep: (offer: Offer) => boolean): OfferFilter => ({
    kind,
    value,
    label,
    path: `offres/${kind}/${value}/`,
    offers: offers.filter(keep),
  });
  // A commune is written as staff typed it: « Roubaix », « roubaix » and « ROUBAIX » are one list.
  const communes = new Map<string, string>();
  for (const offer of offers) {
    const key = slugify(offer.commune, 'commune');
    if (!communes.has(key)) communes.set(key, offer.commune.trim());
  }
  const collator = new Intl.Collator('fr');
  return [
    ...CONTRACTS.map(({ value, label }) => filter('contrat', value, label, (offer) => offer.contract === value)),
    ...SINCE.map(({ days, folder, label }) => {
      const from = daysBefore(today, days - 1);
      return filter('depuis', folder, label, (offer) => parisDay(offer.datePosted) >= from);
    }),
    ...[...communes.entries()]
      .sort((a, b) => collator.compare(a[1], b[1]))
      .map(([key, label]) => filter('commune', key, label, (offer) => slugify(offer.commune, 'commune') === key)),
    ...SECTORS.map(({ value, label }) => filter('secteur', value, label, (offer) => offer.sector === value)),
  ].filter((item) => item.offers.length > 0 || item.kind === 'depuis');
}

/** The centres of the offers: where to ask at reception, and whom to contact to propose an offer. */
async function centresOf(offers: PublicOffer[]): Promise<Map<string, PublicCentre | null>> {
  const slugs = [...new Set(offers.flatMap((offer) => (offer.centre ? [offer.centre.slug] : [])))];
  const found = new Map<string, PublicCentre | null>();
  for (const slug of slugs) {
    try {
      found.set(slug, (await client.site(slug)).centre);
    } catch (error) {
      // Without the « site » module (or its page for this centre) the offer names the centre only.
      if (error instanceof CmsRequestError && error.status === 404) found.set(slug, null);
      else throw error;
    }
  }
  return found;
}

async function load() {
  const [live, closed, actors, events] = await Promise.all([
    client.emploi.offers(centreSlug),
    client.emploi.closedOffers(centreSlug),
    client.emploi.actors(),
    client.emploi.events(),
  ]);
  const today = parisDay(new Date().toISOString());
  // Addresses are made over both, so that an offer keeps its address once closed.
  const all = uniquePaths([...live, ...closed], (offer) => `${offer.title} ${offer.commune}`, 'offres', 'offre');
  const offers = all.slice(0, live.length);
  const centres = await centresOf(offers);
  return {
    offers,
    /** Closed lately: a page each that says so, not indexed, in no list, sitemap or plan. */
    closedOffers: all.slice(live.length),
    filters: filtersOf(offers, today),
    today,
    centres,
    actors,
    events: withPaths(events),
  };
}

let loaded: ReturnType<typeof load> | undefined;
export const content = () => (loaded ??= load());
export type Content = Awaited<ReturnType<typeof load>>;

export const identity: SiteIdentity = {
  name: t('emploi.siteName'),
  url: process.env.SITE_URL || undefined,
};

export const NAV: NavItem[] = [
  { label: t('emploi.nav.offers'), path: '' },
  { label: t('emploi.nav.actors'), path: 'acteurs/' },
  { label: t('agenda.title'), path: 'agenda/' },
  { label: t('emploi.nav.propose'), path: 'proposer-une-offre/' },
  { label: t('emploi.nav.space'), path: 'espace/' },
];

export const OFFERS_PER_PAGE = 20;

/**
 * The map of `acteurs/`: only with a tile server of the install's own (EMPLOI_MAP_TILES, e.g.
 * `https://tuiles.example.fr/{z}/{x}/{y}.png`, and its credit EMPLOI_MAP_ATTRIBUTION); without it
 * the page is the list with OpenStreetMap links, and loads no tiles from anyone.
 */
export const MAP = {
  tiles: process.env.EMPLOI_MAP_TILES || '',
  attribution: process.env.EMPLOI_MAP_ATTRIBUTION || '',
  markers: 200,
};
