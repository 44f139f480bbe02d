import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { parseOrThrow } from '@csc/plugin-core/toolkit';
import { getService } from '../utils/get-service';

const unknownKey = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Paramètre inconnu : ${issue.keys?.join(', ')}.` : undefined,
};
const centreParam = z.object({
  centre: z.string().regex(/^[a-z0-9-]{1,80}$/, 'Identifiant de centre invalide.'),
});
const listQuery = z.strictObject(
  {
    page: z.coerce
      .number({ message: 'Le numéro de page est un nombre.' })
      .int('Le numéro de page est un nombre entier.')
      .min(1, 'Les pages commencent à 1.')
      .max(10_000, 'Ce numéro de page est trop grand.')
      .default(1),
  },
  unknownKey,
);

const createPublicContentController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async site(ctx: Context) {
    const { centre } = parseOrThrow(centreParam, { centre: ctx.params.centre });
    ctx.body = await getService(strapi, 'publicContent').site(centre);
  },
  async activities(ctx: Context) {
    const { centre } = parseOrThrow(centreParam, { centre: ctx.params.centre });
    const { page } = parseOrThrow(listQuery, ctx.query);
    ctx.body = await getService(strapi, 'publicContent').list(centre, 'activities', page);
  },
  async news(ctx: Context) {
    const { centre } = parseOrThrow(centreParam, { centre: ctx.params.centre });
    const { page } = parseOrThrow(listQuery, ctx.query);
    ctx.body = await getService(strapi, 'publicContent').list(centre, 'news', page);
  },
});

export default createPublicContentController;
