import type { TestApp } from '../../../../../tests/harness/strapi';
import type { SmsSendResult } from '../../shared/contracts/sms';
import { DEFAULT_SENDING_WINDOW, isWithinSendingWindow } from '../../shared/sms/hours';
import { providerTagOf, type SmsSendInput, type SmsService } from '../../server/src/sms/service';
import { captureOutput, type CapturedOutput } from './capture-output';
import type { FakeOvh } from './fake-ovh/server';
import { startAppWithFakeOvh, TEST_REPORT_TOKEN } from './fake-ovh/app';

/**
 * The SMS service as the app runs it with SMS_PROVIDER=ovh: the real OVH client, over HTTPS,
 * against the fake OVH API on loopback.
 */

const REPORT_TOKEN = TEST_REPORT_TOKEN;
const RECEIPT_UID = 'plugin::core.sms-receipt';
const BLACKLISTED = '+33612340099';

let app: TestApp;
let fake: FakeOvh;
let stopApp: () => Promise<void>;
let output: CapturedOutput;
let centre: number;
let sms: SmsService;
/** Every number and text sent in this file: none may ever appear in the logs. */
const personal = new Set<string>();

function send(input: Partial<SmsSendInput> & { to: string; body: string }): Promise<SmsSendResult> {
  // Only what could identify someone; empty or one-word test values would match anything.
  if (input.to.length >= 10) personal.add(input.to.replace(/\s/g, ''));
  if (input.body.length >= 10) personal.add(input.body);
  return sms.send({ centre, hours: 'any', ...input });
}

const receipt = (id: number | null) => app.strapi.db.query(RECEIPT_UID).findOne({ where: { id } });
const jobsPosted = () => fake.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/jobs')).length;

async function failureOf(promise: Promise<unknown>): Promise<{ name: string; message: string; details: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string; details: unknown };
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  ({ app, fake, stop: stopApp } = await startAppWithFakeOvh({}, { blacklisted: [BLACKLISTED] }));
  sms = app.strapi.plugin('core').service('sms') as SmsService;
  const created = await app.strapi
    .documents('plugin::core.centre')
    .create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers', smsSenderName: 'Oliviers' } });
  centre = created.id as number;
  output = captureOutput(app.strapi);
});

afterAll(async () => {
  output?.stop();
  await stopApp?.();
});

