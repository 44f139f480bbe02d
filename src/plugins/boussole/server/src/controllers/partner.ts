import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import type { PartnerKind } from '../services/partners';

/** Partners' routes (`/api/boussole/partner/…`, Users & Permissions JWT, role « Partenaire »). */
const createPartnerController = ({ strapi }: { strapi: Core.Strapi }) => {
  const partners = () => getService(strapi, 'partners');
  const list = (kind: PartnerKind) => async (ctx: Context) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await partners().list(ctx.state.user, kind) };
  };
  const create = (kind: PartnerKind) => async (ctx: Context) => {
    const created = await partners().create(ctx.state.user, kind, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: created };
  };
  return {
    listResources: list('resources'),
    createResources: create('resources'),
    listGlossaryTerms: list('glossary-terms'),
    createGlossaryTerms: create('glossary-terms'),
  };
};

export default createPartnerController;
