import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseOrThrow } from '../utils/validation-error';
import { getService } from '../utils/get-service';
import { buildCalendar } from './ics';
import { calendarQuery, directoryQuery, documentIdParam, eventQuery } from './query';

/** Lists change a few times a day: caches and sites may keep them five minutes. */
const PUBLIC_CACHE = 'public, max-age=300';

const createDirectoryController = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The host in every event UID: the configured public URL, else the request's host. */
  const uidHost = (ctx: Context): string => {
    const url = strapi.config.get<string>('server.url', '');
    try {
      if (url) return new URL(url).hostname;
    } catch {
      // A relative or empty server.url: fall back to the request.
    }
    return ctx.request.hostname || 'localhost';
  };

  const sendCalendar = (ctx: Context, body: string, filename: string) => {
    ctx.set('Content-Type', 'text/calendar; charset=utf-8');
    ctx.set('Content-Disposition', `inline; filename="${filename}"`);
    ctx.set('Cache-Control', PUBLIC_CACHE);
    ctx.body = body;
  };

  return {
    /** `GET /api/core/directory/structures` */
    async structures(ctx: Context) {
      const { page, pageSize, ...filters } = parseOrThrow(directoryQuery, ctx.query);
      ctx.set('Cache-Control', PUBLIC_CACHE);
      ctx.body = await getService(strapi, 'directory').structures(filters, { page, pageSize });
    },

    /** `GET /api/core/directory/services` */
    async services(ctx: Context) {
      const { page, pageSize, ...filters } = parseOrThrow(directoryQuery, ctx.query);
      ctx.set('Cache-Control', PUBLIC_CACHE);
      ctx.body = await getService(strapi, 'directory').services(filters, { page, pageSize });
    },

    /** `GET /api/core/directory/events` */
    async events(ctx: Context) {
      const { page, pageSize, ...filters } = parseOrThrow(eventQuery, ctx.query);
      ctx.set('Cache-Control', PUBLIC_CACHE);
      ctx.body = await getService(strapi, 'directory').events(filters, { page, pageSize });
    },

    /** `GET /api/core/directory/events.ics` */
    async calendar(ctx: Context) {
      const filters = parseOrThrow(calendarQuery, ctx.query);
      const events = await getService(strapi, 'directory').allEvents(filters);
      sendCalendar(ctx, buildCalendar(events, { host: uidHost(ctx), name: 'Agenda du territoire' }), 'agenda.ics');
    },

    /** `GET /api/core/directory/events/:documentId/event.ics` */
    async eventCalendar(ctx: Context) {
      const { documentId } = parseOrThrow(documentIdParam, { documentId: ctx.params.documentId });
      const event = await getService(strapi, 'directory').event(documentId);
      sendCalendar(ctx, buildCalendar([event], { host: uidHost(ctx), name: event.titre }), 'evenement.ics');
    },
  };
};

export default createDirectoryController;
