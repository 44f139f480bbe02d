import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { parseOrThrow } from '@csc/plugin-core/toolkit';
import type { SiteBuildsResponse } from '../../../shared';
import { getService } from '../utils/get-service';

const centreParam = z.object({
  centre: z.coerce.number({ message: 'Centre inconnu.' }).int('Centre inconnu.').min(1, 'Centre inconnu.'),
});

const createBuildsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const body: SiteBuildsResponse = { data: await getService(strapi, 'builds').list(ctx.state.user) };
    ctx.body = body;
  },
  async rebuild(ctx: Context) {
    const { centre } = parseOrThrow(centreParam, { centre: ctx.params.centre });
    await getService(strapi, 'builds').rebuildNow(ctx.state.user, centre);
    ctx.status = 202;
    ctx.body = { data: { queued: true } };
  },
});

export default createBuildsController;
