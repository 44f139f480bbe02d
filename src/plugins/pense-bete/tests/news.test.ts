import { parisInstant } from '@csc/plugin-core/toolkit';
import type { TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { captureOutput, type CapturedOutput } from '../../core/tests/sms/capture-output';
import type { FakeOvh } from '../../core/tests/sms/fake-ovh/server';
import { FAST_OUTBOX_ENV, startAppWithFakeOvh, TEST_OVH_CREDENTIALS } from '../../core/tests/sms/fake-ovh/app';
import { waitFor } from '../../core/tests/outbox/helpers';
import { NEWS_DELIVERY_UID, NEWS_UID } from '../shared/news';
import type { NewsPreview } from '../shared/contracts/news';
import type { ClockService } from '../server/src/services/clock';
import type { NewsService } from '../server/src/services/news';

/**
 * Groups and their news, the SMS budget and a centre's sending settings, in the booted app
 * (SQLite or PostgreSQL), sending through the real OVH client to core's fake OVH over HTTPS.
 */

const BLACKLISTED = '+33612340199';
const STAFF_ROLE = 'Équipe du centre';
const INFORMATION =
  'Le centre enregistre votre prénom et votre mobile pour vous envoyer des messages. Vous pouvez arrêter à tout moment.';
const GROUP_INFORMATION =
  'Vous recevrez les nouvelles de l’accueil de loisirs du mercredi (sorties, changements d’horaires). Arrêt sur simple demande.';
const TEMPLATE =
  'Bonjour {prenom}, sortie au parc mercredi : rendez-vous 13h30 au {centre}. Infos : {telephone_centre}';

let app: TestApp;
let fake: FakeOvh;
let stopApp: () => Promise<void>;
let output: CapturedOutput;
let current = parisInstant(2027, 3, 2, 10, 0);
let oliviers: number;
let tilleuls: number;
let referente: StaffAccount;
let autreCentre: StaffAccount;
let editor: StaffAccount;
let direction: StaffAccount;
const personal = new Set<string>();
const people: Record<string, string> = {};
let mercredi: string;

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });
const api = () => app.http();
const consent = { method: 'oral', informationText: INFORMATION };
const groupConsent = { method: 'paper', informationText: GROUP_INFORMATION };
const news = () => app.strapi.plugin('pense-bete').service('news') as NewsService;

async function addPerson(data: Record<string, unknown>, account = referente): Promise<string> {
  const response = await api().post('/pense-bete/persons').set(as(account)).send(data);
  if (response.status !== 201) throw new Error(`person: ${response.status} ${JSON.stringify(response.body)}`);
  for (const key of ['phone', 'email'] as const) if (response.body[key]) personal.add(response.body[key]);
  return response.body.id as string;
}

async function addMember(group: string, person: string) {
  return api()
    .post(`/pense-bete/groups/${group}/members`)
    .set(as(referente))
    .send({ person, consent: groupConsent })
    .expect(200);
}

async function preview(group: string, template = TEMPLATE): Promise<NewsPreview> {
  const { body } = await api()
    .post(`/pense-bete/groups/${group}/news/preview`)
    .set(as(referente))
    .send({ template })
    .expect(200);
  return body as NewsPreview;
}

const sendNews = (group: string, data: Record<string, unknown>) =>
  api().post(`/pense-bete/groups/${group}/news`).set(as(referente)).send(data);

const jobsOf = async (newsDocumentId: string) =>
  app.strapi.db.connection('core_jobs').where('idempotency_key', 'like', `pbn:${newsDocumentId}:%`);

/** Runs the news' jobs now and waits until each has settled. */
async function runNews(newsDocumentId: string) {
  await app.strapi.db
    .connection('core_jobs')
    .where('idempotency_key', 'like', `pbn:${newsDocumentId}:%`)
    .update({ run_at: Date.now() - 1000 });
  await waitFor(async () => {
    const jobs = await jobsOf(newsDocumentId);
    return jobs.every((job: { status: string }) => ['done', 'dead', 'expired'].includes(job.status));
  }, `jobs of news ${newsDocumentId}`);
  const row = await app.strapi.db.query(NEWS_UID).findOne({ where: { documentId: newsDocumentId } });
  return app.strapi.db.query(NEWS_DELIVERY_UID).findMany({
    where: { news: { id: row.id } },
    populate: { person: { select: ['documentId', 'firstName'] } },
    orderBy: [{ id: 'asc' }],
  });
}

const setConfig = (key: string, value: unknown) => app.strapi.config.set(`plugin::pense-bete.${key}`, value);