describe('sending through OVH', () => {
  it('records a receipt, sends once, and never twice under the same tag', async () => {
    const first = await send({
      to: '06 12 34 56 01',
      body: 'Rappel : votre rendez-vous CAF est jeudi à 14 h au centre.',
      tag: 'pense-bete:rappel:1:J-1',
    });
    expect(first).toMatchObject({ outcome: 'sent', retryable: false, status: 'sent', tag: 'pense-bete:rappel:1:J-1' });
    const stored = await receipt(first.receiptId);
    expect(stored).toMatchObject({
      provider: 'ovh',
      providerId: expect.stringMatching(/^\d+$/),
      providerTag: providerTagOf('pense-bete:rappel:1:J-1'),
      phone: '+33612345601',
      sender: 'Oliviers',
      segments: 1,
      credits: 1,
      attempts: 1,
      encoding: 'gsm7',
    });
    expect(fake.sentWithTag(stored.providerTag)).toHaveLength(1);

    const again = await send({
      to: '06 12 34 56 01',
      body: 'Rappel : votre rendez-vous CAF est jeudi à 14 h au centre.',
      tag: 'pense-bete:rappel:1:J-1',
    });
    expect(again).toMatchObject({ outcome: 'already-sent', receiptId: first.receiptId, retryable: false });
    expect(fake.sentWithTag(stored.providerTag)).toHaveLength(1);
  });

  it('uses the default sender when the centre has none, and counts UCS-2 parts', async () => {
    await app.strapi.db.query('plugin::core.centre').update({ where: { id: centre }, data: { smsSenderName: '' } });
    const result = await send({ to: '07 81 23 45 02', body: `Fête de l’atelier ${'ê'.repeat(60)}` });
    await app.strapi.db
      .query('plugin::core.centre')
      .update({ where: { id: centre }, data: { smsSenderName: 'Oliviers' } });
    expect(await receipt(result.receiptId)).toMatchObject({
      sender: 'CSC Test',
      encoding: 'ucs2',
      segments: 2,
      credits: 2,
    });
  });

  it('settles a message whose answer was lost: asks OVH by tag instead of sending again', async () => {
    fake.failNext({ kind: 'cut-after-accept' });
    const input = { to: '06 12 34 56 03', body: 'Atelier numérique demain à 10 h.', tag: 'atelier:42' };
    const lost = await send(input);
    expect(lost).toMatchObject({ outcome: 'failed', retryable: true, status: 'error', reason: 'network' });
    const providerTag = providerTagOf('atelier:42');
    expect(fake.sentWithTag(providerTag)).toHaveLength(1);

    const posted = jobsPosted();
    const retried = await send(input);
    expect(retried).toMatchObject({ outcome: 'already-sent', receiptId: lost.receiptId, status: 'sent' });
    expect(jobsPosted()).toBe(posted);
    expect(fake.sentWithTag(providerTag)).toHaveLength(1);
    expect(await receipt(lost.receiptId)).toMatchObject({
      status: 'sent',
      providerId: String(fake.sentWithTag(providerTag)[0].id),
      attempts: 2,
      errorCode: null,
    });
  });

  it('after a crash, settles receipts left "sending": sent if OVH has them, otherwise resent once', async () => {
    // The process died after OVH accepted the first message and before anything was recorded.
    fake.failNext({ kind: 'cut-after-accept' });
    const wentOut = await send({ to: '06 12 34 56 04', body: 'Message parti avant la panne.', tag: 'crash:1' });
    // The process died before OVH received the second one.
    fake.failNext({ kind: 'http', status: 502, errorCode: 'BAD_GATEWAY', message: 'Bad gateway' });
    const neverLeft = await send({ to: '06 12 34 56 05', body: 'Message jamais parti.', tag: 'crash:2' });
    // Their process stopped renewing its claim: a second ago for one, an hour ago for the other.
    const secondsAgo = new Date(Date.now() - 10_000);
    const crashes = [
      [wentOut.receiptId, new Date(Date.now() - 3_600_000)],
      [neverLeft.receiptId, new Date(Date.now() - 1_000)],
    ] as const;
    for (const [id, claimedUntil] of crashes) {
      await app.strapi.db
        .query(RECEIPT_UID)
        .update({ where: { id }, data: { status: 'sending', attemptedAt: secondsAgo, claimedUntil } });
    }
    // A message being sent right now, its claim still held, is not touched.
    const inFlight = await send({ to: '06 12 34 56 06', body: 'En cours.', tag: 'crash:3' });
    const heldUntil = new Date(Date.now() + 15_000);
    await app.strapi.db.query(RECEIPT_UID).update({
      where: { id: inFlight.receiptId },
      data: { status: 'sending', attemptedAt: new Date(), claimedUntil: heldUntil },
    });

    expect(await sms.reconcileInterrupted()).toEqual({ sent: 1, interrupted: 1 });
    expect(await receipt(wentOut.receiptId)).toMatchObject({
      status: 'sent',
      providerId: expect.stringMatching(/^\d+$/),
    });
    expect(await receipt(neverLeft.receiptId)).toMatchObject({ status: 'error', errorCode: 'interrupted' });
    const busy = await send({ to: '06 12 34 56 06', body: 'En cours.', tag: 'crash:3' });
    expect(busy).toMatchObject({ outcome: 'in-progress', retryable: true });
    // The caller is told to come back once the claim has run out, not before.
    expect(new Date(busy.notBefore ?? 0).getTime()).toBeGreaterThan(heldUntil.getTime());
    expect(fake.sentWithTag(providerTagOf('crash:3'))).toHaveLength(1);

    const resent = await send({ to: '06 12 34 56 05', body: 'Message jamais parti.', tag: 'crash:2' });
    expect(resent).toMatchObject({ outcome: 'sent', receiptId: neverLeft.receiptId });
    expect(fake.sentWithTag(providerTagOf('crash:1'))).toHaveLength(1);
    expect(fake.sentWithTag(providerTagOf('crash:2'))).toHaveLength(1);
  });

  it('keeps a temporary failure retryable (OVH down, OVH silent), then sends once', async () => {
    fake.failNext({ kind: 'http', status: 503, errorCode: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' });
    const down = await send({ to: '06 12 34 56 07', body: 'Panne OVH.', tag: 'panne:1' });
    expect(down).toMatchObject({ outcome: 'failed', retryable: true, status: 'error', reason: 'http-503' });

    fake.failNext({ kind: 'silence' });
    const silent = await send({ to: '06 12 34 56 08', body: 'OVH muet.', tag: 'panne:2' });
    expect(silent).toMatchObject({ outcome: 'failed', retryable: true, status: 'error', reason: 'timeout' });

    expect(await send({ to: '06 12 34 56 07', body: 'Panne OVH.', tag: 'panne:1' })).toMatchObject({ outcome: 'sent' });
    expect(await send({ to: '06 12 34 56 08', body: 'OVH muet.', tag: 'panne:2' })).toMatchObject({ outcome: 'sent' });
    expect(fake.sentWithTag(providerTagOf('panne:1'))).toHaveLength(1);
    expect(fake.sentWithTag(providerTagOf('panne:2'))).toHaveLength(1);
  });

  it('records permanent refusals and never retries them', async () => {
    fake.invalidReceivers.add('+33612345609');
    const invalid = await send({ to: '06 12 34 56 09', body: 'Numéro refusé.', tag: 'refus:1' });
    expect(invalid).toMatchObject({
      outcome: 'refused',
      retryable: false,
      status: 'invalid',
      reason: 'invalid-receiver',
    });
    expect(await receipt(invalid.receiptId)).toMatchObject({ status: 'invalid', credits: 0 });

    const blacklisted = await send({ to: BLACKLISTED, body: 'Cette personne a répondu STOP.', tag: 'refus:2' });
    expect(blacklisted).toMatchObject({ outcome: 'refused', status: 'blacklisted', reason: 'blacklisted' });
    expect(fake.outgoing.filter((item) => item.receiver === BLACKLISTED)).toEqual([]);
    expect(await sms.isBlacklisted('06 12 34 00 99')).toBe(true);

    const wrongSender = await send({ to: '06 12 34 56 10', body: 'Expéditeur inconnu.', sender: 'Inconnu' });
    expect(wrongSender).toMatchObject({ outcome: 'refused', status: 'failed', reason: 'http-400' });
    expect(await receipt(wrongSender.receiptId)).toMatchObject({ errorMessage: 'The sender Inconnu does not exist' });

    const posted = jobsPosted();
    expect(await send({ to: '06 12 34 56 09', body: 'Numéro refusé.', tag: 'refus:1' })).toMatchObject({
      outcome: 'refused',
    });
    expect(await send({ to: BLACKLISTED, body: 'Cette personne a répondu STOP.', tag: 'refus:2' })).toMatchObject({
      outcome: 'refused',
    });
    expect(jobsPosted()).toBe(posted);
  });

  it('sends a given tag once when two processes try at the same moment', async () => {
    const input = { to: '06 12 34 56 11', body: 'Envoi concurrent.', tag: 'concurrent:1' };
    const outcomes = await Promise.all([send(input), send(input), send(input)]);
    expect(fake.sentWithTag(providerTagOf('concurrent:1'))).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.outcome === 'sent')).toHaveLength(1);
    expect(await app.strapi.db.query(RECEIPT_UID).count({ where: { tag: 'concurrent:1' } })).toBe(1);
  });

  it('lets the database refuse a second receipt for a tag', async () => {
    const data = {
      tag: 'unique:1',
      providerTag: providerTagOf('unique:1'),
      provider: 'ovh',
      status: 'sending',
      segments: 1,
      credits: 1,
      attempts: 1,
      stopClause: false,
    };
    const first = await app.strapi.db.query(RECEIPT_UID).create({ data });
    expect(first).toMatchObject({ tag: 'unique:1' });
    const second = await app.strapi.db
      .query(RECEIPT_UID)
      .create({ data })
      .then(
        () => null,
        (error: Error) => error,
      );
    expect(second?.message).toMatch(/unique|duplicate/i);
    expect(await app.strapi.db.query(RECEIPT_UID).count({ where: { tag: 'unique:1' } })).toBe(1);
  });
});

