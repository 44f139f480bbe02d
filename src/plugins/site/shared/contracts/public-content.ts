/**
 * What the public site API answers (`GET /api/site/...`, no token): only published entries,
 * only the fields a resident reads. The sites validate these shapes at build time (`@csc/cms`).
 */
export const AUDIENCES = ['enfance', 'jeunesse', 'familles', 'adultes', 'seniors', 'tous'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  enfance: 'Enfance',
  jeunesse: 'Jeunesse',
  familles: 'Familles',
  adultes: 'Adultes',
  seniors: 'Seniors',
  tous: 'Tout public',
};

export const PAGE_KINDS = ['presentation', 'equipe', 'mentions-legales', 'donnees-personnelles', 'acces'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** Strapi's rich text "blocks": a tree of nodes that the sites render to a safe subset of HTML. */
export type RichText = unknown[] | null;

export interface PublicImage {
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
}

export interface PublicCentre {
  name: string;
  slug: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  primaryColour: string | null;
  openingHours: string | null;
  logo: PublicImage | null;
}

export interface PublicPage {
  kind: PageKind;
  title: string;
  summary: string | null;
  body: RichText;
  updatedAt: string;
}

export interface PublicActivity {
  documentId: string;
  slug: string;
  title: string;
  audience: Audience;
  summary: string | null;
  description: RichText;
  schedule: string | null;
  place: string | null;
  price: string | null;
  registration: string | null;
  image: PublicImage | null;
  updatedAt: string;
}

export interface PublicNewsItem {
  documentId: string;
  slug: string;
  title: string;
  date: string;
  summary: string | null;
  body: RichText;
  image: PublicImage | null;
  updatedAt: string;
}

export interface PageMeta {
  page: number;
  pageSize: number;
  total: number;
  pages: number;
}

/** `GET /api/site/:centre` */
export interface CentreSiteResponse {
  centre: PublicCentre;
  pages: PublicPage[];
}

/** `GET /api/site/:centre/activities?page=N` and `/news?page=N` */
export interface ListResponse<Item> {
  data: Item[];
  meta: PageMeta;
}

export const PUBLIC_PAGE_SIZE = 100;
