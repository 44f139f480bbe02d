import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CENTRE_UID } from '@csc/plugin-core/shared';
import { clearListCacheOnWrites, createListCache } from '@csc/plugin-core/toolkit';
import { OFFER_UID } from '../../../shared/permissions';
import type {
  ClosedOffersQuery,
  ClosedOffersResponse,
  OffersQuery,
  OffersResponse,
  PublicOffer,
} from '../../../shared/contracts/offers';
import type { ApplyMethod, Contract, OfferStatus, Sector } from '../../../shared/contracts/values';
import { addDays, dayOf, parisDay, parisMidnight } from '../offers/days';
import { communeKey, type OfferLimits } from '../offers/fields';
import { getService } from '../utils/get-service';

type Row = Record<string, unknown>;

const PUBLIC_COLUMNS = [
  'documentId',
  'title',
  'romeCode',
  'employerName',
  'sector',
  'contract',
  'hoursPerWeek',
  'commune',
  'postalCode',
  'latitude',
  'longitude',
  'description',
  'profile',
  'startDate',
  'validUntil',
  'applyMethod',
  'applyEmail',
  'applyUrl',
  'state',
  'publishedAt',
];

const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const textOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The public read of offers: published ones only; the list keeps those open today (closed, or
 * past their last day even before the nightly job ran, are left out); one offer is readable
 * closed, so that its page can say so.
 */
const createOffersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = (key: string) => Number(strapi.config.get(`plugin::emploi.${key}`));
  // Sites and visitors ask the same few lists over and over, offers change a few times a day: an
  // answer is kept until an offer or a centre is written (or a minute, for other instances).
  const cache = createListCache();
  clearListCacheOnWrites(strapi, cache, [OFFER_UID, CENTRE_UID]);

  function today(): string {
    return parisDay(getService(strapi, 'clock').now());
  }

  function toPublic(row: Row, day: string): PublicOffer {
    const validUntil = dayOf(row.validUntil) ?? day;
    const centre = row.centre as { name: string; slug: string } | null | undefined;
    const status: OfferStatus = row.state === 'closed' || validUntil < day ? 'closed' : 'open';
    return {
      id: String(row.documentId),
      title: String(row.title),
      romeCode: textOrNull(row.romeCode),
      employer: { name: String(row.employerName) },
      sector: (textOrNull(row.sector) as Sector | null) ?? null,
      contract: row.contract as Contract,
      hoursPerWeek: number(row.hoursPerWeek),
      commune: String(row.commune),
      postalCode: textOrNull(row.postalCode),
      latitude: number(row.latitude),
      longitude: number(row.longitude),
      description: String(row.description),
      profile: textOrNull(row.profile),
      startDate: dayOf(row.startDate),
      validUntil,
      datePosted: new Date(row.publishedAt as string).toISOString(),
      // A closed offer no longer takes applications: its address and link are not given out.
      apply: {
        method: row.applyMethod as ApplyMethod,
        email: status === 'open' && row.applyMethod === 'email' ? textOrNull(row.applyEmail) : null,
        url: status === 'open' && row.applyMethod === 'link' ? textOrNull(row.applyUrl) : null,
      },
      status,
      centre: centre ? { name: centre.name, slug: centre.slug } : null,
    };
  }

  /** One page of the published offers matching `where`, newest first. */
  async function readPage(
    where: Row,
    paging: { page?: number; pageSize?: number },
    orderBy: Row[],
    day: string,
  ): Promise<OffersResponse> {
    const page = paging.page ?? 1;
    const pageSize = paging.pageSize ?? 20;
    const offers = strapi.db.query(OFFER_UID);
    const [rows, total] = await Promise.all([
      offers.findMany({
        where,
        select: PUBLIC_COLUMNS,
        populate: { centre: { select: ['name', 'slug'] } },
        orderBy: [...orderBy, { id: 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }) as Promise<Row[]>,
      offers.count({ where }),
    ]);
    return {
      data: rows.map((row) => toPublic(row, day)),
      meta: { page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) },
    };
  }

  /** One page of the live offers matching the filters, read from the database. */
  function readList(query: OffersQuery, day: string): Promise<OffersResponse> {
    const where: Row = { publishedAt: { $notNull: true }, state: 'open', validUntil: { $gte: day } };
    if (query.contract) where.contract = query.contract;
    if (query.sector) where.sector = query.sector;
    if (query.commune) where.communeKey = communeKey(query.commune);
    if (query.centre) where.centre = { slug: query.centre };
    if (query.postedSince) where.publishedAt = { $notNull: true, $gte: parisMidnight(query.postedSince) };
    return readPage(where, query, [{ publishedAt: 'desc' }], day);
  }

  /**
   * Offers closed within the last `closedPageDays`: closed by the nightly job or the team (dated
   * by `closedAt`, else by their last change for those closed before it was kept), or past their
   * last day before the job ran.
   */
  function readClosed(query: ClosedOffersQuery, day: string): Promise<ClosedOffersResponse> {
    const days = config('closedPageDays');
    const since = new Date(getService(strapi, 'clock').now().getTime() - days * 86_400_000);
    const where: Row = {
      publishedAt: { $notNull: true },
      $or: [
        { state: 'closed', closedAt: { $gte: since } },
        { state: 'closed', closedAt: { $null: true }, updatedAt: { $gte: since } },
        { state: 'open', validUntil: { $lt: day, $gte: addDays(day, -days) } },
      ],
    };
    if (query.centre) where.centre = { slug: query.centre };
    return readPage(where, query, [{ validUntil: 'desc' }], day);
  }

  return {
    /** Today's limits on an offer's last day (Paris days). */
    limits(): OfferLimits & { defaultDay: string } {
      const day = today();
      const maxDays = config('offerMaxDays');
      return {
        today: day,
        maxDays,
        maxDay: addDays(day, maxDays),
        defaultDay: addDays(day, config('offerDefaultDays')),
      };
    },

    today,

    list(query: OffersQuery): Promise<OffersResponse> {
      const day = today();
      // Offers past their last day leave the list: the day is part of the question.
      return cache.get(JSON.stringify([day, query]), () => readList(query, day));
    },

    closed(query: ClosedOffersQuery): Promise<ClosedOffersResponse> {
      const day = today();
      return cache.get(JSON.stringify(['closed', day, query]), () => readClosed(query, day));
    },

    async get(documentId: string): Promise<PublicOffer> {
      const row = (await strapi.db.query(OFFER_UID).findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        select: PUBLIC_COLUMNS,
        populate: { centre: { select: ['name', 'slug'] } },
      })) as Row | null;
      if (!row) throw new errors.NotFoundError('Cette offre n’existe pas ou n’est pas encore publiée.');
      return toPublic(row, today());
    },
  };
};

export type OffersService = ReturnType<typeof createOffersService>;
export default createOffersService;