beforeAll(async () => {
  ({ app, fake, stop: stopApp } = await startAppWithFakeOvh(FAST_OUTBOX_ENV, { blacklisted: [BLACKLISTED] }));
  const clock = app.strapi.plugin('pense-bete').service('clock') as ClockService;
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(current));
  const centres = app.strapi.documents('plugin::core.centre');
  oliviers = (
    await centres.create({
      data: {
        name: 'Centre social des Oliviers',
        slug: 'oliviers',
        phone: '03 20 00 00 01',
        smsSenderName: 'Oliviers',
      },
    })
  ).id as number;
  tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })).id as number;
  referente = await createStaff(app, 'referente@oliviers.fr', [STAFF_ROLE]);
  autreCentre = await createStaff(app, 'accueil@tilleuls.fr', [STAFF_ROLE]);
  editor = await createStaff(app, 'redaction@federation.fr', ['Editor']);
  direction = await createStaff(app, 'direction@federation.fr', ['super-admin']);
  await app.strapi.db.query('plugin::core.centre').update({ where: { id: oliviers }, data: { staff: [referente.id] } });
  await app.strapi.db
    .query('plugin::core.centre')
    .update({ where: { id: tilleuls }, data: { staff: [autreCentre.id] } });
  output = captureOutput(app.strapi);

  people.amina = await addPerson({ firstName: 'Amina', phone: '06 12 34 01 01', channel: 'sms', consent });
  people.bruno = await addPerson({ firstName: 'Bruno', phone: '06 12 34 01 02', channel: 'sms', consent });
  people.chloe = await addPerson({ firstName: 'Chloé', email: 'chloe@exemple.fr', channel: 'email', consent });
  people.dede = await addPerson({ firstName: 'Dédé', phone: '06 12 34 01 99', channel: 'sms', consent });
  people.eva = await addPerson({ firstName: 'Eva', phone: '06 12 34 01 05', channel: 'sms', consent });
  people.tilleuls = await addPerson(
    { firstName: 'Farid', phone: '06 12 34 01 06', channel: 'sms', consent },
    autreCentre,
  );
});

afterAll(async () => {
  output?.stop();
  await stopApp?.();
});

describe('groups and their members', () => {
  it('creates a group in the user’s centre', async () => {
    const { body } = await api()
      .post('/pense-bete/groups')
      .set(as(referente))
      .send({ name: 'Parents de l’accueil de loisirs du mercredi', description: 'Sorties et horaires.' })
      .expect(201);
    expect(body).toMatchObject({
      name: 'Parents de l’accueil de loisirs du mercredi',
      centre: { id: oliviers },
      members: 0,
      memberList: [],
    });
    mercredi = body.id;
    const list = await api().get('/pense-bete/groups').set(as(referente)).expect(200);
    expect(list.body.results.map((group: { id: string }) => group.id)).toEqual([mercredi]);
    const elsewhere = await api().get('/pense-bete/groups').set(as(autreCentre)).expect(200);
    expect(elsewhere.body.results).toEqual([]);
  });

  it('refuses hostile or wrong group requests in French, and hides other centres’ groups', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: '' }, /nom du groupe/],
      [{ name: 'x'.repeat(81) }, /80 caractères/],
      [{ name: '<script>alert(1)</script>' }, /non autorisés/],
      [{ name: 'Groupe', admin: true }, /Champ inconnu : admin/],
      [{ name: 'Groupe', centre: tilleuls }, /vos centres/],
      [{ name: 'Groupe', centre: 'oliviers' }, /centre est désigné/],
      [{ name: 42 }, /nom du groupe est un texte/],
    ];
    for (const [data, message] of cases) {
      const response = await api().post('/pense-bete/groups').set(as(referente)).send(data);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
    await api().get(`/pense-bete/groups/${mercredi}`).set(as(autreCentre)).expect(404);
    await api().get('/pense-bete/groups/..%2F..%2Fadmin').set(as(referente)).expect(400);
    await api().get('/pense-bete/groups').set(as(editor)).expect(403);
    await api().get('/pense-bete/groups').expect(401);
    await api().put(`/pense-bete/groups/${mercredi}`).set(as(autreCentre)).send({ name: 'Pris' }).expect(404);
    for (const [data, message] of [
      [{ name: ' ' }, /Indiquez le nom du groupe/],
      [{ centre: tilleuls }, /Champ inconnu : centre/],
      [{ description: 'a'.repeat(301) }, /300 caractères/],
    ] as [Record<string, unknown>, RegExp][]) {
      const response = await api().put(`/pense-bete/groups/${mercredi}`).set(as(referente)).send(data);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
    const renamed = await api()
      .put(`/pense-bete/groups/${mercredi}`)
      .set(as(referente))
      .send({ description: 'Sorties, horaires et fermetures.' })
      .expect(200);
    expect(renamed.body).toMatchObject({
      name: 'Parents de l’accueil de loisirs du mercredi',
      description: 'Sorties, horaires et fermetures.',
    });
  });

  it('adds a member with their consent for this group, recorded at core', async () => {
    const { body } = await addMember(mercredi, people.amina);
    expect(body.members).toBe(1);
    expect(body.memberList).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ firstName: 'Amina' }), consent: true }),
    ]);
    const consents = await app.strapi.db.query('plugin::core.consent').findMany({
      where: { subjectId: people.amina, purpose: `pense-bete.group.${mercredi}` },
    });
    expect(consents).toEqual([expect.objectContaining({ method: 'paper', recordedBy: `admin:${referente.id}` })]);
    for (const name of ['bruno', 'chloe', 'dede']) await addMember(mercredi, people[name]);
    // Adding twice keeps one membership and one consent.
    const again = await addMember(mercredi, people.amina);
    expect(again.body.memberList).toHaveLength(4);
  });

  it('refuses a member without consent, from another centre, or unknown', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ person: people.eva }, /consentement/],
      [{ person: people.eva, consent: { method: 'oral', informationText: 'court' } }, /20 caractères/],
      [{ person: people.tilleuls, consent: groupConsent }, /n’est pas accompagnée par le centre/],
      [{ person: 'zzzzzzzzzzzzzzzzzzzzzzzz', consent: groupConsent }, /n’existe pas/],
      [{ person: "1' OR '1'='1", consent: groupConsent }, /Personne inconnue/],
      [{ person: people.eva, consent: groupConsent, role: 'admin' }, /Champ inconnu : role/],
    ];
    for (const [data, message] of cases) {
      const response = await api().post(`/pense-bete/groups/${mercredi}/members`).set(as(referente)).send(data);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
    await api()
      .post(`/pense-bete/groups/${mercredi}/members`)
      .set(as(autreCentre))
      .send({ person: people.tilleuls, consent: groupConsent })
      .expect(404);
    const removal = await api()
      .post(`/pense-bete/groups/${mercredi}/remove-member`)
      .set(as(referente))
      .send({ person: people.eva, method: 'oral' });
    expect(removal.status).toBe(400);
    expect(removal.body.error.message).toMatch(/ne fait pas partie de ce groupe/);
    const noMethod = await api()
      .post(`/pense-bete/groups/${mercredi}/remove-member`)
      .set(as(referente))
      .send({ person: people.amina });
    expect(noMethod.status).toBe(400);
    expect(noMethod.body.error.message).toMatch(/quitter le groupe/);
  });
});

