import type { z } from 'zod';
import { publicFormRoute } from '@csc/plugin-core/toolkit';
import { candidateSignUp, employerSignUp, forgotBody, login, resetBody } from '../members/fields';

/** Public, read-only: what the static site build reads. */
const read = (path: string, handler: string) => ({
  method: 'GET' as const,
  path,
  handler: `read.${handler}`,
  config: { auth: false as const },
});

/** Members' spaces: the handler authenticates by the session cookie (see `members/session.ts`). */
const member = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, handler: string) => ({
  method,
  path: `/members${path}`,
  handler: `members.${handler}`,
  config: {
    auth: false as const,
    notAForm: 'member route: the handler checks the session cookie and, on writes, the CSRF token',
  },
});

/** Sign-up, log-in and the password forms are open forms: core's guard limits them per address (and log-in per e-mail). */
const opening = (path: string, handler: string, schema: z.ZodType, perHour: number, perEmail?: number) =>
  publicFormRoute({
    path: `/members${path}`,
    handler: `members.${handler}`,
    schema,
    honeypot: false,
    limits: {
      perAddress: { max: perHour, windowSeconds: 3600 },
      ...(perEmail
        ? {
            perTarget: { max: perEmail, windowSeconds: 900, key: (data: unknown) => (data as { email: string }).email },
          }
        : {}),
    },
  });

/**
 * Public routes under /api/emploi/. Reads are open (published offers only). The partner routes
 * need a Users & Permissions account with core's « Partenaire » role (actions granted through
 * core, see bootstrap); the employer routes an account with the « Employeur » role, linked to an
 * employer the centre validated. Bodies are checked field by field in French (`offers/fields.ts`).
 */
export default {
  type: 'content-api' as const,
  routes: [
    read('/offers', 'list'),
    // Before `/offers/:id`, which would take « closed » for an identifier.
    read('/offers/closed', 'closed'),
    read('/offers/:id', 'offer'),
    read('/actors', 'actors'),
    read('/events', 'events'),
    { method: 'GET' as const, path: '/partner/offers', handler: 'partner.listOffers' },
    { method: 'POST' as const, path: '/partner/offers', handler: 'partner.createOffer' },
    { method: 'GET' as const, path: '/employer/offers', handler: 'employer.listOffers' },
    { method: 'POST' as const, path: '/employer/offers', handler: 'employer.createOffer' },
    opening('/candidates/sign-up', 'signUpCandidate', candidateSignUp, 10),
    opening('/employers/sign-up', 'signUpEmployer', employerSignUp, 10),
    opening('/session', 'logIn', login, 30, 10),
    opening('/password/forgot', 'forgotPassword', forgotBody, 20, 3),
    opening('/password/reset', 'resetPassword', resetBody, 20),
    member('DELETE', '/session', 'logOut'),
    member('GET', '/me', 'me'),
    member('POST', '/me/delete', 'eraseOwn'),
    member('GET', '/me/export', 'exportOwn'),
    member('PUT', '/profile', 'updateProfile'),
    member('PUT', '/profile/cv', 'storeCv'),
    member('DELETE', '/profile/cv', 'removeCv'),
    member('GET', '/profile/cv', 'ownCv'),
    member('GET', '/candidates/:id/cv', 'candidateCv'),
    member('GET', '/candidates', 'candidates'),
    member('GET', '/candidates/:id', 'candidate'),
    member('POST', '/candidates/:id/positionings', 'position'),
    member('GET', '/referent/candidates', 'referentCandidates'),
    member('POST', '/referent/messages', 'writeToCandidates'),
    member('GET', '/group-messages', 'groupMessages'),
    member('GET', '/positionings', 'positionings'),
    member('POST', '/positionings/:id/answer', 'answer'),
    member('GET', '/positionings/:id/messages', 'messages'),
    member('POST', '/positionings/:id/messages', 'sendMessage'),
    member('GET', '/offers', 'ownOffers'),
    member('POST', '/offers', 'proposeOffer'),
    member('POST', '/offers/:id/close', 'closeOwnOffer'),
  ],
};
