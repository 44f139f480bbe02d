import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../../tests/harness/admin';
import type { SmsReceiptDetail, SmsReceiptPage, SmsSummary } from '../../shared/contracts/sms';
import { providerTagOf, type SmsService } from '../../server/src/sms/service';
import { captureOutput } from './capture-output';

/** The demo provider (SMS_PROVIDER=console), the admin page's API, personal data and retention. */

const RECEIPT_UID = 'plugin::core.sms-receipt';
const STAFF_ROLE = 'Équipe du centre';
const LEA = '06 12 34 56 78';
const LEA_E164 = '+33612345678';
const BODY = 'Bonjour Léa, votre dossier CAF est à rendre avant vendredi. Le centre social des Oliviers.';

let app: TestApp;
let sms: SmsService;
let oliviers: number;
let tilleuls: number;
let superAdmin: StaffAccount;
let teamOliviers: StaffAccount;
let teamTilleuls: StaffAccount;
let editor: StaffAccount;
let leaReceipt: number;
let capturedLogs = '';

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });
const receipts = () => app.strapi.db.query(RECEIPT_UID);

async function join(centreId: number, account: StaffAccount) {
  await app.strapi.db.query('plugin::core.centre').update({ where: { id: centreId }, data: { staff: [account.id] } });
}