describe('news to a group', () => {
  let sentId: string;
  let firstPreview: NewsPreview;

  it('previews exactly who will receive it, who will not and why, its parts and cost', async () => {
    firstPreview = await preview(mercredi);
    expect(firstPreview.recipients.map((one) => one.firstName)).toEqual(['Amina', 'Bruno', 'Chloé']);
    expect(firstPreview.count).toBe(3);
    expect(firstPreview.excluded).toEqual([expect.objectContaining({ firstName: 'Dédé', reason: 'blacklisted' })]);
    expect(firstPreview.text).toBe(
      'Bonjour Amina, sortie au parc mercredi : rendez-vous 13h30 au Centre social des Oliviers. Infos : 03 20 00 00 01',
    );
    // Two SMS recipients of one part each (GSM-7, under 160 characters); the e-mail costs nothing.
    expect(firstPreview.sms).toEqual({ messages: 2, parts: 2, credits: 2 });
    expect(firstPreview.recipients.find((one) => one.firstName === 'Amina')?.to).not.toContain('34 01 01');
    expect(firstPreview.caps).toEqual({ perNews: 200, monthly: { limit: 1000, used: 0, after: 2 } });
    expect(firstPreview.refusal).toBeNull();
    expect(firstPreview.confirmation).toMatch(/^\d+\.[\w-]{43}$/);
  });

  it('refuses templates with variables a news has not, and hostile bodies', async () => {
    const cases: [unknown, RegExp][] = [
      [{ template: 'Le {date} : {demarche}' }, /Variable inconnue : \{date\}, \{demarche\}/],
      [{ template: 'Bonjour {constructor}' }, /Variable inconnue : \{constructor\}/],
      [{ template: 'Bonjour {prenom' }, /accolade/],
      [{ template: '' }, /vide/],
      [{ template: 'x'.repeat(1001) }, /1 000 caractères/],
      [{ template: 'Salut', to: '+33612345678' }, /Champ inconnu : to/],
      [{}, /Le message est un texte/],
      [{ template: ['a'] }, /Le message est un texte/],
    ];
    for (const [data, message] of cases) {
      const response = await api()
        .post(`/pense-bete/groups/${mercredi}/news/preview`)
        .set(as(referente))
        .send(data as object);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
    await api()
      .post(`/pense-bete/groups/${mercredi}/news/preview`)
      .set(as(autreCentre))
      .send({ template: 'Salut' })
      .expect(404);
    await api()
      .post(`/pense-bete/groups/${mercredi}/news/preview`)
      .set(as(editor))
      .send({ template: 'Salut' })
      .expect(403);
  });

  it('sends only with the preview’s confirmation, nothing queued otherwise', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ template: TEMPLATE, recipients: 3 }, /Faites d’abord l’aperçu/],
      [{ template: TEMPLATE, recipients: 3, confirmation: 'forged' }, /refaites l’aperçu/],
      [
        {
          template: TEMPLATE,
          recipients: 3,
          confirmation: `${firstPreview.confirmation?.split('.')[0]}.${'A'.repeat(43)}`,
        },
        /ont changé depuis l’aperçu/,
      ],
      [{ template: `${TEMPLATE} !`, recipients: 3, confirmation: firstPreview.confirmation }, /ont changé/],
      [{ template: TEMPLATE, recipients: 4, confirmation: firstPreview.confirmation }, /ont changé/],
      [{ template: TEMPLATE, recipients: 0, confirmation: firstPreview.confirmation }, /Il n’y a personne/],
      [{ template: TEMPLATE, recipients: 3, confirmation: firstPreview.confirmation, force: true }, /Champ inconnu/],
    ];
    for (const [data, message] of cases) {
      const response = await sendNews(mercredi, data);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
    await api()
      .post(`/pense-bete/groups/${mercredi}/news`)
      .set(as(autreCentre))
      .send({ template: TEMPLATE, recipients: 3, confirmation: firstPreview.confirmation })
      .expect(404);
    expect(await app.strapi.db.query(NEWS_UID).count()).toBe(0);
    expect(await app.strapi.db.connection('core_jobs').where('name', 'pense-bete.news')).toEqual([]);
  });

  it('sends to the previewed recipients, one job each, and never twice for the same confirmation', async () => {
    const data = { template: TEMPLATE, recipients: 3, confirmation: firstPreview.confirmation };
    const first = await sendNews(mercredi, data).expect(201);
    expect(first.body).toMatchObject({ recipients: 3, sms: { parts: 2, credits: 2 }, alreadySent: false });
    sentId = first.body.id;
    const again = await sendNews(mercredi, data).expect(200);
    expect(again.body).toEqual({ ...first.body, alreadySent: true });
    expect(await jobsOf(sentId)).toHaveLength(3);

    const before = fake.outgoing.length;
    const deliveries = await runNews(sentId);
    expect(
      deliveries.map((row: { person: { firstName: string }; status: string }) => [row.person.firstName, row.status]),
    ).toEqual([
      ['Amina', 'sent'],
      ['Bruno', 'sent'],
      ['Chloé', 'sent'],
    ]);
    const sent = fake.outgoing.slice(before);
    // What the preview showed is what went out: same people, same texts, the centre's sender name.
    expect(sent.map((sms) => sms.receiver).sort()).toEqual(['+33612340101', '+33612340102']);
    expect(sent.find((sms) => sms.receiver === '+33612340101')?.message).toBe(firstPreview.text);
    expect(sent.every((sms) => sms.sender === 'Oliviers')).toBe(true);
    expect(sent.reduce((sum, sms) => sum + sms.numberOfSms, 0)).toBe(firstPreview.sms.parts);
    const mails = await app.strapi.db
      .query('plugin::core.captured-email')
      .findMany({ where: { to: 'chloe@exemple.fr' } });
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('Bonjour Chloé, sortie au parc');

    // A job run again (a retry, a second instance) sends nothing more.
    for (const row of deliveries) expect(await news().deliver(row.id)).toBe('skipped');
    await sendNews(mercredi, data).expect(200);
    expect(fake.outgoing.length).toBe(before + 2);
  });

  it('lists the group’s news with where each delivery stands', async () => {
    const { body } = await api().get(`/pense-bete/groups/${mercredi}/news`).set(as(referente)).expect(200);
    expect(body.results).toEqual([
      expect.objectContaining({
        id: sentId,
        recipients: 3,
        credits: 2,
        deliveries: { planned: 0, sending: 0, sent: 3, failed: 0, cancelled: 0, dropped: 0 },
      }),
    ]);
    await api().get(`/pense-bete/groups/${mercredi}/news`).set(as(autreCentre)).expect(404);
  });

  it('refuses a stale preview: someone joined since, so it could send to more people than shown', async () => {
    const stale = await preview(mercredi, 'Bonjour {prenom}, la sortie est reportée.');
    await addMember(mercredi, people.eva);
    const response = await sendNews(mercredi, {
      template: 'Bonjour {prenom}, la sortie est reportée.',
      recipients: stale.count,
      confirmation: stale.confirmation,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/ont changé depuis l’aperçu/);
    expect(await app.strapi.db.query(NEWS_UID).count()).toBe(1);
    const fresh = await preview(mercredi, 'Bonjour {prenom}, la sortie est reportée.');
    expect(fresh.count).toBe(stale.count + 1);
  });

  it('refuses a preview older than 30 minutes', async () => {
    const old = await preview(mercredi, 'Bonjour {prenom}, pique-nique samedi.');
    current = new Date(current.getTime() + 31 * 60_000);
    try {
      const response = await sendNews(mercredi, {
        template: 'Bonjour {prenom}, pique-nique samedi.',
        recipients: old.count,
        confirmation: old.confirmation,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/plus de 30 minutes/);
    } finally {
      current = parisInstant(2027, 3, 2, 10, 0);
    }
  });

  it('stops at once for a member who leaves the group or withdraws consent, even once queued', async () => {
    const template = 'Bonjour {prenom}, atelier cuisine jeudi.';
    const shown = await preview(mercredi, template);
    expect(shown.recipients.map((one) => one.firstName)).toEqual(['Amina', 'Bruno', 'Chloé', 'Eva']);
    const { body } = await sendNews(mercredi, { template, recipients: 4, confirmation: shown.confirmation }).expect(
      201,
    );

    const left = await api()
      .post(`/pense-bete/groups/${mercredi}/remove-member`)
      .set(as(referente))
      .send({ person: people.bruno, method: 'oral' })
      .expect(200);
    expect(left.body).toMatchObject({ cancelled: 1, members: 4 });
    expect(
      left.body.memberList.map((member: { person: { firstName: string } }) => member.person.firstName),
    ).not.toContain('Bruno');
    // Eva withdraws her consent for SMS altogether (outside the group screens).
    await api()
      .post(`/pense-bete/persons/${people.eva}/withdraw-consent`)
      .set(as(referente))
      .send({ method: 'oral' })
      .expect(200);

    const before = fake.outgoing.length;
    const deliveries = await runNews(body.id);
    const states = Object.fromEntries(
      deliveries.map((row: { person: { firstName: string }; status: string; errorCode: string | null }) => [
        row.person.firstName,
        [row.status, row.errorCode],
      ]),
    );
    expect(states).toEqual({
      Amina: ['sent', null],
      Bruno: ['cancelled', 'no-consent'],
      Chloé: ['sent', null],
      Eva: ['cancelled', 'no-consent'],
    });
    expect(fake.outgoing.slice(before).map((sms) => sms.receiver)).toEqual(['+33612340101']);
    const next = await preview(mercredi, template);
    expect(next.recipients.map((one) => one.firstName)).toEqual(['Amina', 'Chloé']);
    expect(next.excluded.map((one) => [one.firstName, one.reason])).toEqual([
      ['Dédé', 'blacklisted'],
      ['Eva', 'no-consent'],
    ]);
  });

  it('refuses above the per-news cap, in French, and queues nothing', async () => {
    const template = 'Bonjour {prenom}, fête du centre samedi.';
    const allowed = await preview(mercredi, template);
    setConfig('newsMaxRecipients', 1);
    try {
      const capped = await preview(mercredi, template);
      expect(capped.refusal).toMatch(/limité à 1 destinataires.*pas un outil d’envoi en masse/);
      expect(capped.confirmation).toBeNull();
      const newsBefore = await app.strapi.db.query(NEWS_UID).count();
      const response = await sendNews(mercredi, {
        template,
        recipients: allowed.count,
        confirmation: allowed.confirmation,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/irait à 2 personnes/);
      expect(await app.strapi.db.query(NEWS_UID).count()).toBe(newsBefore);
    } finally {
      setConfig('newsMaxRecipients', 200);
    }
  });

  it('refuses above the monthly cap of the centre, and counts again from the next month', async () => {
    const template = 'Bonjour {prenom}, la ludothèque ouvre mardi.';
    const allowed = await preview(mercredi, template);
    // Queued this month so far: 2 SMS, then 3 (Amina, Bruno, Eva; Chloé reads e-mail).
    expect(allowed.caps.monthly).toEqual({ limit: 1000, used: 5, after: 6 });
    setConfig('newsMonthlySmsPerCentre', 5);
    try {
      const capped = await preview(mercredi, template);
      expect(capped.refusal).toMatch(/ce mois-ci, le centre en a déjà envoyé 5 sur les 5 permis/);
      const newsBefore = await app.strapi.db.query(NEWS_UID).count();
      const jobsBefore = (await app.strapi.db.connection('core_jobs').where('name', 'pense-bete.news')).length;
      const response = await sendNews(mercredi, {
        template,
        recipients: allowed.count,
        confirmation: allowed.confirmation,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/ce mois-ci/);
      expect(await app.strapi.db.query(NEWS_UID).count()).toBe(newsBefore);
      expect((await app.strapi.db.connection('core_jobs').where('name', 'pense-bete.news')).length).toBe(jobsBefore);
      current = parisInstant(2027, 4, 1, 10, 0);
      const nextMonth = await preview(mercredi, template);
      expect(nextMonth.caps.monthly).toEqual({ limit: 5, used: 0, after: 1 });
      expect(nextMonth.refusal).toBeNull();
    } finally {
      setConfig('newsMonthlySmsPerCentre', 1000);
      current = parisInstant(2027, 3, 2, 10, 0);
    }
  });

  it('sends once when the confirmation is clicked twice at the same moment', async () => {
    const template = 'Bonjour {prenom}, le centre est fermé lundi.';
    const shown = await preview(mercredi, template);
    const data = { template, recipients: shown.count, confirmation: shown.confirmation };
    const answers = await Promise.all([sendNews(mercredi, data), sendNews(mercredi, data)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201]);
    expect(answers[0].body.id).toBe(answers[1].body.id);
    expect(await app.strapi.db.query(NEWS_UID).count({ where: { confirmation: shown.confirmation } })).toBe(1);
    expect(await jobsOf(answers[0].body.id)).toHaveLength(shown.count);
  });

  it('refuses when nobody can receive it', async () => {
    const { body } = await api().post('/pense-bete/groups').set(as(referente)).send({ name: 'Vide' }).expect(201);
    const empty = await preview(body.id, 'Bonjour');
    expect(empty.refusal).toMatch(/Personne dans ce groupe/);
    expect(empty.confirmation).toBeNull();
  });
});

describe('SMS budget', () => {
  it('shows the credits left at OVH, this month’s use per centre, and warns below the threshold', async () => {
    fake.creditsLeft = 480;
    const { body } = await api().get('/pense-bete/budget').set(as(referente)).expect(200);
    const receipts = await app.strapi.db
      .query('plugin::core.sms-receipt')
      .findMany({ where: { centre: { id: oliviers } }, select: ['id', 'credits'] });
    expect(receipts).toHaveLength(3);
    expect(body).toMatchObject({ provider: 'ovh', creditsLeft: 480, threshold: 100, low: false, warning: null });
    expect(body.centres).toEqual([
      {
        id: oliviers,
        name: 'Centre social des Oliviers',
        messages: 3,
        credits: receipts.reduce((sum: number, row: { credits: number }) => sum + Number(row.credits), 0),
        // 5 queued earlier, 1 for the double click (Amina; Chloé reads e-mail).
        news: { used: 6, limit: 1000 },
        ownAccount: null,
      },
    ]);
    expect(
      fake.calls.some((call) => call.method === 'GET' && call.path === `/1.0/sms/${TEST_OVH_CREDENTIALS.serviceName}`),
    ).toBe(true);

    fake.creditsLeft = 42;
    const low = await api().get('/pense-bete/budget').set(as(referente)).expect(200);
    expect(low.body).toMatchObject({ creditsLeft: 42, low: true });
    expect(low.body.warning).toMatch(/Il reste 42 crédits SMS chez OVH, sous le seuil d’alerte de 100/);

    const other = await api().get('/pense-bete/budget').set(as(autreCentre)).expect(200);
    expect(other.body.centres).toEqual([expect.objectContaining({ id: tilleuls, messages: 0, credits: 0 })]);
    await api().get('/pense-bete/budget').set(as(editor)).expect(403);
    const withQuery = await api().get('/pense-bete/budget?centre=1%27--').set(as(referente));
    expect(withQuery.status).toBe(200);
    expect(withQuery.body.centres.map((centre: { id: number }) => centre.id)).toEqual([oliviers]);
  });

  it('says when OVH does not answer the balance', async () => {
    fake.failNext({ kind: 'http', status: 503, errorCode: 'SERVER_ERROR', message: 'down' }, /\/sms\/[^/]+$/);
    const { body } = await api().get('/pense-bete/budget').set(as(referente)).expect(200);
    expect(body).toMatchObject({ creditsLeft: null, low: false });
    expect(body.warning).toMatch(/OVH n’a pas donné le nombre de crédits/);
  });
});

describe('a centre’s sending settings', () => {
  const ovh = {
    appKey: 'centreOwnAppKey01',
    appSecret: 'centreOwnAppSecretVeryPrivate0001',
    consumerKey: 'centreOwnConsumerKeyPrivate00001',
    serviceName: 'sms-ol12345-1',
  };
  /** The keys as core's SMS service opens them to send. */
  async function keysOf(centre: number) {
    const row = await app.strapi.db
      .query('plugin::core.sms-account')
      .findOne({ where: { centreKey: `centre-${centre}` } });
    if (!row) return null;
    const secrets = app.strapi.plugin('core').service('secrets') as { open(sealed: string): string };
    return {
      appKey: secrets.open(row.appKey),
      appSecret: secrets.open(row.appSecret),
      consumerKey: secrets.open(row.consumerKey),
      serviceName: row.serviceName,
    };
  }

  it('is for those given the settings permission, in their own centres', async () => {
    await api().get(`/pense-bete/centres/${oliviers}/settings`).set(as(referente)).expect(403);
    await api()
      .put(`/pense-bete/centres/${oliviers}/settings`)
      .set(as(referente))
      .send({ senderName: 'Pirate' })
      .expect(403);
    await api().put(`/pense-bete/centres/${oliviers}/settings`).send({ senderName: 'Pirate' }).expect(401);
    const { body } = await api().get(`/pense-bete/centres/${oliviers}/settings`).set(as(direction)).expect(200);
    expect(body).toEqual({
      centre: { id: oliviers, name: 'Centre social des Oliviers' },
      senderName: 'Oliviers',
      ovh: { configured: false, serviceName: null },
    });
    await api().get('/pense-bete/centres/999999/settings').set(as(direction)).expect(404);
    await api().get('/pense-bete/centres/abc/settings').set(as(direction)).expect(400);
    await api().get('/pense-bete/centres/0/settings').set(as(direction)).expect(400);
  });

  it('refuses a sender name OVH would refuse, and hostile settings', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ senderName: '0612345678' }, /au moins une lettre/],
      [{ senderName: 'Centre Social Oliviers' }, /11 caractères au plus/],
      [{ senderName: 'Éveil' }, /lettres sans accent/],
      [{ senderName: 'Oli<b>' }, /lettres sans accent/],
      [{ ovh: { ...ovh, appSecret: undefined } }, /secret d’application est un texte/],
      [{ ovh: { ...ovh, consumerKey: 'court' } }, /8 caractères au moins/],
      [{ ovh: { ...ovh, appKey: 'avec espace dedans' } }, /ni espace/],
      [{ ovh: { ...ovh, serviceName: '../../me' } }, /sms-ab12345-1/],
      [{ ovh: { ...ovh, endpoint: 'https://evil.example' } }, /Champ inconnu : endpoint/],
      [{ smsSenderName: 'Oliviers' }, /Champ inconnu : smsSenderName/],
    ];
    for (const [data, message] of cases) {
      const response = await api().put(`/pense-bete/centres/${oliviers}/settings`).set(as(direction)).send(data);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
  });

  it('keeps the centre’s OVH keys encrypted, never returns them, and sends the centre’s SMS from its account', async () => {
    const own = fake.addAccount(ovh, 300);
    const { body } = await api()
      .put(`/pense-bete/centres/${oliviers}/settings`)
      .set(as(direction))
      .send({ senderName: 'CSC Test', ovh })
      .expect(200);
    expect(body).toEqual({
      centre: { id: oliviers, name: 'Centre social des Oliviers' },
      senderName: 'CSC Test',
      ovh: { configured: true, serviceName: 'sms-ol12345-1' },
    });
    const text = JSON.stringify(body);
    for (const secret of [ovh.appKey, ovh.appSecret, ovh.consumerKey]) expect(text).not.toContain(secret);

    const [row] = await app.strapi.db.connection('core_sms_accounts').select('*');
    const stored = JSON.stringify(row);
    for (const secret of [ovh.appKey, ovh.appSecret, ovh.consumerKey]) expect(stored).not.toContain(secret);
    expect(row.app_secret).toMatch(/^v1:/);
    expect(await keysOf(oliviers)).toEqual(ovh);

    // The news of the centre now leave under the new sender name (core reads the centre's field).
    const template = 'Bonjour {prenom}, inscriptions ouvertes.';
    const shown = await preview(mercredi, template);
    const sent = await sendNews(mercredi, {
      template,
      recipients: shown.count,
      confirmation: shown.confirmation,
    }).expect(201);
    const before = fake.outgoing.length;
    await runNews(sent.body.id);
    // Signed with the centre's keys, from its own account, paid from its own credits.
    expect(fake.outgoing.slice(before).map((sms) => [sms.receiver, sms.sender, sms.account])).toEqual([
      ['+33612340101', 'CSC Test', ovh.serviceName],
    ]);
    expect(own.creditsLeft).toBe(299);
    const receipt = await app.strapi.db
      .query('plugin::core.sms-receipt')
      .findOne({ where: { phone: '+33612340101' }, orderBy: { id: 'desc' } });
    expect(receipt).toMatchObject({ status: 'sent', account: ovh.serviceName });

    // A STOP sent to the centre's number is on its account's list, not on the install's.
    own.blacklist.add('+33612340101');
    await app.strapi.plugin('pense-bete').service('blacklist').sync();
    const amina = await app.strapi.db
      .query('plugin::pense-bete.person')
      .findOne({ where: { documentId: people.amina }, select: ['smsStoppedAt'] });
    expect(amina.smsStoppedAt).not.toBeNull();
    own.blacklist.delete('+33612340101');
    await app.strapi.plugin('pense-bete').service('blacklist').sync();

    const cleared = await api()
      .put(`/pense-bete/centres/${oliviers}/settings`)
      .set(as(direction))
      .send({ senderName: 'Oliviers' })
      .expect(200);
    expect(cleared.body.ovh.configured).toBe(true);
    expect(await app.strapi.db.query('plugin::core.sms-account').count()).toBe(1);
  });

  it('reads the balance of the centre’s own OVH account, and says when OVH refuses its keys', async () => {
    const put = (account: Record<string, string>) =>
      api().put(`/pense-bete/centres/${oliviers}/settings`).set(as(direction)).send({ ovh: account }).expect(200);
    // The fake OVH knows one account: as if the centre had its own, with these keys.
    await put(TEST_OVH_CREDENTIALS);
    fake.creditsLeft = 75;
    const own = await api().get('/pense-bete/budget').set(as(direction)).expect(200);
    const row = own.body.centres.find((centre: { id: number }) => centre.id === oliviers);
    expect(row.ownAccount).toEqual({
      serviceName: TEST_OVH_CREDENTIALS.serviceName,
      creditsLeft: 75,
      warning: 'Il reste 75 crédits SMS sur le compte du centre, sous le seuil d’alerte de 100.',
    });
    expect(own.body.centres.find((centre: { id: number }) => centre.id === tilleuls).ownAccount).toBeNull();

    // Keys OVH does not know: the balance cannot be read.
    await put({ ...ovh, appSecret: 'notTheSecretOvhHasForIt000000001' });
    const refused = await api().get('/pense-bete/budget').set(as(direction)).expect(200);
    expect(refused.body.centres.find((centre: { id: number }) => centre.id === oliviers).ownAccount).toEqual({
      serviceName: ovh.serviceName,
      creditsLeft: null,
      warning: 'OVH ne donne pas le solde de ce compte : vérifiez ses clés et le nom du compte SMS.',
    });
    // The installation's own account is still read as before.
    expect(refused.body.creditsLeft).toBe(75);
  });

  it('fails clearly when the encryption key changed, and lets the keys be removed', async () => {
    const key = app.strapi.config.get('plugin::core.secretsKey');
    app.strapi.config.set('plugin::core.secretsKey', 'anotherInstallationKey0000000001');
    try {
      await expect(keysOf(oliviers)).rejects.toThrow(/clé de chiffrement \(ENCRYPTION_KEY\) a changé/);
      // The budget page still answers, and says what is wrong on the centre's row.
      const { body } = await api().get('/pense-bete/budget').set(as(direction)).expect(200);
      expect(body.centres.find((centre: { id: number }) => centre.id === oliviers).ownAccount).toEqual({
        serviceName: ovh.serviceName,
        creditsLeft: null,
        warning: expect.stringMatching(/ENCRYPTION_KEY\) a changé.*Saisissez-le à nouveau/),
      });
    } finally {
      app.strapi.config.set('plugin::core.secretsKey', key);
    }
    expect((await keysOf(oliviers))?.appSecret).toBe('notTheSecretOvhHasForIt000000001');
    const { body } = await api()
      .put(`/pense-bete/centres/${oliviers}/settings`)
      .set(as(direction))
      .send({ ovh: null })
      .expect(200);
    expect(body.ovh).toEqual({ configured: false, serviceName: null });
    expect(await keysOf(oliviers)).toBeNull();
  });
});

