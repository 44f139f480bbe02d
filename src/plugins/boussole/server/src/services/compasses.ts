import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, parseOrThrow } from '@csc/plugin-core/toolkit';
import { CENTRE_UID, THEMATIQUES } from '@csc/plugin-core/shared';
import { COMPASS_UID } from '../../../shared/permissions';
import { AUDIENCES, type Audience } from '../../../shared/contracts/values';
import type { CompassCommune, CompassSettings, CompassSummary, LocalTheme } from '../../../shared/contracts/compass';
import type { CompassChoicesResponse, CompassRecord } from '../../../shared/contracts/admin';
import { compassInput } from '../compasses/input';
import { coreService, type AdminUser } from '../core-services';
import { themeLabel } from '../validation/fields';

export const DEFAULT_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_ATTRIBUTION = '© les contributeurs d’OpenStreetMap';

/** A compass as stored. */
export interface CompassRow {
  id: number;
  documentId: string;
  title: string;
  slug: string;
  intro: string | null;
  themes: string[] | null;
  localThemes: LocalTheme[] | null;
  audiences: Audience[] | null;
  communes: CompassCommune[] | null;
  sitePath: string;
  mapTiles: string | null;
  mapAttribution: string | null;
  updatedAt: string | Date;
  centre?: { id: number; name: string; slug: string } | null;
}

const notFound = () => new errors.NotFoundError('Cette boussole n’existe pas.');

const POPULATE = { centre: { select: ['id', 'name', 'slug'] } };

