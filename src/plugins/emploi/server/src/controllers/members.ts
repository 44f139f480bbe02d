import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseOrThrow } from '@csc/plugin-core/toolkit';
import { emptyQuery } from '../offers/public-query';
import { readCv, sendCv } from '../members/cv';
import { closeOfferBody, eraseBody, idParam } from '../members/fields';
import {
  checkCsrf,
  checkOrigin,
  closeSession,
  csrfOf,
  memberOf,
  openSession,
  requireMember,
  PARTNER_DATA,
  SOURCING,
  type Admitted,
  type Member,
  type MemberKind,
} from '../members/session';
import { getService } from '../utils/get-service';

type Handler = (ctx: Context) => Promise<void>;

/** Offers are proposed by validated employers and by the centre's partners. */
const PROPOSERS: Admitted = {
  kinds: ['employer', 'partner'],
  refusal: 'Seuls les employeurs validés par le centre et ses partenaires proposent des offres d’emploi.',
};

const deletable: Admitted = { kinds: ['candidate', 'employer', 'referent'], refusal: PARTNER_DATA };
const exportable: Admitted = {
  kinds: ['candidate'],
  refusal: (kind) => (kind === 'partner' ? PARTNER_DATA : 'Cette page est réservée aux candidats.'),
};

/**
 * The members' spaces (`/api/emploi/members/…`). Routes are `auth: false` for Users & Permissions:
 * each handler reads the session cookie itself (`members/session.ts`), checks the CSRF header on
 * writes and the kind of member, so that no bearer token ever reaches the site's scripts.
 */
const members = ({ strapi }: { strapi: Core.Strapi }): Record<string, Handler> => {
  const service = () => getService(strapi, 'members');
  const as =
    (
      kind: MemberKind | Admitted | undefined,
      run: (ctx: Context, member: Member) => Promise<unknown>,
      status = 200,
    ): Handler =>
    async (ctx) => {
      ctx.set('Cache-Control', 'no-store');
      parseOrThrow(emptyQuery, ctx.query);
      const member = await requireMember(strapi, ctx, kind);
      const data = await run(ctx, member);
      ctx.status = status;
      ctx.body = data === undefined ? null : { data };
    };
  const id = (ctx: Context) => parseOrThrow(idParam, { id: ctx.params.id }).id;

  /** Sign-up and log-in open a session; they need no CSRF token (there is no session to ride). */
  const opening =
    (run: (body: unknown) => Promise<number>, status: number): Handler =>
    async (ctx) => {
      ctx.set('Cache-Control', 'no-store');
      checkOrigin(strapi, ctx);
      parseOrThrow(emptyQuery, ctx.query);
      const userId = await run(ctx.request.body);
      const member = await memberOf(strapi, userId);
      if (!member) throw new Error('The account just opened is missing');
      const { csrfToken } = await openSession(strapi, ctx, member);
      ctx.status = status;
      ctx.body = { data: { csrfToken, ...(await service().me(member)) } };
    };

  /** The password forms open no session: they answer a French sentence the page shows. */
  const passwordForm =
    (run: (body: unknown) => Promise<{ message: string }>, status: number): Handler =>
    async (ctx) => {
      ctx.set('Cache-Control', 'no-store');
      checkOrigin(strapi, ctx);
      parseOrThrow(emptyQuery, ctx.query);
      ctx.body = { data: await run(ctx.request.body) };
      ctx.status = status;
    };

  return {
    forgotPassword: passwordForm((body) => getService(strapi, 'passwords').forgot(body), 202),
    resetPassword: passwordForm((body) => getService(strapi, 'passwords').reset(body), 200),
    signUpCandidate: opening((body) => service().signUpCandidate(body), 201),
    signUpEmployer: opening((body) => service().signUpEmployer(body), 201),
    logIn: opening((body) => service().logIn(body), 200),
    async logOut(ctx) {
      ctx.set('Cache-Control', 'no-store');
      checkOrigin(strapi, ctx);
      checkCsrf(ctx);
      await closeSession(strapi, ctx);
      ctx.status = 204;
    },
    me: as(undefined, async (ctx, member) => ({ csrfToken: csrfOf(ctx), ...(await service().me(member)) })),
    updateProfile: as('candidate', (ctx, member) => service().updateProfile(member, ctx.request.body)),
    candidates: as('employer', (_ctx, member) => service().candidates(member)),
    candidate: as('employer', (ctx, member) => service().candidate(member, id(ctx))),
    position: as('employer', (ctx, member) => service().position(member, id(ctx), ctx.request.body), 201),
    positionings: as(SOURCING, (_ctx, member) => service().positionings(member)),
    answer: as(SOURCING, (ctx, member) => service().answer(member, id(ctx), ctx.request.body)),
    referentCandidates: as('referent', (_ctx, member) => service().referentCandidates(member)),
    storeCv: as('candidate', async (ctx, member) => service().storeCv(member, await readCv(ctx))),
    removeCv: as('candidate', (_ctx, member) => service().removeCv(member), 204),
    async ownCv(ctx) {
      parseOrThrow(emptyQuery, ctx.query);
      const member = await requireMember(strapi, ctx, 'candidate');
      sendCv(ctx, await service().ownCv(member));
    },
    async candidateCv(ctx) {
      parseOrThrow(emptyQuery, ctx.query);
      const member = await requireMember(strapi, ctx, 'employer');
      sendCv(ctx, await service().cvForEmployer(member, id(ctx)));
    },
    messages: as(SOURCING, (ctx, member) => getService(strapi, 'messages').list(member, id(ctx))),
    sendMessage: as(
      SOURCING,
      (ctx, member) => getService(strapi, 'messages').send(member, id(ctx), ctx.request.body),
      201,
    ),
    groupMessages: as(SOURCING, (_ctx, member) => getService(strapi, 'groupMessages').list(member)),
    writeToCandidates: as(
      'referent',
      (ctx, member) => getService(strapi, 'groupMessages').sendToCandidates(member, ctx.request.body),
      201,
    ),
    exportOwn: as(exportable, (_ctx, member) => service().exportOwn(member)),
    eraseOwn: as(
      deletable,
      async (ctx, member) => {
        parseOrThrow(eraseBody, ctx.request.body ?? {});
        await service().eraseOwn(member);
        await closeSession(strapi, ctx);
      },
      204,
    ),
    ownOffers: as(PROPOSERS, (_ctx, member) => getService(strapi, 'submissions').ownOf(member)),
    proposeOffer: as(
      PROPOSERS,
      (ctx, member) => getService(strapi, 'submissions').proposeAs(member, ctx.request.body),
      201,
    ),
    closeOwnOffer: as(PROPOSERS, (ctx, member) => {
      parseOrThrow(closeOfferBody, ctx.request.body ?? {});
      return getService(strapi, 'submissions').closeOwn(member, id(ctx));
    }),
  };
};

export default members;
