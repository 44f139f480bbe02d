import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { CAPTURED_EMAIL_UID } from '../../../shared/permissions';
import type { MailMode } from '../../../shared/contracts/mail';

/** Captured e-mails are test and demo material: they are kept this long, then deleted. */
export const CAPTURE_RETENTION_DAYS = 30;

/**
 * What the sender knows but the e-mail plugin's `send(options)` does not carry: the centre the
 * message is for. Core's mail service runs the send inside this context; the capture reads it.
 */
export const mailContext = new AsyncLocalStorage<{ centre: number | null }>();

/** The part of an e-mail provider core relies on (Strapi's providers all have it). */
export interface EmailProvider {
  send(options: Record<string, unknown>): Promise<unknown>;
  [other: string]: unknown;
}

interface EmailPlugin {
  provider?: EmailProvider;
}

function addressList(value: unknown): string {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items
    .map((item) => {
      if (typeof item === 'string') return item;
      if (item && typeof item === 'object' && 'address' in item) return String((item as { address: unknown }).address);
      return '';
    })
    .filter(Boolean)
    .join(', ');
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value.slice(0, 255) : null;
}

/** A readable text version when a caller only gave HTML. */
function textOf(options: Record<string, unknown>): string {
  if (typeof options.text === 'string') return options.text;
  if (typeof options.html !== 'string') return '';
  return options.html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|h\d|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * In capture mode, replaces the e-mail plugin's provider by one that stores each message in
 * `plugin::core.captured-email` and sends nothing. Wrapping the provider (rather than core's
 * own service) catches every sender: products, `strapi.plugin('email').service('email').send`,
 * the password-reset mails of Users & Permissions. Runs in core's bootstrap, after the e-mail
 * plugin's (built-in plugins bootstrap first), which creates the provider.
 */
export function installMailCapture(strapi: Core.Strapi, mode: MailMode): void {
  const plugin = strapi.plugin('email') as unknown as EmailPlugin | undefined;
  if (!plugin?.provider) {
    throw new Error('core: the e-mail plugin has no provider at core bootstrap; e-mail cannot be captured');
  }
  if (mode !== 'capture') return;
  const settings = strapi.config.get('plugin::email') as {
    settings?: { defaultFrom?: string; defaultReplyTo?: string };
  };
  const original = plugin.provider;
  plugin.provider = {
    ...original,
    async send(options: Record<string, unknown>) {
      const centre = mailContext.getStore()?.centre ?? null;
      const now = Date.now();
      await strapi.db.query(CAPTURED_EMAIL_UID).create({
        data: {
          to: addressList(options.to),
          from: optionalString(options.from) ?? optionalString(settings.settings?.defaultFrom),
          replyTo: optionalString(options.replyTo) ?? optionalString(settings.settings?.defaultReplyTo),
          subject: String(options.subject ?? '').slice(0, 255),
          text: textOf(options),
          html: typeof options.html === 'string' ? options.html : null,
          centre,
        },
      });
      await strapi.db.query(CAPTURED_EMAIL_UID).deleteMany({
        where: { createdAt: { $lt: new Date(now - CAPTURE_RETENTION_DAYS * 86400000) } },
      });
      return { captured: true };
    },
  };
}