beforeAll(async () => {
  app = await startTestApp();
  sms = app.strapi.plugin('core').service('sms') as SmsService;
  const centres = app.strapi.documents('plugin::core.centre');
  oliviers = (await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } })).id as number;
  tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })).id as number;
  superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
  teamOliviers = await createStaff(app, 'accueil@oliviers.fr', [STAFF_ROLE]);
  teamTilleuls = await createStaff(app, 'accueil@tilleuls.fr', [STAFF_ROLE]);
  editor = await createStaff(app, 'redaction@federation.fr', ['Editor']);
  await join(oliviers, teamOliviers);
  await join(tilleuls, teamTilleuls);

  const output = captureOutput(app.strapi);
  try {
    const first = await sms.send({ to: LEA, body: BODY, centre: oliviers, hours: 'any', tag: 'demo:lea:1' });
    leaReceipt = first.receiptId as number;
    await sms.send({ to: LEA, body: 'Atelier cuisine jeudi à 14 h.', centre: oliviers, hours: 'any' });
    await sms.send({
      to: '07 81 23 45 67',
      body: 'L’atelier « jeux » reprend… à 10 h',
      centre: oliviers,
      hours: 'any',
      transliterate: true,
    });
    await sms.send({ to: LEA, body: 'Sortie familles samedi : rendez-vous à 9 h.', centre: tilleuls, hours: 'any' });
  } finally {
    capturedLogs = output.text();
    output.stop();
  }
  // A message that failed for good, in the Oliviers centre.
  await receipts().create({
    data: {
      tag: 'demo:failed',
      providerTag: providerTagOf('demo:failed'),
      provider: 'console',
      status: 'invalid',
      phone: '+33612345600',
      body: 'Jamais parti.',
      segments: 1,
      credits: 0,
      attempts: 1,
      stopClause: false,
      errorCode: 'invalid-receiver',
      centre: oliviers,
    },
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('the demo provider', () => {
  it('records messages instead of sending them, readable in the admin', async () => {
    expect(sms.providerName()).toBe('console');
    const stored = await receipts().findOne({ where: { id: leaReceipt } });
    expect(stored).toMatchObject({
      provider: 'console',
      providerId: expect.stringMatching(/^console-/),
      status: 'delivered',
      phone: LEA_E164,
      body: BODY,
      segments: 1,
      credits: 1,
    });
    const again = await sms.send({ to: LEA, body: BODY, centre: oliviers, hours: 'any', tag: 'demo:lea:1' });
    expect(again).toMatchObject({ outcome: 'already-sent', receiptId: leaReceipt });
  });

  it('transliterates to GSM-7 when asked', async () => {
    const stored = await receipts().findOne({ where: { phone: '+33781234567' } });
    expect(stored).toMatchObject({ body: 'L\'atelier " jeux " reprend... à 10 h', encoding: 'gsm7' });
  });

  it('prints neither the number nor the text', () => {
    expect(capturedLogs).toContain('accepted by console');
    for (const secret of [
      LEA_E164,
      LEA,
      '12 34 56 78',
      '12345678',
      BODY,
      'Atelier cuisine',
      'Sortie familles',
      'reprend',
    ]) {
      expect([secret, capturedLogs.includes(secret)]).toEqual([secret, false]);
    }
  });
});

describe('the SMS page of the admin', () => {
  it('lists every centre’s messages for a super-admin, numbers masked and texts left out', async () => {
    const { body } = (await app.http().get('/core/sms/receipts').set(as(superAdmin)).expect(200)) as {
      body: SmsReceiptPage;
    };
    expect(body.pagination).toEqual({ page: 1, pageSize: 25, total: 5, pageCount: 1 });
    const lea = body.results.find((row) => row.id === leaReceipt);
    expect(lea).toMatchObject({
      to: '+33 6 •• •• •• 78',
      status: 'delivered',
      provider: 'console',
      segments: 1,
      credits: 1,
      centre: { id: oliviers, name: 'Centre social des Oliviers' },
      anonymised: false,
    });
    const text = JSON.stringify(body);
    expect(text).not.toContain(LEA_E164);
    expect(text).not.toContain('dossier CAF');
    expect(body.results.find((row) => row.status === 'invalid')?.error).toBe('L’opérateur a refusé ce numéro.');
  });

  it.each([
    ['the Oliviers team', () => teamOliviers, 4, 'Centre social des Oliviers'],
    ['the Tilleuls team', () => teamTilleuls, 1, 'Centre social des Tilleuls'],
  ])('shows %s only its centre', async (_who, account, total, centreName) => {
    const { body } = await app.http().get('/core/sms/receipts').set(as(account())).expect(200);
    expect(body.pagination.total).toBe(total);
    expect(new Set(body.results.map((row: { centre: { name: string } }) => row.centre.name))).toEqual(
      new Set([centreName]),
    );
  });

  it('never shows another centre by asking for it', async () => {
    const { body } = await app.http().get(`/core/sms/receipts?centre=${tilleuls}`).set(as(teamOliviers)).expect(200);
    expect(body.pagination.total).toBe(0);
  });

  it('filters by status and pages', async () => {
    const failed = await app.http().get('/core/sms/receipts?status=invalid').set(as(teamOliviers)).expect(200);
    expect(failed.body.results.map((row: { tag: string }) => row.tag)).toEqual(['demo:failed']);
    const page = await app.http().get('/core/sms/receipts?page=2&pageSize=3').set(as(superAdmin)).expect(200);
    expect(page.body.results).toHaveLength(2);
    expect(page.body.pagination).toEqual({ page: 2, pageSize: 3, total: 5, pageCount: 2 });
  });

  it.each([
    ['pageSize=1000', 'pageSize', '100 lignes par page au plus.'],
    ['status=perdu', 'status', 'État inconnu.'],
    ['page=abc', 'page', 'Le numéro de page est un nombre.'],
    ['sort=phone', '', 'Paramètre inconnu : sort.'],
    ['status[$ne]=x', 'status', 'État inconnu.'],
  ])('refuses %s with a French message', async (query, field, message) => {
    const response = await app.http().get(`/core/sms/receipts?${query}`).set(as(superAdmin));
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: field ? [field] : [], message }),
    ]);
  });

  it('shows the number and the text of a message to its centre’s staff only', async () => {
    const { body } = (await app.http().get(`/core/sms/receipts/${leaReceipt}`).set(as(teamOliviers)).expect(200)) as {
      body: SmsReceiptDetail;
    };
    expect(body).toMatchObject({ phone: '+33 6 12 34 56 78', body: BODY, to: '+33 6 •• •• •• 78', attempts: 1 });
    const other = await app.http().get(`/core/sms/receipts/${leaReceipt}`).set(as(teamTilleuls));
    expect(other.status).toBe(404);
    expect(other.body.error.message).toBe('Ce SMS n’existe pas.');
    expect((await app.http().get('/core/sms/receipts/abc').set(as(superAdmin))).status).toBe(404);
  });

  it('counts this month’s messages, parts and credits per centre', async () => {
    const mine = (await app.http().get('/core/sms/summary').set(as(teamOliviers)).expect(200)).body as SmsSummary;
    expect(mine).toMatchObject({
      provider: 'console',
      creditsLeft: null,
      month: { messages: 3, segments: 3, credits: 3 },
    });
    const all = (await app.http().get('/core/sms/summary').set(as(superAdmin)).expect(200)).body as SmsSummary;
    expect(all.month).toMatchObject({ messages: 4, segments: 4, credits: 4 });
    expect(new Date(all.month.from).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('refuses roles without the SMS permission, and anonymous callers', async () => {
    expect((await app.http().get('/core/sms/receipts').set(as(editor))).status).toBe(403);
    expect((await app.http().get('/core/sms/summary').set(as(editor))).status).toBe(403);
    expect((await app.http().get('/core/sms/receipts')).status).toBe(401);
  });
});

describe('personal data', () => {
  it('finds a person’s SMS by phone; erasing the person anonymises them', async () => {
    const search = await app.http().post('/core/gdpr/search').set(as(superAdmin)).send({ phone: LEA }).expect(200);
    expect(search.body.types).toContainEqual({ uid: RECEIPT_UID, label: 'SMS envoyés', count: 3 });

    const erase = await app
      .http()
      .post('/core/gdpr/erase')
      .set(as(superAdmin))
      .send({ phone: LEA, confirmation: 'EFFACER' })
      .expect(200);
    expect(erase.body.types).toContainEqual({ uid: RECEIPT_UID, label: 'SMS envoyés', erased: 0, anonymised: 3 });

    const stored = await receipts().findOne({ where: { id: leaReceipt } });
    expect(stored).toMatchObject({
      phone: null,
      body: null,
      status: 'delivered',
      segments: 1,
      anonymisedAt: expect.anything(),
    });
    const list = await app.http().get('/core/sms/receipts').set(as(teamOliviers)).expect(200);
    expect(list.body.results.find((row: { id: number }) => row.id === leaReceipt)).toMatchObject({
      to: null,
      anonymised: true,
    });
    const detail = await app.http().get(`/core/sms/receipts/${leaReceipt}`).set(as(teamOliviers)).expect(200);
    expect(detail.body).toMatchObject({ phone: null, body: null, segments: 1 });
    expect(await receipts().count({ where: { phone: LEA_E164 } })).toBe(0);
  });
});

describe('retention', () => {
  const DAY = 86_400_000;

  it('anonymises after six months and deletes after two years, leaving recent messages alone', async () => {
    const made = [];
    for (const [tag, ageDays] of [
      ['retention:recent', 10],
      ['retention:seven-months', 213],
      ['retention:three-years', 1100],
    ] as const) {
      const result = await sms.send({
        to: '06 12 34 56 90',
        body: 'Message ancien.',
        centre: oliviers,
        hours: 'any',
        tag,
      });
      await receipts().update({
        where: { id: result.receiptId },
        data: { createdAt: new Date(Date.now() - ageDays * DAY) },
      });
      made.push(result.receiptId);
    }
    const [recent, sevenMonths, threeYears] = made;

    // The nightly retention job of the outbox runs every rule; SMS receipts are one of them.
    const outcomes = await app.strapi.plugin('core').service('retention').runAll(new Date());
    expect(outcomes.find((outcome: { name: string }) => outcome.name === 'core.sms-receipts')).toMatchObject({
      anonymised: 1,
      deleted: 1,
    });
    expect(await receipts().findOne({ where: { id: recent } })).toMatchObject({
      phone: '+33612345690',
      anonymisedAt: null,
    });
    expect(await receipts().findOne({ where: { id: sevenMonths } })).toMatchObject({
      phone: null,
      body: null,
      segments: 1,
    });
    expect(await receipts().findOne({ where: { id: threeYears } })).toBeNull();
    const audit = await app.strapi.db
      .query('plugin::core.audit-entry')
      .findMany({ where: { action: 'retention.run' }, orderBy: { id: 'desc' } });
    expect(audit.map((entry: { details: { rule: string } }) => entry.details.rule)).toContain('core.sms-receipts');
    expect(await receipts().findOne({ where: { id: sevenMonths } })).not.toBeNull();
  });
});
