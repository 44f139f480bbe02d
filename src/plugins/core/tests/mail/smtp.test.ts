import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../../tests/harness/admin';
import { addressOf, logsDuring, startSmtpServer, type TestSmtpServer } from './smtp-server';

const RESIDENT = 'elodie.martin@example.org';
const SUBJECT = 'Votre inscription à l’atelier « Café des parents » est confirmée';
const SENTENCE =
  'Nous vous attendons jeudi à 14 h, salle des Tilleuls : goûter, jeux et échanges entre parents. Ça se passe près de l’école Jean-Macé.';

let smtp: TestSmtpServer;
let app: TestApp;
let superAdmin: StaffAccount;

const mail = () => app.strapi.plugin('core').service('mail');
const capturedCount = () => app.strapi.db.query('plugin::core.captured-email').count();

beforeAll(async () => {
  smtp = await startSmtpServer({ user: 'centre-oliviers', password: 'mot-de-passe-smtp' });
  app = await startTestApp({
    EMAIL_MODE: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    SMTP_USER: 'centre-oliviers',
    SMTP_PASSWORD: 'mot-de-passe-smtp',
    EMAIL_FROM: 'Centre social des Oliviers <ne-pas-repondre@oliviers.example>',
    EMAIL_REPLY_TO: 'accueil@oliviers.example',
  });
  superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

describe('sending through a real SMTP server', () => {
  it('delivers a French message: subject, recipient, sender, reply address and accents intact', async () => {
    const composed = mail().compose({
      subject: SUBJECT,
      greeting: 'Bonjour Élodie,',
      paragraphs: [SENTENCE, 'Pensez à prendre votre carnet de santé.'],
      signature: 'L’accueil du centre social des Oliviers',
    });
    await expect(mail().send({ to: RESIDENT, ...composed })).resolves.toEqual({ mode: 'smtp' });

    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message.subject).toBe(SUBJECT);
    expect(addressOf(message.to)).toBe(RESIDENT);
    expect(addressOf(message.from)).toBe('ne-pas-repondre@oliviers.example');
    expect((Array.isArray(message.from) ? message.from[0] : message.from)?.value[0].name).toBe(
      'Centre social des Oliviers',
    );
    expect(addressOf(message.replyTo)).toBe('accueil@oliviers.example');
    expect(message.text).toContain('Bonjour Élodie,');
    expect(message.text).toContain(SENTENCE);
    expect(message.text).toContain('L’accueil du centre social des Oliviers');
    const html = String(message.html);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Nous vous attendons jeudi à 14 h, salle des Tilleuls');
    expect(html).toContain('Café des parents');
    // Nothing is kept when the message really leaves.
    expect(await capturedCount()).toBe(0);
  });

  it('gives a plain-text message an accessible HTML twin, with what was typed escaped', async () => {
    await mail().send({
      to: RESIDENT,
      subject: 'Rappel : réunion <mardi>',
      text: 'Réunion mardi.\n\nApportez vos idées <b>nombreuses</b> & votre bonne humeur.',
    });
    const message = smtp.received[smtp.received.length - 1];
    expect(message.text).toBe('Réunion mardi.\n\nApportez vos idées <b>nombreuses</b> & votre bonne humeur.');
    expect(String(message.html)).toContain(
      '<p>Apportez vos idées &lt;b&gt;nombreuses&lt;/b&gt; &amp; votre bonne humeur.</p>',
    );
    expect(String(message.html)).toContain('<title>Rappel : réunion &lt;mardi&gt;</title>');
  });

  it('carries every sender of the app, not only core’s service', async () => {
    const before = smtp.received.length;
    await app.strapi
      .plugin('email')
      .service('email')
      .send({ to: RESIDENT, subject: 'Réinitialisation du mot de passe', text: 'Votre lien est prêt.' });
    expect(smtp.received).toHaveLength(before + 1);
    expect(smtp.received[smtp.received.length - 1].subject).toBe('Réinitialisation du mot de passe');
    expect(await capturedCount()).toBe(0);
  });

  it.each([
    [{ to: 'pas-une-adresse', subject: 'Objet', text: 'Texte' }, 'Cette adresse e-mail n’est pas valide.'],
    [{ to: RESIDENT, subject: 'Objet\r\nBcc: victime@example.org', text: 'Texte' }, 'L’objet tient sur une ligne.'],
    [{ to: RESIDENT, subject: '', text: 'Texte' }, 'L’objet de l’e-mail est obligatoire.'],
    [{ to: RESIDENT, subject: 'Objet', text: '   ' }, 'Le texte de l’e-mail est obligatoire.'],
  ])('refuses a malformed message before anything leaves: %j', async (message, expected) => {
    const before = smtp.received.length;
    await expect(mail().send(message)).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ message: expected })] },
    });
    expect(smtp.received).toHaveLength(before);
  });

  it('tells the admin page that e-mails are really sent, and has none to show', async () => {
    const { body } = await app
      .http()
      .get('/core/e-mails')
      .set('Authorization', `Bearer ${superAdmin.token}`)
      .expect(200);
    expect(body).toEqual({ mode: 'smtp', results: [], pagination: { page: 1, pageSize: 25, total: 0, pageCount: 0 } });
  });
});

describe('when the SMTP server is down', () => {
  beforeAll(async () => {
    await smtp.close();
  });

  it('fails with a clear French error, writes nothing, and logs neither the address nor the text', async () => {
    const before = smtp.received.length;
    const { logs, error } = await logsDuring(app.strapi, () =>
      mail().send({ to: RESIDENT, subject: SUBJECT, text: SENTENCE, centre: null }),
    );
    expect(error).toMatchObject({
      name: 'MailDeliveryError',
      message: expect.stringContaining('L’e-mail n’a pas pu être envoyé'),
      details: { code: 'ESOCKET' },
    });
    expect(String((error as Error).message)).not.toContain(RESIDENT);
    expect(smtp.received).toHaveLength(before);
    expect(await capturedCount()).toBe(0);
    expect(logs).toContain('E-mail not sent');
    expect(logs).not.toContain(RESIDENT);
    expect(logs).not.toContain('example.org');
    expect(logs).not.toContain('Café des parents');
    expect(logs).not.toContain('salle des Tilleuls');
  });
});
