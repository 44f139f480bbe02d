import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CENTRE_UID } from '@csc/plugin-core/shared';
import {
  ACTIVITY_UID,
  NEWS_UID,
  PAGE_UID,
  PUBLIC_PAGE_SIZE,
  type CentreSiteResponse,
  type ListResponse,
  type PublicActivity,
  type PublicImage,
  type PublicNewsItem,
  type PublicPage,
} from '../../../shared';

type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function image(value: unknown): PublicImage | null {
  if (!value || typeof value !== 'object') return null;
  const file = value as Row;
  if (typeof file.url !== 'string') return null;
  return {
    url: file.url,
    alternativeText: text(file.alternativeText),
    width: typeof file.width === 'number' ? file.width : null,
    height: typeof file.height === 'number' ? file.height : null,
  };
}

const richText = (value: unknown) => (Array.isArray(value) ? value : null);

const toActivity = (row: Row): PublicActivity => ({
  documentId: String(row.documentId),
  slug: String(row.slug),
  title: String(row.title),
  audience: row.audience as PublicActivity['audience'],
  summary: text(row.summary),
  description: richText(row.description),
  schedule: text(row.schedule),
  place: text(row.place),
  price: text(row.price),
  registration: text(row.registration),
  image: image(row.image),
  updatedAt: new Date(row.updatedAt as string).toISOString(),
});

const toNewsItem = (row: Row): PublicNewsItem => ({
  documentId: String(row.documentId),
  slug: String(row.slug),
  title: String(row.title),
  date: String(row.date),
  summary: text(row.summary),
  body: richText(row.body),
  image: image(row.image),
  updatedAt: new Date(row.updatedAt as string).toISOString(),
});

const toPage = (row: Row): PublicPage => ({
  kind: row.kind as PublicPage['kind'],
  title: String(row.title),
  summary: text(row.summary),
  body: richText(row.body),
  updatedAt: new Date(row.updatedAt as string).toISOString(),
});

const LISTS = {
  activities: { uid: ACTIVITY_UID, sort: [{ title: 'asc' }], map: toActivity },
  news: { uid: NEWS_UID, sort: [{ date: 'desc' }, { id: 'desc' }], map: toNewsItem },
} as const;

export type ListName = keyof typeof LISTS;

/** The published content of one centre's site, for the static build. */
const createPublicContentService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function centreBySlug(slug: string) {
    const centre = (await strapi.db.query(CENTRE_UID).findOne({ where: { slug }, populate: { logo: true } })) as Row | null;
    if (!centre) throw new errors.NotFoundError('Aucun centre ne porte cet identifiant.');
    return centre;
  }

  return {
    async site(slug: string): Promise<CentreSiteResponse> {
      const centre = await centreBySlug(slug);
      const pages = (await strapi.documents(PAGE_UID).findMany({
        status: 'published',
        filters: { centre: { id: centre.id } },
        sort: [{ kind: 'asc' }],
      } as never)) as Row[];
      return {
        centre: {
          name: String(centre.name),
          slug: String(centre.slug),
          street: text(centre.street),
          postalCode: text(centre.postalCode),
          city: text(centre.city),
          phone: text(centre.phone),
          email: text(centre.email),
          website: text(centre.website),
          primaryColour: text(centre.primaryColour),
          openingHours: text(centre.openingHours),
          logo: image(centre.logo),
        },
        pages: pages.map(toPage),
      };
    },

    async list(slug: string, name: ListName, page: number): Promise<ListResponse<PublicActivity | PublicNewsItem>> {
      const centre = await centreBySlug(slug);
      const { uid, sort, map } = LISTS[name];
      const params = { status: 'published', filters: { centre: { id: centre.id } } } as const;
      const documents = strapi.documents(uid);
      const [rows, total] = await Promise.all([
        documents.findMany({
          ...params,
          sort,
          populate: { image: true },
          start: (page - 1) * PUBLIC_PAGE_SIZE,
          limit: PUBLIC_PAGE_SIZE,
        } as never) as Promise<Row[]>,
        documents.count(params as never),
      ]);
      return {
        data: rows.map((row) => map(row)),
        meta: { page, pageSize: PUBLIC_PAGE_SIZE, total, pages: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)) },
      };
    },
  };
};

export default createPublicContentService;
