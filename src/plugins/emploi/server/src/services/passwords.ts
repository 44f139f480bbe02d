import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { fieldError, parseOrThrow } from '@csc/plugin-core/toolkit';
import { PASSWORD_LINK_UID } from '../../../shared/permissions';
import { coreService } from '../core-services';
import { forgotBody, resetBody } from '../members/fields';
import { MEMBER_ROLE_TYPES, closeSessionsOf, hashOf } from '../members/session';
import { PASSWORD_LINK } from '../notices/jobs';
import { getService } from '../utils/get-service';

const USER_UID = 'plugin::users-permissions.user';
const HOUR_MS = 3600 * 1000;
/** A forgotten password's link is short-lived; a new referent's one waits for her a week. */
const LIFETIME_MS = { reset: HOUR_MS, welcome: 7 * 24 * HOUR_MS } as const;
type Purpose = keyof typeof LIFETIME_MS;

/** The one answer to « mot de passe oublié », whether the address has an account or not. */
export const FORGOT_ANSWER =
  'Si un compte existe avec cette adresse, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien reste valable une heure.';
const BAD_LINK = 'Ce lien n’est plus valable : il a déjà servi ou il a expiré. Demandez-en un nouveau.';

interface LinkRow {
  id: number;
  account: number;
  purpose: Purpose;
  expiresAt: string;
}

/**
 * Links to choose one's password: the token is random (32 bytes), e-mailed once and kept only as
 * its SHA-256, with its account and expiry; it serves once. The outbox job mints it when it
 * sends the e-mail, so that neither the outbox nor the logs ever hold it, and the request
 * answers the same whether the address has an account or not.
 */
const createPasswordsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now();
  const links = () => strapi.db.query(PASSWORD_LINK_UID);

  function siteUrl(): string | null {
    const own = String(strapi.config.get('plugin::emploi.siteUrl') ?? '').trim();
    const cms = String(strapi.config.get('server.url') ?? '').trim();
    const base = own || (/^https?:\/\//.test(cms) ? `${cms.replace(/\/+$/, '')}/emploi/` : '');
    return /^https?:\/\/[^\s]+$/.test(base) ? base.replace(/\/*$/, '/') : null;
  }

  /** A new link for an account; the account's older links of the same purpose stop serving. */
  async function plan(account: number, purpose: Purpose): Promise<void> {
    await links().deleteMany({ where: { $or: [{ account, purpose }, { expiresAt: { $lt: now() } }] } });
    const row = (await links().create({
      data: { account, purpose, expiresAt: new Date(now().getTime() + LIFETIME_MS[purpose]) },
    })) as { documentId: string };
    await coreService(strapi, 'outbox').enqueue(
      PASSWORD_LINK,
      { link: row.documentId },
      { idempotencyKey: `emploi.password-link:${row.documentId}` },
    );
  }

  function mailOf(purpose: Purpose, url: string) {
    if (purpose === 'welcome') {
      return {
        subject: 'Votre accès à l’espace emploi du centre social',
        paragraphs: [
          'Le centre social vous a ouvert un compte de référent sur son portail emploi : vous y suivrez les candidats que vous accompagnez et répondrez avec eux aux employeurs.',
          `Pour commencer, choisissez votre mot de passe en ouvrant ce lien (valable 7 jours) :\n${url}`,
          'Vous vous connecterez ensuite avec cette adresse e-mail et ce mot de passe. Si le lien a expiré, utilisez « Mot de passe oublié » sur la page de connexion.',
        ],
        signature: 'Le portail emploi du centre social',
      };
    }
    return {
      subject: 'Choisir un nouveau mot de passe',
      paragraphs: [
        'Quelqu’un, sans doute vous, a demandé à choisir un nouveau mot de passe pour votre espace emploi.',
        `Ouvrez ce lien pour le choisir (valable une heure, une seule fois) :\n${url}`,
        'Si vous n’avez rien demandé, ne faites rien : votre mot de passe actuel reste valable.',
      ],
      signature: 'Le portail emploi du centre social',
    };
  }

  return {
    /** Where the e-mailed links lead; null when the install says neither address. */
    siteUrl,

    registerJobs(): void {
      coreService(strapi, 'outbox').handle(
        PASSWORD_LINK,
        async ({ link }) => {
          const row = (await links().findOne({
            where: { documentId: link },
            select: ['id', 'account', 'purpose', 'expiresAt', 'tokenHash'],
          })) as (LinkRow & { tokenHash: string | null }) | null;
          if (!row || row.tokenHash || new Date(row.expiresAt) <= now()) return;
          const user = (await strapi.db.query(USER_UID).findOne({ where: { id: row.account }, select: ['email'] })) as {
            email: string;
          } | null;
          const site = siteUrl();
          if (!user || !site) return;
          const token = randomBytes(32).toString('base64url');
          // After « # », the token stays in the browser: it reaches no web server's log.
          const url = `${site}espace/nouveau-mot-de-passe/#jeton=${token}`;
          const mail = coreService(strapi, 'mail');
          await mail.send({ to: user.email, centre: null, ...mail.compose(mailOf(row.purpose, url)) });
          // Stored once sent: a retry after a failed send mints another token.
          await links().update({ where: { id: row.id }, data: { tokenHash: hashOf(token) } });
        },
        { label: 'Emploi : envoyer un lien pour choisir son mot de passe', publicFields: [], maxAttempts: 5 },
      );
    },

    /** « Mot de passe oublié » : a link for a member's account, and the same answer for any address. */
    async forgot(body: unknown): Promise<{ message: string }> {
      const { email } = parseOrThrow(forgotBody, body ?? {});
      const user = (await strapi.db.query(USER_UID).findOne({
        where: { email, provider: 'local' },
        select: ['id', 'blocked'],
        populate: { role: { select: ['type'] } },
      })) as { id: number; blocked: boolean | null; role: { type: string } | null } | null;
      if (user && !user.blocked && user.role && MEMBER_ROLE_TYPES.includes(user.role.type)) {
        await plan(user.id, 'reset');
      }
      return { message: FORGOT_ANSWER };
    },

    /** A new referent's link to choose her first password. */
    async welcome(account: number): Promise<void> {
      await plan(account, 'welcome');
    },

    /** Sets the password of the link's account, spends the link and ends the account's sessions. */
    async reset(body: unknown): Promise<{ message: string }> {
      const { token, password } = parseOrThrow(resetBody, body ?? {});
      const row = (await links().findOne({
        where: { tokenHash: hashOf(token), expiresAt: { $gt: now() } },
        select: ['id', 'account', 'purpose', 'expiresAt'],
      })) as LinkRow | null;
      if (!row) throw fieldError('token', BAD_LINK);
      // Spent first: of two requests with the same token, only one finds it.
      const spent = await links().deleteMany({ where: { id: row.id } });
      if (!spent || (spent as { count?: number }).count === 0) throw fieldError('token', BAD_LINK);
      const user = (await strapi.db.query(USER_UID).findOne({
        where: { id: row.account },
        select: ['id', 'blocked'],
      })) as { id: number; blocked: boolean | null } | null;
      if (!user || user.blocked) throw fieldError('token', BAD_LINK);
      await strapi.plugin('users-permissions').service('user').edit(user.id, { password });
      await closeSessionsOf(strapi, [user.id]);
      await links().deleteMany({ where: { account: user.id } });
      return { message: 'Votre mot de passe est enregistré : connectez-vous avec lui.' };
    },

    /** Links of erased accounts go with them. */
    async forget(accountIds: number[]): Promise<void> {
      if (accountIds.length > 0) await links().deleteMany({ where: { account: { $in: accountIds } } });
    },
  };
};

export type PasswordsService = ReturnType<typeof createPasswordsService>;
export default createPasswordsService;
