import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtpServer {
  port: number;
  /** Every message the server accepted, parsed as a mail client would. */
  received: ParsedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on a random loopback port: the app talks SMTP to it exactly as to a
 * provider's, with a login when `credentials` are given.
 */
export async function startSmtpServer(credentials?: { user: string; password: string }): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    // Plain loopback: no certificate to trust, and the login is still checked.
    disabledCommands: credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !credentials,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (credentials && auth.username === credentials.user && auth.password === credentials.password) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The one address of a parsed To/From/Reply-To header. */
export function addressOf(header: ParsedMail['to'] | ParsedMail['from'] | ParsedMail['replyTo']): string | undefined {
  const first = Array.isArray(header) ? header[0] : header;
  return first?.value[0]?.address;
}

/** Every line the app logs while `run` runs (to check what never appears there), and its failure. */
export async function logsDuring(
  strapi: { log: unknown },
  run: () => Promise<unknown>,
): Promise<{ logs: string; error: unknown }> {
  const log = strapi.log as Record<string, unknown>;
  const levels = ['error', 'warn', 'info', 'http', 'verbose', 'debug'];
  const lines: string[] = [];
  const originals = levels.map((level) => log[level]);
  let error: unknown = undefined;
  levels.forEach((level, index) => {
    const original = originals[index] as (...args: unknown[]) => unknown;
    log[level] = (...args: unknown[]) => {
      lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
      return original.apply(log, args);
    };
  });
  try {
    await run();
  } catch (failure) {
    error = failure;
  } finally {
    levels.forEach((level, index) => {
      log[level] = originals[index];
    });
  }
  return { logs: lines.join('\n'), error };
}
