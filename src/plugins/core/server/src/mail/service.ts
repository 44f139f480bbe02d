import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { CapturedEmailPage, CapturedEmailView, MailMessage, MailMode } from '../../../shared/contracts/mail';
import { CAPTURED_EMAIL_UID } from '../../../shared/permissions';
import type { AdminUserLike } from '../centres/scope';
import type { CoreConfig } from '../config';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/validation-error';
import { mailContext } from './capture';
import { composeMail, htmlFromText, type MailLayout } from './templates';
import { centreFilter, listQuery, paginationOf } from '../utils/list-query';

/** The e-mail could not be handed over; nothing about the recipient or the message is in it. */
export class MailDeliveryError extends errors.ApplicationError {
  constructor(code: string) {
    super(
      'L’e-mail n’a pas pu être envoyé : le serveur d’envoi ne répond pas ou l’a refusé. Réessayez dans quelques minutes ; si cela continue, prévenez l’administrateur.',
      { code },
    );
    (this as Error).name = 'MailDeliveryError';
  }
}

const singleLine = (value: string) => !/[\r\n]/.test(value);

const mailMessage = z.strictObject({
  to: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'L’adresse e-mail est trop longue.')
    .email('Cette adresse e-mail n’est pas valide.'),
  subject: z
    .string()
    .trim()
    .min(1, 'L’objet de l’e-mail est obligatoire.')
    .max(200, 'L’objet compte 200 caractères au plus.')
    .refine(singleLine, 'L’objet tient sur une ligne.'),
  text: z.string().trim().min(1, 'Le texte de l’e-mail est obligatoire.').max(50000, 'Le texte est trop long.'),
  html: z.string().max(200000, 'Le HTML est trop long.').optional(),
  centre: z.number().int().positive().nullable().optional(),
  replyTo: z.string().trim().max(254).email('L’adresse de réponse n’est pas valide.').optional(),
  listUnsubscribe: z
    .url({ protocol: /^https?$/, error: 'Le lien de désinscription doit être une adresse http ou https.' })
    .max(2000, 'Le lien de désinscription est trop long.')
    .optional(),
});

const mailListQuery = listQuery({
  centre: centreFilter,
});

const idParam = z.coerce.number('Cet e-mail n’existe pas.').int().positive('Cet e-mail n’existe pas.');

/** What the SMTP library says, reduced to codes: its messages may quote addresses. */
function failureCode(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return [typeof code === 'string' ? code : 'UNKNOWN', typeof responseCode === 'number' ? responseCode : null]
    .filter((part) => part !== null)
    .join(' ');
}

interface CapturedRow {
  id: number;
  createdAt: string | Date;
  to: string;
  from: string | null;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  centre?: { id: number; name: string } | null;
}

const summary = (row: CapturedRow) => ({
  id: row.id,
  at: new Date(row.createdAt).toISOString(),
  to: row.to,
  subject: row.subject,
  centre: row.centre ? { id: row.centre.id, name: row.centre.name } : null,
});

/**
 * The e-mail channel of every product: `send` hands a French message to Strapi's e-mail plugin
 * (SMTP through nodemailer, or the capture), `compose` lays one out.
 */
const createMailService = ({ strapi }: { strapi: Core.Strapi }) => ({
  mode(): MailMode {
    return (strapi.config.get('plugin::core.mail') as CoreConfig['mail'] | undefined)?.mode ?? 'capture';
  },

  compose(layout: MailLayout) {
    return composeMail(layout);
  },

  /**
   * Sends one message, or throws {@link MailDeliveryError} (French, no address in it) when the
   * server is unreachable or refuses it. Inside a database transaction, a failure lets the caller
   * roll back what the message was about.
   */
  async send(input: MailMessage): Promise<{ mode: MailMode }> {
    const message = parseOrThrow(mailMessage, input);
    const options = {
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? htmlFromText(message.subject, message.text),
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
      ...(message.listUnsubscribe
        ? {
            headers: {
              'List-Unsubscribe': `<${message.listUnsubscribe}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            },
          }
        : {}),
    };
    try {
      await mailContext.run({ centre: message.centre ?? null }, () =>
        strapi.plugin('email').service('email').send(options),
      );
    } catch (error) {
      const code = failureCode(error);
      // Codes only: the library's message may quote the recipient.
      strapi.log.error(`E-mail not sent (${this.mode()} mode): ${code}`);
      throw new MailDeliveryError(code);
    }
    return { mode: this.mode() };
  },

  /** Captured e-mails as `user` may read them: their centres' only, unless super-admin. */
  async list(user: AdminUserLike, rawQuery: unknown): Promise<CapturedEmailPage> {
    const query = parseOrThrow(mailListQuery, rawQuery ?? {});
    const scope = await getService(strapi, 'scope').filterFor(user, CAPTURED_EMAIL_UID);
    const filters: Record<string, unknown>[] = [];
    if (scope) filters.push(scope);
    if (query.centre) filters.push({ centre: { id: query.centre } });
    const where = filters.length > 0 ? { $and: filters } : {};
    const [rows, total] = await Promise.all([
      strapi.db.query(CAPTURED_EMAIL_UID).findMany({
        where,
        select: ['id', 'createdAt', 'to', 'subject'],
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
        populate: { centre: { select: ['id', 'name'] } },
      }) as Promise<CapturedRow[]>,
      strapi.db.query(CAPTURED_EMAIL_UID).count({ where }),
    ]);
    return {
      mode: this.mode(),
      results: rows.map(summary),
      pagination: paginationOf(query, total),
    };
  },

  async findOne(user: AdminUserLike, rawId: unknown): Promise<CapturedEmailView> {
    const parsed = idParam.safeParse(rawId);
    if (!parsed.success) throw new errors.NotFoundError('Cet e-mail n’existe pas.');
    const scope = await getService(strapi, 'scope').filterFor(user, CAPTURED_EMAIL_UID);
    const row = (await strapi.db.query(CAPTURED_EMAIL_UID).findOne({
      where: scope ? { $and: [{ id: parsed.data }, scope] } : { id: parsed.data },
      populate: { centre: { select: ['id', 'name'] } },
    })) as CapturedRow | null;
    // Another centre's message is "not found", not "forbidden": its existence is not shown.
    if (!row) throw new errors.NotFoundError('Cet e-mail n’existe pas.');
    return { ...summary(row), from: row.from, replyTo: row.replyTo, text: row.text, html: row.html };
  },
});

export type MailService = ReturnType<typeof createMailService>;
export default createMailService;