describe('sending many at once', () => {
  const many = (inputs: (Partial<SmsSendInput> & { to: string; body: string })[]) => {
    for (const input of inputs) {
      if (input.to.length >= 10) personal.add(input.to.replace(/\s/g, ''));
      if (input.body.length >= 10) personal.add(input.body);
    }
    return sms.sendMany(inputs.map((input) => ({ centre, hours: 'any' as const, ...input })));
  };

  it('sends each message once, answers in order, and records receipts like one by one', async () => {
    const answers = await many(
      [1, 2, 3, 4, 5].map((n) => ({
        to: `06 12 34 57 0${n}`,
        body: `Rappel ${n} : votre déclaration CAF est à faire avant vendredi.`,
        tag: `lot:1:${n}`,
      })),
    );
    expect(answers.map((answer) => (answer as SmsSendResult).tag)).toEqual([1, 2, 3, 4, 5].map((n) => `lot:1:${n}`));
    for (const [position, answer] of answers.entries()) {
      expect(answer).toMatchObject({ outcome: 'sent', status: 'sent', retryable: false });
      const stored = await app.strapi.db
        .query(RECEIPT_UID)
        .findOne({ where: { id: (answer as SmsSendResult).receiptId }, populate: ['centre'] });
      expect(stored).toMatchObject({
        phone: `+336123457${String(position + 1).padStart(2, '0')}`,
        sender: 'Oliviers',
        providerId: expect.stringMatching(/^\d+$/),
        attempts: 1,
        centre: { id: centre },
      });
      expect(fake.sentWithTag(providerTagOf(`lot:1:${position + 1}`))).toHaveLength(1);
    }
    // Filtered by centre, as the staff's list of receipts is, they are all there.
    const listed = await app.strapi.db
      .query(RECEIPT_UID)
      .count({ where: { centre: { id: centre }, tag: { $startsWith: 'lot:1:' } } });
    expect(listed).toBe(5);
  });

  it('answers a refused input in its place, sends a repeated tag once, and never resends a known one', async () => {
    const known = await send({ to: '06 12 34 57 10', body: 'Déjà parti avant le lot.', tag: 'lot:2:known' });
    const posted = jobsPosted();
    const answers = await many([
      { to: '01 23 45 67 89', body: 'Un fixe ne reçoit pas de SMS.', tag: 'lot:2:landline' },
      { to: '06 12 34 57 11', body: 'Rappel du mardi, une seule fois.', tag: 'lot:2:twice' },
      { to: '06 12 34 57 11', body: 'Rappel du mardi, une seule fois.', tag: 'lot:2:twice' },
      { to: '06 12 34 57 10', body: 'Déjà parti avant le lot.', tag: 'lot:2:known' },
      { to: BLACKLISTED, body: 'Cette personne a répondu STOP au centre.', tag: 'lot:2:stop' },
    ]);
    expect(answers[0]).toMatchObject({ name: 'ValidationError' });
    expect((answers[0] as unknown as { details: { errors: { path: string[] }[] } }).details.errors[0].path).toEqual([
      'to',
    ]);
    expect(answers[1]).toMatchObject({ outcome: 'sent' });
    expect(answers[2]).toMatchObject({ outcome: 'already-sent', receiptId: (answers[1] as SmsSendResult).receiptId });
    expect(answers[3]).toMatchObject({ outcome: 'already-sent', receiptId: known.receiptId });
    expect(answers[4]).toMatchObject({ outcome: 'refused', status: 'blacklisted' });
    expect(fake.sentWithTag(providerTagOf('lot:2:twice'))).toHaveLength(1);
    expect(fake.sentWithTag(providerTagOf('lot:2:known'))).toHaveLength(1);
    expect(jobsPosted()).toBe(posted + 1);
    expect(await app.strapi.db.query(RECEIPT_UID).count({ where: { tag: { $startsWith: 'lot:2:' } } })).toBe(3);
  });

  it('keeps a message that failed for a while retryable, and sends the others', async () => {
    fake.failNext({ kind: 'http', status: 503, errorCode: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' });
    const answers = (await many([
      { to: '06 12 34 57 20', body: 'Premier message du lot en panne.', tag: 'lot:3:1' },
    ])) as SmsSendResult[];
    expect(answers[0]).toMatchObject({ outcome: 'failed', retryable: true, status: 'error' });
    const retried = (await many([
      { to: '06 12 34 57 20', body: 'Premier message du lot en panne.', tag: 'lot:3:1' },
      { to: '06 12 34 57 21', body: 'Deuxième message du lot.', tag: 'lot:3:2' },
    ])) as SmsSendResult[];
    expect(retried.map((answer) => answer.outcome)).toEqual(['sent', 'sent']);
    expect(fake.sentWithTag(providerTagOf('lot:3:1'))).toHaveLength(1);
  });
});

describe('what is refused before anything is recorded', () => {
  it.each([
    [{ to: '01 23 45 67 89' }, 'to', 'Ce numéro est un fixe : indiquez un numéro de mobile (06, 07…).'],
    [
      { to: '+44 7400 123456' },
      'to',
      'Ce numéro est étranger : les SMS ne partent que vers les mobiles de France et des outre-mer.',
    ],
    [{ body: '' }, 'body', 'Le message est vide.'],
    [
      { body: 'a'.repeat(919) },
      'body',
      'Ce message ferait 7 SMS ; 6 au plus sont permis. Retirez environ 1 caractère.',
    ],
    [{ centre: 999999 }, 'centre', 'Centre inconnu.'],
    [
      { sender: '0612345678 trop long' },
      'sender',
      'Le nom d’expéditeur compte 11 caractères au plus : lettres sans accent, chiffres, espace, point ou tiret.',
    ],
    [
      { tag: 'pas de espaces' },
      'tag',
      'L’étiquette ne contient que des lettres sans accent, des chiffres et . _ : / -',
    ],
    [{ extra: true }, '', 'Champ inconnu : extra.'],
  ])('a wrong value (case %#) gives a French message for its field', async (change, field, message) => {
    const before = await app.strapi.db.query(RECEIPT_UID).count();
    const error = await failureOf(send({ to: '06 12 34 56 12', body: 'Bonjour', ...(change as object) }));
    expect(error.name).toBe('ValidationError');
    expect(error.details).toEqual({ errors: [expect.objectContaining({ path: field ? [field] : [], message })] });
    expect(await app.strapi.db.query(RECEIPT_UID).count()).toBe(before);
  });

  it('defers a message outside the sending hours, and drops it when that would be too late', async () => {
    const parisWeekday = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', weekday: 'short' }).format(
      new Date(),
    );
    const today = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parisWeekday) + 1;
    const tomorrowOnly = { days: [(today % 7) + 1], skipPublicHolidays: false };
    const before = jobsPosted();
    const deferred = await send({ to: '06 12 34 56 13', body: 'Plus tard.', hours: tomorrowOnly });
    expect(deferred).toMatchObject({ outcome: 'deferred', retryable: true, receiptId: null });
    const notBefore = new Date(deferred.notBefore ?? '');
    expect(notBefore.getTime()).toBeGreaterThan(Date.now());
    expect(isWithinSendingWindow(notBefore, { ...DEFAULT_SENDING_WINDOW, ...tomorrowOnly })).toBe(true);

    const tooLate = await send({
      to: '06 12 34 56 13',
      body: 'Trop tard.',
      hours: tomorrowOnly,
      notAfter: new Date(Date.now() + 60_000),
    });
    expect(tooLate).toMatchObject({ outcome: 'too-late', retryable: false });
    expect(jobsPosted()).toBe(before);
  });

  it('settles an owed message when its time has passed: sent if OVH had it, otherwise dropped', async () => {
    // A one-minute window twelve hours away in Paris: closed now, whenever the test runs.
    const parisHour = Number(
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hour12: false, timeZone: 'Europe/Paris' }).format(new Date()),
    );
    const opens = String((parisHour + 12) % 24).padStart(2, '0');
    const closedNow = {
      days: [1, 2, 3, 4, 5, 6, 7],
      start: `${opens}:00`,
      end: `${opens}:01`,
      skipPublicHolidays: false,
    };
    const soon = new Date(Date.now() + 60_000);
    fake.failNext({ kind: 'cut-after-accept' });
    const answerLost = await send({ to: '06 12 34 56 16', body: 'Réponse perdue puis trop tard.', tag: 'tard:1' });
    fake.failNext({ kind: 'http', status: 503, errorCode: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' });
    const neverLeft = await send({ to: '06 12 34 56 17', body: 'Jamais parti puis trop tard.', tag: 'tard:2' });
    expect([answerLost.outcome, neverLeft.outcome]).toEqual(['failed', 'failed']);

    const posted = jobsPosted();
    const settled = await send({
      to: '06 12 34 56 16',
      body: 'Réponse perdue puis trop tard.',
      tag: 'tard:1',
      hours: closedNow,
      notAfter: soon,
    });
    expect(settled).toMatchObject({ outcome: 'already-sent', status: 'sent' });
    const dropped = await send({
      to: '06 12 34 56 17',
      body: 'Jamais parti puis trop tard.',
      tag: 'tard:2',
      hours: closedNow,
      notAfter: soon,
    });
    expect(dropped).toMatchObject({ outcome: 'too-late', retryable: false, status: 'failed', reason: 'too-late' });
    expect(jobsPosted()).toBe(posted);
    // Once settled, the answer no longer depends on the hour.
    expect(await send({ to: '06 12 34 56 17', body: 'Jamais parti puis trop tard.', tag: 'tard:2' })).toMatchObject({
      outcome: 'refused',
      reason: 'too-late',
    });
  });
});