describe('privacy', () => {
  it('drops numbers and texts of news received after 6 months, and deletes them after 2 years', async () => {
    const retention = app.strapi.plugin('core').service('retention');
    const settled = await app.strapi.db
      .query(NEWS_DELIVERY_UID)
      .count({ where: { status: { $in: ['sent', 'failed', 'cancelled', 'dropped'] } } });
    expect(settled).toBeGreaterThan(0);
    const soon = await retention.runAll(new Date(Date.now() + 30 * 86_400_000));
    expect(soon.find((outcome: { name: string }) => outcome.name === 'pense-bete.news')).toMatchObject({
      anonymised: 0,
      deleted: 0,
    });
    const later = await retention.runAll(new Date(Date.now() + 200 * 86_400_000));
    expect(later.find((outcome: { name: string }) => outcome.name === 'pense-bete.news')).toMatchObject({
      anonymised: settled,
      deleted: 0,
    });
    expect(
      await app.strapi.db.query(NEWS_DELIVERY_UID).count({
        where: { status: { $in: ['sent', 'failed', 'cancelled', 'dropped'] }, recipient: { $notNull: true } },
      }),
    ).toBe(0);
    // Still waiting to leave (the double click's news): untouched.
    expect(await app.strapi.db.query(NEWS_DELIVERY_UID).count({ where: { status: 'planned' } })).toBeGreaterThan(0);
    expect(
      await app.strapi.db
        .query(NEWS_DELIVERY_UID)
        .count({ where: { status: 'planned', anonymisedAt: { $notNull: true } } }),
    ).toBe(0);
  });

  it('finds and erases a person’s groups, news received and group consents through core', async () => {
    const { body } = await api()
      .post('/core/gdpr/search')
      .set(as(direction))
      .send({ phone: '06 12 34 01 01' })
      .expect(200);
    const counts = Object.fromEntries(body.types.map((type: { uid: string; count: number }) => [type.uid, type.count]));
    expect(counts['plugin::pense-bete.group-member']).toBe(1);
    expect(counts[NEWS_DELIVERY_UID]).toBeGreaterThanOrEqual(4);
    expect(counts['plugin::core.consent']).toBe(2);
    await api()
      .post('/core/gdpr/erase')
      .set(as(direction))
      .send({ phone: '06 12 34 01 01', confirmation: 'EFFACER' })
      .expect(200);
    expect(await app.strapi.db.query('plugin::core.consent').count({ where: { subjectId: people.amina } })).toBe(0);
    expect(
      await app.strapi.db.query(NEWS_DELIVERY_UID).count({ where: { key: { $endsWith: `:${people.amina}` } } }),
    ).toBe(0);
    const group = await api().get(`/pense-bete/groups/${mercredi}`).set(as(referente)).expect(200);
    expect(
      group.body.memberList.map((member: { person: { firstName: string } }) => member.person.firstName),
    ).not.toContain('Amina');
  });

  it('never writes a number, an address or a message in the logs', () => {
    const logged = output.text();
    for (const value of personal) expect(logged).not.toContain(value);
    expect(logged).not.toContain('sortie au parc');
    expect(logged).not.toContain('centreOwnAppSecret');
  });
});
