import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { answerAccepted, publicFormData } from '../../../../toolkit/public-forms';
import type { PartnerKind } from '../../../../shared/contracts/directory-contributions';
import { clientAddress } from '../../public-forms/client-address';
import { getService } from '../../utils/get-service';
import { parseOrThrow } from '../../utils/validation-error';
import { correctionRequest, correctionToken, eventSuggestion, structureSuggestion } from './schemas';

/** Reading a correction form: a link is opened a few times, not hammered. */
export const FORM_READS = {
  max: 60,
  windowSeconds: 3600,
  message: 'Trop de consultations depuis votre connexion. Réessayez dans {delay}.',
};

const contributions = (strapi: Core.Strapi) => getService(strapi, 'directoryContributions');

/** Partners' routes (`/api/core/directory/partner/…`, Users & Permissions JWT, role « Partenaire »). */
export const createPartnerController = ({ strapi }: { strapi: Core.Strapi }) => {
  const list = (kind: PartnerKind) => async (ctx: Context) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await contributions(strapi).partners.list(ctx.state.user, kind) };
  };
  const create = (kind: PartnerKind) => async (ctx: Context) => {
    ctx.status = 201;
    ctx.body = { data: await contributions(strapi).partners.create(ctx.state.user, kind, ctx.request.body) };
  };
  const edit = (kind: PartnerKind) => async (ctx: Context) => {
    ctx.status = 202;
    ctx.body = {
      data: await contributions(strapi).partners.edit(ctx.state.user, kind, ctx.params.documentId, ctx.request.body),
    };
  };
  return {
    listStructures: list('structures'),
    createStructures: create('structures'),
    editStructures: edit('structures'),
    listServices: list('services'),
    createServices: create('services'),
    editServices: edit('services'),
    listEvents: list('events'),
    createEvents: create('events'),
    editEvents: edit('events'),
  };
};

/** Public forms « Proposer une structure » and « Proposer un événement ». */
export const createSuggestionController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async structure(ctx: Context) {
    await contributions(strapi).suggestions.structure(publicFormData(ctx, structureSuggestion));
    answerAccepted(ctx);
  },
  async event(ctx: Context) {
    await contributions(strapi).suggestions.event(publicFormData(ctx, eventSuggestion));
    answerAccepted(ctx);
  },
});

/** Correction links: the staff's trigger (admin) and the public form behind the link. */
export const createCorrectionController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /api/core/directory/corrections/:token`, public, rate-limited per address. */
  async form(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    await getService(strapi, 'rateLimit').enforce(
      ctx,
      'correction.form',
      'address',
      clientAddress(ctx.request.ip),
      FORM_READS,
    );
    const { token } = parseOrThrow(correctionToken, { token: ctx.params.token });
    ctx.body = { data: await contributions(strapi).corrections.form(token) };
  },

  /** `POST /api/core/directory/corrections/:token`, a public form. */
  async propose(ctx: Context) {
    const { token } = parseOrThrow(correctionToken, { token: ctx.params.token });
    await contributions(strapi).corrections.propose(token, publicFormData(ctx, correctionRequest));
    answerAccepted(ctx);
  },

  /** `POST /core/directory/structures/:documentId/correction-link`, admin. */
  async sendLink(ctx: Context) {
    ctx.status = 202;
    ctx.body = { data: await contributions(strapi).corrections.sendLink(ctx.state.user, ctx.params.documentId) };
  },
});
