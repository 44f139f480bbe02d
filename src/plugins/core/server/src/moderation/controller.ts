import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { MailDeliveryError } from '../mail/service';
import { getService } from '../utils/get-service';

const createModerationController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await getService(strapi, 'moderation').list(ctx.state.user, ctx.query);
  },

  async findOne(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await getService(strapi, 'moderation').detail(ctx.state.user, ctx.params.id);
  },

  async decide(ctx: Context) {
    try {
      ctx.body = await getService(strapi, 'moderation').decide(ctx.state.user, ctx.params.id, ctx.request.body);
    } catch (error) {
      if (!(error instanceof MailDeliveryError)) throw error;
      // Nothing was recorded: the moderator can simply try again later.
      ctx.status = 503;
      ctx.body = {
        data: null,
        error: {
          status: 503,
          name: 'MailDeliveryError',
          message:
            'La décision n’a pas été enregistrée : l’e-mail à la personne n’a pas pu partir (serveur d’envoi indisponible). Réessayez dans quelques minutes.',
          details: error.details,
        },
      };
    }
  },
});

export default createModerationController;
