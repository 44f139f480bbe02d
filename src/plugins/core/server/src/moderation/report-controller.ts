import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { publicFormData } from '../../../toolkit/public-forms';
import { reportRequest } from './report-schema';

const createReportController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `POST /api/core/reports`, public. */
  async create(ctx: Context) {
    const input = publicFormData(ctx, reportRequest);
    const { accepted } = await getService(strapi, 'moderation').report(input, { address: ctx.request.ip });
    ctx.set('Cache-Control', 'no-store');
    if (!accepted) {
      ctx.status = 409;
      ctx.body = {
        data: null,
        error: {
          status: 409,
          name: 'ConflictError',
          message: 'Vous avez déjà signalé ce contenu. Merci : l’équipe du centre va le regarder.',
          details: {},
        },
      };
      return;
    }
    ctx.status = 201;
    ctx.body = { data: { received: true } };
  },
});

export default createReportController;
