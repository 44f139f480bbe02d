import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CENTRE_UID, EVENT_UID, PLACE_UID, STRUCTURE_UID } from '@csc/plugin-core/shared';
import { BUILD_STATUS_UID, PLUGIN_ID, SITE_CONTENT_UIDS, type SiteBuildStatus } from '../../../shared';
import type { SiteConfig } from '../config';
import { buildSite, currentDir, siteBase } from './builder';

export const REBUILD_JOB = 'site.rebuild';

export interface Outbox {
  handle(
    name: string,
    run: (
      payload: { centre: string },
      context: { signal: AbortSignal; attempt: number; maxAttempts: number },
    ) => Promise<void>,
    options: { label: string; maxAttempts: number; timeoutSeconds: number; publicFields: string[] },
  ): void;
  enqueue(
    name: string,
    payload: { centre: string },
    options: { runAt: Date; idempotencyKey: string; centre: number },
  ): Promise<unknown>;
}

export interface AdminUser {
  id: number;
  roles?: { code?: string }[];
}

/** Rebuilds a centre's site through the core outbox, a few seconds after its content changes. */
const createSiteBuildService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as SiteConfig;
  const outbox = () => strapi.plugin('core').service('outbox') as Outbox;
  const statuses = () => strapi.db.query(BUILD_STATUS_UID);

  async function saveStatus(centreSlug: string, data: Record<string, unknown>) {
    const existing = await statuses().findOne({ where: { centreSlug } });
    if (existing) await statuses().update({ where: { id: existing.id }, data });
    else await statuses().create({ data: { centreSlug, ...data } });
  }

  function cmsUrl(): string {
    if (config().cmsUrl) return config().cmsUrl as string;
    const address = strapi.server.httpServer.address();
    const port = typeof address === 'object' && address ? address.port : strapi.config.get('server.port');
    return `http://127.0.0.1:${port}`;
  }

  function publicUrl(): string | undefined {
    const url = strapi.config.get('server.url') as string | undefined;
    return url && /^https?:\/\//.test(url) ? url : undefined;
  }

  async function run(centreSlug: string, signal: AbortSignal): Promise<void> {
    await saveStatus(centreSlug, { state: 'building', startedAt: new Date() });
    const result = await buildSite({
      projectDir: path.join(strapi.dirs.app.root, 'frontends', 'site'),
      sitesDir: config().sitesDir,
      centreSlug,
      cmsUrl: cmsUrl(),
      cmsPublicUrl: publicUrl(),
      signal,
    });
    if (result.ok) {
      await saveStatus(centreSlug, {
        state: 'ok',
        finishedAt: new Date(),
        lastGoodAt: new Date(),
        lastGoodDurationMs: result.durationMs,
        error: null,
      });
      return;
    }
    // Shown at once, even if the outbox tries again (the CMS may have been restarting).
    await saveStatus(centreSlug, { state: 'failed', finishedAt: new Date(), error: result.output });
    throw new Error('La construction du site a échoué : le site précédent reste en ligne.');
  }

  return {
    /** Core's outbox runs the builds (site's bootstrap). */
    registerJob(): void {
      outbox().handle(REBUILD_JOB, (payload, context) => run(payload.centre, context.signal), {
        label: 'Reconstruction du site',
        maxAttempts: 3,
        timeoutSeconds: 600,
        publicFields: ['centre'],
      });
    },

    /**
     * Asks for a rebuild at the end of the current window: every change within the window
     * lands on the same idempotency key, so a burst of edits makes a single build.
     */
    async request(centreId: number, { now = Date.now(), immediate = false } = {}): Promise<void> {
      const centre = await strapi.db.query(CENTRE_UID).findOne({ where: { id: centreId }, select: ['id', 'slug'] });
      if (!centre) return;
      const windowMs = immediate ? 1000 : config().rebuildDelaySeconds * 1000;
      const slot = Math.ceil((now + 1) / windowMs);
      await outbox().enqueue(
        REBUILD_JOB,
        { centre: centre.slug },
        {
          runAt: new Date(slot * windowMs),
          idempotencyKey: `${REBUILD_JOB}:${centre.slug}:${slot}`,
          centre: centre.id,
        },
      );
      await saveStatus(centre.slug, { state: 'waiting', requestedAt: new Date(now) });
    },

    /**
     * Rebuilds when a published entry of the site changes, or the centre itself (site's register).
     * The agenda lives in core's directory: its events, and the places and organisers they show,
     * count as the site's own entries.
     */
    watchPublications(): void {
      const watched = new Set<string>([...SITE_CONTENT_UIDS, CENTRE_UID, EVENT_UID, PLACE_UID, STRUCTURE_UID]);
      const publishing = new Set(['publish', 'unpublish', 'delete', 'discardDraft']);
      strapi.documents.use(async (context, next) => {
        if (!watched.has(context.uid)) return next();
        const params = context.params as { documentId?: string; status?: string; data?: { centre?: unknown } };
        const matters =
          context.uid === CENTRE_UID
            ? context.action === 'update'
            : publishing.has(context.action) ||
              ((context.action === 'create' || context.action === 'update') && params.status === 'published');
        if (!matters) return next();
        const before = params.documentId ? await centreOf(context.uid, params.documentId) : null;
        const result = await next();
        const after = (result as { documentId?: string } | null)?.documentId
          ? await centreOf(context.uid, (result as { documentId: string }).documentId)
          : null;
        for (const centreId of new Set([before, after].filter((id): id is number => id !== null))) {
          // The edit is saved whatever happens here: a rebuild can always be asked from the admin.
          await this.request(centreId).catch((error: Error) =>
            strapi.log.error(`Site: the rebuild could not be queued (${error.message})`),
          );
        }
        return result;
      });
    },

    /**
     * Each night every site is rebuilt, so that the agenda drops the events that have passed and
     * a recurring event shows its next date. Every instance runs the cron; the outbox key of the
     * window makes one build of it.
     */
    async rebuildEveryCentre({ now = Date.now() } = {}): Promise<void> {
      const centres = await strapi.db.query(CENTRE_UID).findMany({ select: ['id'] });
      for (const centre of centres) await this.request(centre.id, { now });
    },

    /**
     * At start, a centre whose site was never built here (a fresh install, a new instance, a
     * wiped folder) gets a build, so that its address never stays empty.
     */
    async buildMissing(): Promise<void> {
      const centres = await strapi.db.query(CENTRE_UID).findMany({ select: ['id', 'slug'] });
      for (const centre of centres) {
        if (!fs.existsSync(currentDir(config().sitesDir, centre.slug)))
          await this.request(centre.id, { immediate: true });
      }
    },

    async list(user: AdminUser): Promise<SiteBuildStatus[]> {
      const scope = strapi.plugin('core').service('scope') as {
        isSuperAdmin(user: AdminUser): boolean;
        centreIdsOf(userId: number): Promise<number[]>;
      };
      const where = scope.isSuperAdmin(user) ? {} : { id: { $in: await scope.centreIdsOf(user.id) } };
      const centres = await strapi.db
        .query(CENTRE_UID)
        .findMany({ where, select: ['id', 'name', 'slug'], orderBy: { name: 'asc' } });
      const found = await statuses().findMany({ where: { centreSlug: { $in: centres.map((centre) => centre.slug) } } });
      const bySlug = new Map(found.map((status) => [status.centreSlug, status]));
      return centres.map((centre) => {
        const status = bySlug.get(centre.slug);
        return {
          centre: { id: centre.id, name: centre.name, slug: centre.slug },
          path: siteBase(centre.slug),
          served: config().serve,
          state: status?.state ?? 'never',
          requestedAt: status?.requestedAt ?? null,
          lastGoodAt: status?.lastGoodAt ?? null,
          lastGoodDurationMs: status?.lastGoodDurationMs ?? null,
          finishedAt: status?.finishedAt ?? null,
          error: status?.state === 'failed' ? (status.error ?? null) : null,
        };
      });
    },

    async rebuildNow(user: AdminUser, centreId: number): Promise<void> {
      const visible = (await this.list(user)).some((status) => status.centre.id === centreId);
      if (!visible) throw new errors.NotFoundError('Ce centre n’existe pas ou ne fait pas partie des vôtres.');
      await this.request(centreId, { immediate: true });
    },
  };

  async function centreOf(uid: string, documentId: string): Promise<number | null> {
    if (uid === CENTRE_UID) {
      const centre = await strapi.db.query(CENTRE_UID).findOne({ where: { documentId }, select: ['id'] });
      return centre?.id ?? null;
    }
    const entry = await strapi.db
      .query(uid as typeof CENTRE_UID)
      .findOne({ where: { documentId }, populate: { centre: { select: ['id'] } } });
    return (entry as { centre?: { id: number } | null } | null)?.centre?.id ?? null;
  }
};

export type SiteBuildService = ReturnType<typeof createSiteBuildService>;
export default createSiteBuildService;