/** Compasses: configured views of the shared directory and agenda, each with its own site. */
const createCompassesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(COMPASS_UID);

  const toRecord = (row: CompassRow): CompassRecord => ({
    id: row.documentId,
    title: row.title,
    slug: row.slug,
    intro: row.intro ?? null,
    themes: row.themes ?? [],
    localThemes: row.localThemes ?? [],
    audiences: row.audiences ?? [],
    communes: row.communes ?? [],
    sitePath: row.sitePath,
    mapTiles: row.mapTiles ?? null,
    mapAttribution: row.mapAttribution ?? null,
    centre: row.centre ? { id: row.centre.id, name: row.centre.name } : null,
    updatedAt: new Date(row.updatedAt).toISOString(),
  });

  async function inScope(user: AdminUser, documentId: unknown): Promise<CompassRow> {
    if (typeof documentId !== 'string' || !/^[a-z0-9]{10,40}$/.test(documentId)) throw notFound();
    const scope = await coreService(strapi, 'scope').filterFor(user, COMPASS_UID);
    const row = (await query().findOne({
      where: { $and: [{ documentId }, ...(scope ? [scope] : [])] },
      populate: POPULATE,
    })) as CompassRow | null;
    if (!row) throw notFound();
    return row;
  }

  /** The centre a new or moved compass belongs to: one of the user's, or the install's only one. */
  async function centreFor(user: AdminUser, wanted: number | null | undefined): Promise<number | undefined> {
    const scope = coreService(strapi, 'scope');
    if (wanted == null) {
      const centres = await strapi.db.query(CENTRE_UID).count({});
      if (centres > 1) throw fieldError('centre', 'Choisissez le centre de cette boussole.');
      return undefined;
    }
    const allowed = scope.isSuperAdmin(user) ? null : await scope.centreIdsOf(user.id);
    const exists = await strapi.db.query(CENTRE_UID).count({ where: { id: wanted } });
    if (!exists || (allowed && !allowed.includes(wanted))) {
      throw fieldError('centre', 'Ce centre n’existe pas ou n’est pas le vôtre.');
    }
    return wanted;
  }

  async function assertFree(field: 'slug' | 'sitePath', value: string, except?: string): Promise<void> {
    const other = (await query().findOne({ where: { [field]: value }, select: ['documentId'] })) as {
      documentId: string;
    } | null;
    if (other && other.documentId !== except) {
      throw fieldError(
        field,
        field === 'slug'
          ? 'Une autre boussole porte déjà cet identifiant.'
          : 'Une autre boussole a déjà son site à cette adresse.',
      );
    }
  }

  return {
    async list(user: AdminUser): Promise<CompassRecord[]> {
      const scope = await coreService(strapi, 'scope').filterFor(user, COMPASS_UID);
      const rows = (await query().findMany({
        where: scope ?? {},
        populate: POPULATE,
        orderBy: [{ title: 'asc' }, { id: 'asc' }],
      })) as CompassRow[];
      return rows.map(toRecord);
    },

    async get(user: AdminUser, documentId: unknown): Promise<CompassRecord> {
      return toRecord(await inScope(user, documentId));
    },

    async create(user: AdminUser, body: unknown): Promise<CompassRecord> {
      const input = parseOrThrow(compassInput, body ?? {});
      const { centre: wanted, ...fields } = input;
      await assertFree('slug', fields.slug);
      await assertFree('sitePath', fields.sitePath);
      const centre = await centreFor(user, wanted);
      const created = (await strapi
        .documents(COMPASS_UID)
        .create({ data: { ...fields, ...(centre ? { centre } : {}) } } as never)) as { documentId: string };
      return toRecord(await inScope({ id: 0, roles: [{ code: 'strapi-super-admin' }] }, created.documentId));
    },

    async update(user: AdminUser, documentId: unknown, body: unknown): Promise<CompassRecord> {
      const existing = await inScope(user, documentId);
      const input = parseOrThrow(compassInput, body ?? {});
      const { centre: wanted, ...fields } = input;
      await assertFree('slug', fields.slug, existing.documentId);
      await assertFree('sitePath', fields.sitePath, existing.documentId);
      const centre = wanted == null ? undefined : await centreFor(user, wanted);
      await strapi.documents(COMPASS_UID).update({
        documentId: existing.documentId,
        data: { ...fields, ...(centre ? { centre } : {}) },
      } as never);
      return toRecord(await inScope(user, existing.documentId));
    },

    async choices(user: AdminUser): Promise<CompassChoicesResponse['data']> {
      const scope = await coreService(strapi, 'scope').filterFor(user, CENTRE_UID);
      const centres = (await strapi.db.query(CENTRE_UID).findMany({
        where: scope ?? {},
        select: ['id', 'name'],
        orderBy: { name: 'asc' },
      })) as { id: number; name: string }[];
      return {
        themes: THEMATIQUES.map((theme) => ({ code: theme.value, label: theme.label })),
        audiences: AUDIENCES.map((audience) => ({ code: audience.value, label: audience.label })),
        centres,
      };
    },

    /** The compass behind a public address; 404 in French when there is none. */
    async bySlug(slug: string): Promise<CompassRow> {
      const row = (await query().findOne({ where: { slug }, populate: POPULATE })) as CompassRow | null;
      if (!row) throw notFound();
      return row;
    },

    async summaries(): Promise<CompassSummary[]> {
      const rows = (await query().findMany({
        select: ['slug', 'title', 'sitePath'],
        orderBy: [{ title: 'asc' }, { id: 'asc' }],
      })) as CompassRow[];
      return rows.map((row) => ({ slug: row.slug, title: row.title, sitePath: row.sitePath }));
    },

    settingsOf(row: CompassRow): CompassSettings {
      return {
        slug: row.slug,
        title: row.title,
        sitePath: row.sitePath,
        intro: row.intro ?? null,
        themes: [
          ...(row.themes ?? []).map((code) => ({ code, label: themeLabel(code), local: false })),
          ...(row.localThemes ?? []).map((theme) => ({ code: theme.code, label: theme.label, local: true })),
        ],
        audiences: (row.audiences ?? []).map((code) => ({
          code,
          label: AUDIENCES.find((audience) => audience.value === code)?.label ?? code,
        })),
        communes: row.communes ?? [],
        map: { tiles: row.mapTiles || DEFAULT_TILES, attribution: row.mapAttribution || DEFAULT_ATTRIBUTION },
        centre: row.centre ? { name: row.centre.name, slug: row.centre.slug } : null,
      };
    },
  };
};

export type CompassesService = ReturnType<typeof createCompassesService>;
export default createCompassesService;