describe('delivery reports from OVH', () => {
  const REPORT = '/api/core/sms/delivery-report';
  let providerId: string;
  let receiptId: number;

  beforeAll(async () => {
    const sent = await send({ to: '06 12 34 56 14', body: 'Accusé de réception attendu.', tag: 'dlr:1' });
    receiptId = sent.receiptId as number;
    providerId = (await receipt(receiptId)).providerId;
  });

  it('marks a message delivered from the query string OVH calls', async () => {
    const response = await app
      .http()
      .get(
        `${REPORT}?token=${REPORT_TOKEN}&id=${providerId}&dlr=1&ptt=0&date=2026-01-01+10:00:00&description=Delivered&receiver=%2B33612345614&tag=x`,
      );
    expect(response.status).toBe(204);
    expect(await receipt(receiptId)).toMatchObject({
      status: 'delivered',
      reportCode: 'dlr:1',
      reportDescription: 'Delivered',
      deliveredAt: expect.anything(),
    });
  });

  it('accepts a JSON or form body too, and records an undelivered message', async () => {
    await app
      .http()
      .post(`${REPORT}?token=${REPORT_TOKEN}`)
      .send({ id: Number(providerId), dlr: 2, ptt: 802 })
      .expect(204);
    expect(await receipt(receiptId)).toMatchObject({ status: 'undelivered', errorCode: 'undelivered' });
    await app.http().post(`${REPORT}?token=${REPORT_TOKEN}`).type('form').send(`id=${providerId}&dlr=1`).expect(204);
    expect(await receipt(receiptId)).toMatchObject({ status: 'delivered' });
  });

  it('answers the same whether or not the message exists', async () => {
    const known = await app.http().get(`${REPORT}?token=${REPORT_TOKEN}&id=${providerId}&dlr=8`);
    const unknown = await app.http().get(`${REPORT}?token=${REPORT_TOKEN}&id=999999999&dlr=1`);
    expect([known.status, known.text]).toEqual([204, '']);
    expect([unknown.status, unknown.text]).toEqual([204, '']);
  });

  it('refuses reports without the right token', async () => {
    const before = await receipt(receiptId);
    for (const query of [
      `id=${providerId}&dlr=2`,
      `token=wrong&id=${providerId}&dlr=2`,
      `token[]=x&id=${providerId}&dlr=2`,
    ]) {
      const response = await app.http().get(`${REPORT}?${query}`);
      expect([query, response.status]).toEqual([query, 403]);
    }
    expect(await receipt(receiptId)).toEqual(before);
  });

  it.each([
    ['an id that is not a number', `id=abc&dlr=1`, 'id', 'Le champ id doit être un nombre de 20 chiffres au plus.'],
    ['an id given twice', `id=1&id=2&dlr=1`, 'id', 'Le champ id doit être un nombre.'],
    ['a nested id', `id[a]=1&dlr=1`, 'id', 'Le champ id doit être un nombre.'],
    [
      'an oversized description',
      `id=1&description=${'x'.repeat(5000)}`,
      'description',
      'Le champ description compte 200 caractères au plus.',
    ],
    ['a dlr that is a word', `id=1&dlr=delivered`, 'dlr', 'Le champ dlr doit être un nombre de 3 chiffres au plus.'],
  ])('refuses %s with a French message', async (_label, query, field, message) => {
    const response = await app.http().get(`${REPORT}?token=${REPORT_TOKEN}&${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: [field], message })]);
  });

  it('never fails on hostile input, and stores nothing it did not check', async () => {
    const before = await receipt(receiptId);
    const hostile = [
      app.http().post(`${REPORT}?token=${REPORT_TOKEN}`).set('Content-Type', 'application/json').send('{"id": '),
      app
        .http()
        .post(`${REPORT}?token=${REPORT_TOKEN}`)
        .send([{ id: providerId }]),
      app
        .http()
        .post(`${REPORT}?token=${REPORT_TOKEN}`)
        .send({ id: { $gt: 0 }, dlr: 1 }),
      app.http().post(`${REPORT}?token=${REPORT_TOKEN}`).send({ id: null }),
      app.http().post(`${REPORT}?token=${REPORT_TOKEN}`).send({ id: providerId, ptt: 1e30 }),
      app
        .http()
        .post(`${REPORT}?token=${REPORT_TOKEN}`)
        .send({ id: providerId, date: ['x'] }),
      app
        .http()
        .post(`${REPORT}?token=${REPORT_TOKEN}`)
        .send({ id: providerId, __proto__: { polluted: true }, constructor: 'x' }),
      app
        .http()
        .post(`${REPORT}?token=${REPORT_TOKEN}`)
        .set('Content-Type', 'application/json')
        .send(`{"id":"1","x":"${'y'.repeat(2_000_000)}"}`),
      app.http().get(`${REPORT}?token=${REPORT_TOKEN}&id=${'9'.repeat(5000)}`),
    ];
    for (const response of await Promise.all(hostile)) {
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(500);
    }
    expect(await receipt(receiptId)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    await app
      .http()
      .get(
        `${REPORT}?token=${REPORT_TOKEN}&id=${providerId}&dlr=1&description=${encodeURIComponent('<script>alert("x")</script>')}&unknown[deep]=1`,
      )
      .expect(204);
    expect((await receipt(receiptId)).reportDescription).toBe('script alert( x ) /script');
  });
});

describe('logs', () => {
  it('never hold a phone number, a message text or the report token', async () => {
    // One more failure, and a report carrying a number, while the capture runs.
    fake.failNext({ kind: 'http', status: 500, errorCode: 'INTERNAL', message: 'Receiver +33612345615 failed' });
    await send({ to: '06 12 34 56 15', body: 'Dernier message du test.', tag: 'logs:1' });
    await app.http().get(`/api/core/sms/delivery-report?token=${REPORT_TOKEN}&id=1&dlr=1&receiver=%2B33612345615`);
    const text = output.text();
    expect(text).toContain('SMS receipt #');
    expect(text).toContain('GET /api/core/sms/delivery-report');
    const leaks = [...personal, REPORT_TOKEN].filter((value) => text.includes(value));
    expect(leaks).toEqual([]);
    for (const e164 of [...personal].filter((value) => value.startsWith('+') || value.startsWith('0'))) {
      expect(text).not.toContain(e164.slice(-8));
    }
    expect(
      await receipt((await app.strapi.db.query(RECEIPT_UID).findOne({ where: { tag: 'logs:1' } })).id),
    ).toMatchObject({
      errorMessage: 'Receiver [numéro] failed',
    });
  });
});
