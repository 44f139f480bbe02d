import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { PARTNER_ROLE } from '@csc/plugin-core/shared';
import { CANDIDATE_ROLE, EMPLOYER_ROLE, REFERENT_ROLE, SESSION_UID } from '../../../shared/permissions';
import { getService } from '../utils/get-service';

export const SESSION_COOKIE = 'emploi_session';
export const CSRF_COOKIE = 'emploi_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const COOKIE_PATH = '/api/emploi/members';
const SESSION_HOURS = 12;

export type MemberKind = 'candidate' | 'employer' | 'referent' | 'partner';

export interface Member {
  id: number;
  email: string;
  kind: MemberKind;
}

const RESERVED: Record<MemberKind, string> = {
  candidate: 'Cette page est réservée aux candidats.',
  employer: 'Cette page est réservée aux employeurs.',
  referent: 'Cette page est réservée aux référents.',
  partner: 'Cette page est réservée aux partenaires du centre.',
};

/**
 * A partner's account is core's, shared with the centre's other tools: the emploi space neither
 * exports nor deletes it.
 */
export const PARTNER_DATA =
  'Votre compte partenaire est partagé avec les autres outils du centre social : pour obtenir une copie de vos données ou supprimer ce compte, demandez-le à l’équipe du centre.';

/** Kinds a route admits, and the French sentence for everyone else. */
export interface Admitted {
  kinds: readonly MemberKind[];
  refusal: string | ((kind: MemberKind) => string);
}

/** The sourcing (profiles, positionings, messages): partners have no part in it. */
export const SOURCING: Admitted = {
  kinds: ['candidate', 'employer', 'referent'],
  refusal: 'Cette page est réservée aux candidats, aux employeurs et aux référents.',
};

const KIND_OF_ROLE: Record<string, MemberKind> = {
  [CANDIDATE_ROLE.type]: 'candidate',
  [EMPLOYER_ROLE.type]: 'employer',
  [REFERENT_ROLE.type]: 'referent',
  // Core's partners (Mission Locale, France Travail…) propose offers from the space too.
  [PARTNER_ROLE.type]: 'partner',
};

/** Roles whose accounts may log in to the members' spaces. */
export const MEMBER_ROLE_TYPES: readonly string[] = Object.keys(KIND_OF_ROLE);

/** What the database keeps of a session token: its SHA-256, never the token itself. */
export const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Touching `lastSeenAt` at most this often keeps reads from writing on every request. */
const SEEN_EVERY_MS = 15 * 60 * 1000;

const nowOf = (strapi: Core.Strapi): Date => getService(strapi, 'clock').now();

/**
 * The session lives in an httpOnly, SameSite=Strict cookie (Secure over https) holding a random
 * token, so that no script of the site can read it; the server keeps only its hash, so that
 * logging out or erasing the account ends it, and the token is worth nothing anywhere else.
 * State-changing requests also carry the CSRF cookie's value in a header (double submit): a page
 * of another site can neither read that cookie nor set the header.
 */
export async function openSession(
  strapi: Core.Strapi,
  ctx: Context,
  member: Pick<Member, 'id' | 'kind'>,
): Promise<{ csrfToken: string }> {
  const now = nowOf(strapi);
  const sessions = strapi.db.query(SESSION_UID);
  // Expired sessions are useless already; each log-in sweeps them away.
  await sessions.deleteMany({ where: { expiresAt: { $lt: now } } });
  const token = randomBytes(32).toString('base64url');
  await sessions.create({
    data: {
      tokenHash: hashOf(token),
      account: member.id,
      kind: member.kind,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600 * 1000),
      lastSeenAt: now,
    },
  });
  ctx.cookies.set(SESSION_COOKIE, token, { ...cookieOptions(ctx), httpOnly: true });
  return { csrfToken: newCsrf(ctx) };
}

const cookieOptions = (ctx: Context) => ({
  path: COOKIE_PATH,
  sameSite: 'strict' as const,
  secure: ctx.secure,
  signed: false,
  maxAge: SESSION_HOURS * 3600 * 1000,
  overwrite: true,
});

function newCsrf(ctx: Context): string {
  const csrfToken = randomBytes(24).toString('base64url');
  ctx.cookies.set(CSRF_COOKIE, csrfToken, { ...cookieOptions(ctx), httpOnly: false });
  return csrfToken;
}

/**
 * The CSRF token of the request's session, for `GET /me`: the site's pages live outside the
 * cookie's path, so a new tab learns the token there. Safe to answer: a page of another site can
 * neither read a same-origin JSON answer nor send the SameSite=Strict session cookie. A session
 * whose CSRF cookie went missing gets a new one.
 */
export function csrfOf(ctx: Context): string {
  const current = ctx.cookies.get(CSRF_COOKIE, { signed: false });
  return current && current.length <= 200 ? current : newCsrf(ctx);
}

