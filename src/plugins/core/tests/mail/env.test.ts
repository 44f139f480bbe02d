import { ConfigError, readEnv } from '../../../../../src/env';

function errorOf(source: Record<string, string>): ConfigError {
  try {
    readEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('readEnv accepted the environment');
}

describe('e-mail settings', () => {
  it('captures when no SMTP server is configured, and sends once one is', () => {
    expect(readEnv({}).mail).toMatchObject({
      mode: 'capture',
      from: 'Centre social <ne-pas-repondre@demo.centre-social.fr>',
    });
    expect(readEnv({ SMTP_HOST: 'smtp.example.org' }).mail).toEqual({
      mode: 'smtp',
      smtp: { host: 'smtp.example.org', port: 587, secure: false, user: undefined, password: undefined },
      from: 'Centre social <ne-pas-repondre@demo.centre-social.fr>',
      replyTo: undefined,
    });
    expect(readEnv({ SMTP_HOST: 'smtp.example.org', EMAIL_MODE: 'capture' }).mail.mode).toBe('capture');
  });

  it('reads a provider with TLS and a login', () => {
    const { mail } = readEnv({
      SMTP_HOST: 'ssl0.example.net',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_USER: 'accueil@centre.fr',
      SMTP_PASSWORD: 'p@ss word',
      EMAIL_FROM: 'accueil@centre.fr',
      EMAIL_REPLY_TO: 'Accueil <accueil@centre.fr>',
    });
    expect(mail).toEqual({
      mode: 'smtp',
      smtp: { host: 'ssl0.example.net', port: 465, secure: true, user: 'accueil@centre.fr', password: 'p@ss word' },
      from: 'accueil@centre.fr',
      replyTo: 'Accueil <accueil@centre.fr>',
    });
  });

  it.each([
    [{ EMAIL_MODE: 'smtp' }, 'SMTP_HOST', 'is required when EMAIL_MODE=smtp'],
    [{ EMAIL_MODE: 'pigeon' }, 'EMAIL_MODE', 'expected one of smtp, capture'],
    [{ SMTP_HOST: 'smtp.example.org', SMTP_USER: 'accueil' }, 'SMTP_PASSWORD', 'is required when SMTP_USER is set'],
    [{ SMTP_PORT: '0' }, 'SMTP_PORT', 'expected a port number'],
    [{ SMTP_SECURE: 'oui' }, 'SMTP_SECURE', 'expected true or false'],
    [{ EMAIL_FROM: 'Centre social' }, 'EMAIL_FROM', 'expected an e-mail address or "Name <address>"'],
    [{ EMAIL_REPLY_TO: 'a@b.fr, c@d.fr' }, 'EMAIL_REPLY_TO', 'expected an e-mail address'],
  ])('names the variable at fault: %j', (source, variable, problem) => {
    const error = errorOf(source);
    expect(error.subject).toBe(variable);
    expect(error.message).toContain(problem);
  });

  it('never repeats the SMTP password', () => {
    const { mail } = readEnv({ SMTP_HOST: 'smtp.example.org', SMTP_USER: 'accueil', SMTP_PASSWORD: 'Tr3s-secret' });
    expect(mail.smtp.password).toBe('Tr3s-secret');
    const error = errorOf({
      SMTP_HOST: 'smtp.example.org',
      SMTP_USER: 'accueil',
      SMTP_PASSWORD: 'Tr3s-secret',
      SMTP_PORT: 'x',
    });
    expect(error.message).not.toContain('Tr3s-secret');
  });
});