/** Ends the session of the request on the server, and clears its cookies in the browser. */
export async function closeSession(strapi: Core.Strapi, ctx: Context): Promise<void> {
  const token = ctx.cookies.get(SESSION_COOKIE, { signed: false });
  if (token) await strapi.db.query(SESSION_UID).deleteMany({ where: { tokenHash: hashOf(token) } });
  for (const name of [SESSION_COOKIE, CSRF_COOKIE]) {
    ctx.cookies.set(name, '', { path: COOKIE_PATH, maxAge: 0, secure: ctx.secure, signed: false, overwrite: true });
  }
}

/** Ends every session of an account (its deletion, its erasure). */
export async function closeSessionsOf(strapi: Core.Strapi, accountIds: number[]): Promise<void> {
  if (accountIds.length === 0) return;
  await strapi.db.query(SESSION_UID).deleteMany({ where: { account: { $in: accountIds } } });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const originOf = (address: unknown): string | null => {
  try {
    return /^https?:\/\//.test(String(address)) ? new URL(String(address)).origin : null;
  } catch {
    return null;
  }
};

/**
 * The members' routes answer their own site only. SameSite=Strict keeps other sites out, but a
 * page of another subdomain of the same site (a centre's blog…) would still send the cookie, and
 * core's CORS answers any origin. A browser names the page's origin on every cross-origin request:
 * it must be the address the request came to (the site is served with the CMS), the CMS's public
 * address or the employment site's configured one.
 */
export function checkOrigin(strapi: Core.Strapi, ctx: Context): void {
  const origin = ctx.get('Origin');
  if (!origin) return;
  const allowed = [
    ctx.origin,
    originOf(strapi.config.get('server.url')),
    originOf(strapi.config.get('plugin::emploi.siteUrl')),
  ];
  if (!allowed.includes(origin)) {
    throw new errors.PolicyError('Cet espace ne répond qu’aux pages du portail emploi.');
  }
}

/** Refuses a state-changing request whose header does not repeat the CSRF cookie. */
export function checkCsrf(ctx: Context): void {
  if (SAFE_METHODS.has(ctx.method)) return;
  const cookie = ctx.cookies.get(CSRF_COOKIE, { signed: false });
  const header = ctx.get(CSRF_HEADER);
  if (!cookie || !header || !sameToken(cookie, header)) {
    throw new errors.PolicyError('La demande n’a pas pu être vérifiée : rechargez la page et recommencez.');
  }
}

/**
 * The member behind the session cookie, of the expected kind (or one of the admitted ones). No
 * session or an expired one is a 401; a blocked account or another kind of member a French 403.
 */
export async function requireMember(strapi: Core.Strapi, ctx: Context, kind?: MemberKind | Admitted): Promise<Member> {
  checkOrigin(strapi, ctx);
  const token = ctx.cookies.get(SESSION_COOKIE, { signed: false });
  const unauthorised = () => new errors.UnauthorizedError('Connectez-vous à votre espace pour continuer.');
  if (!token || token.length > 200) throw unauthorised();
  const now = nowOf(strapi);
  const session = (await strapi.db.query(SESSION_UID).findOne({
    where: { tokenHash: hashOf(token), expiresAt: { $gt: now } },
    select: ['id', 'account', 'lastSeenAt'],
  })) as { id: number; account: number; lastSeenAt: string | null } | null;
  if (!session) throw unauthorised();
  const member = await memberOf(strapi, session.account);
  if (!member) throw unauthorised();
  checkCsrf(ctx);
  if (typeof kind === 'string' && member.kind !== kind) throw new errors.PolicyError(RESERVED[kind]);
  if (typeof kind === 'object' && !kind.kinds.includes(member.kind)) {
    throw new errors.PolicyError(typeof kind.refusal === 'string' ? kind.refusal : kind.refusal(member.kind));
  }
  if (!session.lastSeenAt || now.getTime() - new Date(session.lastSeenAt).getTime() > SEEN_EVERY_MS) {
    await strapi.db.query(SESSION_UID).update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return member;
}

/** The member of an account; null for an unknown one, a French 403 for a blocked or non-member one. */
export async function memberOf(strapi: Core.Strapi, userId: number): Promise<Member | null> {
  const user = (await strapi.db.query('plugin::users-permissions.user').findOne({
    where: { id: userId },
    select: ['id', 'email', 'blocked'],
    populate: { role: { select: ['type'] } },
  })) as { id: number; email: string; blocked: boolean | null; role: { type: string } | null } | null;
  if (!user) return null;
  const memberKind = user.role ? KIND_OF_ROLE[user.role.type] : undefined;
  if (user.blocked || !memberKind) throw new errors.PolicyError('Ce compte n’a pas accès à l’espace emploi.');
  return { id: user.id, email: user.email, kind: memberKind };
}
