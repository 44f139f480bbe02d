import path from 'node:path';
import http from 'node:http';
import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../../tests/harness/admin';
import { applyFieldLabels } from '../../toolkit';
import { addressOf, startSmtpServer, type TestSmtpServer } from '../mail/smtp-server';

const NOTICE = 'plugin::moderation-fixture.notice';
const EVENT = 'plugin::moderation-fixture.event';
const STAFF_ROLE = 'Équipe du centre';
const PARTNER = 'couture@asso-exemple.org';

let smtp: TestSmtpServer;
let app: TestApp;
let oliviers: number;
let tilleuls: number;
let superAdmin: StaffAccount;
let accueilOliviers: StaffAccount;
let accueilTilleuls: StaffAccount;
let editor: StaffAccount;

interface QueueItem {
  id: number;
  title: string;
  reasons: string[];
  kind: string;
  mode: string;
  status: string;
  centre: { id: number; name: string } | null;
  type: { uid: string; label: string };
  reportCount: number;
}

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });

async function submit(kind: 'notices' | 'events', body: Record<string, unknown>) {
  const response = await app.http().post(`/api/moderation-fixture/${kind}`).send(body);
  expect(response.status).toBe(201);
  return response.body.data as { documentId: string; item: number; published: boolean };
}

async function queue(account: StaffAccount, query = ''): Promise<{ results: QueueItem[]; [key: string]: unknown }> {
  const response = await app.http().get(`/core/moderation?pageSize=100${query}`).set(as(account));
  expect(response.status).toBe(200);
  return response.body;
}

const decide = (account: StaffAccount, id: number, body: Record<string, unknown>) =>
  app.http().post(`/core/moderation/${id}/decision`).set(as(account)).send(body);

const published = (uid: string, documentId: string) =>
  app.strapi.documents(uid as never).findOne({ documentId, status: 'published' } as never) as Promise<Record<
    string,
    unknown
  > | null>;

const mailsTo = (address: string) => smtp.received.filter((mail) => addressOf(mail.to) === address);

/** A report sent from a given loopback address, as if from another visitor. */
interface ApiAnswer {
  status: number;
  body: { error: { message: string; details: { errors: { path: string[]; message: string }[] } } };
}

function reportFrom(localAddress: string, body: unknown): Promise<ApiAnswer> {
  const url = new URL('/api/core/reports', app.baseUrl);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
      },
      (response) => {
        let data = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (data += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: data ? JSON.parse(data) : {} }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

const reportCount = () => app.strapi.db.query('plugin::core.report').count();

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startTestApp({
    TEST_PLUGINS: path.join(__dirname, '..', 'fixtures', 'moderation-fixture'),
    EMAIL_MODE: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
  });
  const centres = app.strapi.documents('plugin::core.centre');
  oliviers = (await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } })).id as number;
  tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })).id as number;
  superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
  accueilOliviers = await createStaff(app, 'accueil@oliviers.fr', [STAFF_ROLE]);
  accueilTilleuls = await createStaff(app, 'accueil@tilleuls.fr', [STAFF_ROLE]);
  editor = await createStaff(app, 'redaction@federation.fr', ['Editor']);
  const join = (centre: number, account: StaffAccount) =>
    app.strapi.db.query('plugin::core.centre').update({ where: { id: centre }, data: { staff: [account.id] } });
  await join(oliviers, accueilOliviers);
  await join(tilleuls, accueilTilleuls);
  // The labels a product gives its fields in the content manager name them in the diff too.
  await applyFieldLabels(app.strapi, EVENT, { place: { label: 'Lieu' } });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

describe('pre-moderated submissions', () => {
  let couture: { documentId: string; item: number };

  it('stay unpublished until a moderator accepts them; the submitter is then told, without the internal note', async () => {
    couture = await submit('notices', {
      centre: oliviers,
      name: 'Atelier couture du mardi',
      description: 'Machines à coudre et patrons à disposition, débutantes bienvenues.',
      phone: '03 20 00 00 01',
      submitterEmail: PARTNER,
    });
    expect(await published(NOTICE, couture.documentId)).toBeNull();

    const { results } = await queue(superAdmin);
    expect(results.find((item) => item.id === couture.item)).toMatchObject({
      title: 'Atelier couture du mardi',
      kind: 'new',
      mode: 'pre',
      status: 'pending',
      reasons: ['new'],
      type: { uid: NOTICE, label: 'Fiche partenaire' },
      centre: { id: oliviers, name: 'Centre social des Oliviers' },
    });
    const detail = await app.http().get(`/core/moderation/${couture.item}`).set(as(accueilOliviers)).expect(200);
    expect(detail.body).toMatchObject({ published: false, submitterEmail: PARTNER, decision: null });
    expect(detail.body.changes).toContainEqual(
      expect.objectContaining({ field: 'name', label: 'Nom', before: null, after: 'Atelier couture du mardi' }),
    );

    const accepted = await decide(accueilOliviers, couture.item, {
      decision: 'accept',
      note: 'Vérifié par téléphone avec la présidente.',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', published: true });
    expect(accepted.body.decision).toMatchObject({ by: 'accueil', note: 'Vérifié par téléphone avec la présidente.' });
    expect(await published(NOTICE, couture.documentId)).toMatchObject({ name: 'Atelier couture du mardi' });

    const [mail] = mailsTo(PARTNER);
    expect(mail.subject).toBe('Votre proposition est en ligne : Atelier couture du mardi');
    expect(mail.text).toContain('a été acceptée : elle est en ligne.');
    expect(mail.text).toContain('L’équipe du Centre social des Oliviers');
    expect(mail.text).not.toContain('Vérifié par téléphone');
    expect(String(mail.html)).not.toContain('Vérifié par téléphone');

    const again = await decide(superAdmin, couture.item, { decision: 'refuse', message: 'Trop tard.' });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe('Cet élément a déjà été traité. Rechargez la file de modération.');
  });

  it('keep an edit proposed to a published entry beside it, show it field by field, and apply it once accepted', async () => {
    const proposal = await app
      .http()
      .put(`/api/moderation-fixture/notices/${couture.documentId}`)
      .send({ phone: '03 20 99 99 99', description: 'Nouveaux horaires : le mardi de 14 h à 17 h.' });
    expect(proposal.status).toBe(202);
    expect(proposal.body.data.applied).toBe(false);
    // The published entry stays as it is.
    expect(await published(NOTICE, couture.documentId)).toMatchObject({ phone: '03 20 00 00 01' });

    const item = (await queue(superAdmin)).results.find((row) => row.id === proposal.body.data.item);
    expect(item).toMatchObject({ kind: 'edit', reasons: ['edit'], title: 'Atelier couture du mardi' });
    const { body } = await app
      .http()
      .get(`/core/moderation/${proposal.body.data.item}`)
      .set(as(superAdmin))
      .expect(200);
    // The submitter's address comes from the product (contact e-mail) or from the proposal.
    expect(body.changes).toEqual([
      {
        field: 'phone',
        label: 'Téléphone',
        before: '03 20 00 00 01',
        after: '03 20 99 99 99',
        changed: true,
        changedSinceProposal: false,
      },
      {
        field: 'description',
        label: 'Description',
        before: 'Machines à coudre et patrons à disposition, débutantes bienvenues.',
        after: 'Nouveaux horaires : le mardi de 14 h à 17 h.',
        changed: true,
        changedSinceProposal: false,
      },
    ]);

    await decide(superAdmin, proposal.body.data.item, { decision: 'accept' }).expect(200);
    expect(await published(NOTICE, couture.documentId)).toMatchObject({
      phone: '03 20 99 99 99',
      description: 'Nouveaux horaires : le mardi de 14 h à 17 h.',
      name: 'Atelier couture du mardi',
    });
  });

  it('refuse an empty proposal', async () => {
    const response = await app.http().put(`/api/moderation-fixture/notices/${couture.documentId}`).send({});
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: [], message: 'La proposition ne modifie aucun champ.' }),
    ]);
  });

  it.each([
    [{ centre: 2 }, 'centre'],
    [{ publishedAt: '2020-01-01T00:00:00.000Z' }, 'publishedAt'],
    [{ website: 'https://example.org' }, 'website'],
  ])('refuse a proposal touching %j', async (data, field) => {
    const before = await app.strapi.db.query('plugin::core.moderation-item').count();
    const response = await app.http().put(`/api/moderation-fixture/notices/${couture.documentId}`).send(data);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: [field], message: 'Ce champ ne peut pas être modifié ici.' }),
    ]);
    expect(await app.strapi.db.query('plugin::core.moderation-item').count()).toBe(before);
  });
});

describe('refusing and asking for changes', () => {
  it('requires a reason to refuse, and changes nothing without one', async () => {
    const yoga = await submit('notices', {
      centre: oliviers,
      name: 'Cours de yoga',
      submitterEmail: 'yoga@example.org',
    });
    const response = await decide(accueilOliviers, yoga.item, { decision: 'refuse', message: '   ' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({
        path: ['message'],
        message: 'Indiquez la raison du refus : elle est envoyée à la personne.',
      }),
    ]);
    expect((await queue(superAdmin)).results.find((item) => item.id === yoga.item)?.status).toBe('pending');
    expect(mailsTo('yoga@example.org')).toHaveLength(0);

    await decide(accueilOliviers, yoga.item, {
      decision: 'refuse',
      message: 'Cette activité n’a pas lieu sur notre territoire.',
      note: 'Association déjà refusée l’an dernier.',
    }).expect(200);
    const [mail] = mailsTo('yoga@example.org');
    expect(mail.subject).toBe('Votre proposition n’a pas été retenue : Cours de yoga');
    expect(mail.text).toContain('Cette activité n’a pas lieu sur notre territoire.');
    expect(mail.text).not.toContain('déjà refusée');
    expect(await published(NOTICE, yoga.documentId)).toBeNull();
  });

  it('asks for changes with a message the person receives', async () => {
    const chorale = await submit('notices', {
      centre: oliviers,
      name: 'Chorale',
      submitterEmail: 'chorale@example.org',
    });
    const missing = await decide(accueilOliviers, chorale.item, { decision: 'request-changes' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.errors[0].message).toBe(
      'Indiquez les modifications demandées : elles sont envoyées à la personne.',
    );
    const done = await decide(accueilOliviers, chorale.item, {
      decision: 'request-changes',
      message: 'Précisez le jour et l’heure des répétitions, s’il vous plaît.',
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('changes-requested');
    const [mail] = mailsTo('chorale@example.org');
    expect(mail.subject).toBe('Des modifications sont demandées : Chorale');
    expect(mail.text).toContain('Avant toute mise en ligne');
    expect(mail.text).toContain('Précisez le jour et l’heure des répétitions, s’il vous plaît.');
    expect(await published(NOTICE, chorale.documentId)).toBeNull();
  });

  it.each([
    [
      'an unknown decision',
      { decision: 'publish' },
      'decision',
      'Choisissez une décision : accepter, refuser ou demander des modifications.',
    ],
    ['an unknown field', { decision: 'accept', priority: 1 }, '', 'Champ inconnu : priority.'],
    [
      'a message too long',
      { decision: 'refuse', message: 'x'.repeat(4001) },
      'message',
      'Le message compte 4 000 caractères au plus.',
    ],
  ])('refuses %s in a decision, in French', async (_what, body, field, message) => {
    const item = await submit('notices', { centre: oliviers, name: `Proposition ${field || 'x'}` });
    const response = await decide(superAdmin, item.item, body);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toContainEqual(
      expect.objectContaining({ path: field ? [field] : [], message }),
    );
  });
});

describe('post-moderated types', () => {
  it('are published at once, reviewed afterwards, and unpublished by a refusal', async () => {
    const fete = await submit('events', {
      centre: tilleuls,
      title: 'Fête de quartier',
      place: 'Square des Tilleuls',
      startsOn: '2026-06-20',
      submitterEmail: 'comite@example.org',
    });
    expect(fete.published).toBe(true);
    expect(await published(EVENT, fete.documentId)).toMatchObject({ title: 'Fête de quartier' });
    const item = (await queue(accueilTilleuls)).results.find((row) => row.id === fete.item);
    expect(item).toMatchObject({ mode: 'post', kind: 'new', reasons: ['new'], type: { label: 'Événement' } });

    await decide(accueilTilleuls, fete.item, {
      decision: 'refuse',
      message: 'La date est déjà prise par la brocante.',
    }).expect(200);
    expect(await published(EVENT, fete.documentId)).toBeNull();
    const [mail] = mailsTo('comite@example.org');
    expect(mail.text).toContain('n’a pas été retenue et a été retirée du site');
  });

  it('apply an edit at once, and put the previous values back when it is refused', async () => {
    const loto = await submit('events', { centre: tilleuls, title: 'Loto', place: 'Salle polyvalente' });
    await decide(accueilTilleuls, loto.item, { decision: 'accept' }).expect(200);
    const edit = await app
      .http()
      .put(`/api/moderation-fixture/events/${loto.documentId}`)
      .send({ place: 'Gymnase Jean-Zay' })
      .expect(202);
    expect(edit.body.data.applied).toBe(true);
    expect(await published(EVENT, loto.documentId)).toMatchObject({ place: 'Gymnase Jean-Zay' });
    const { body } = await app.http().get(`/core/moderation/${edit.body.data.item}`).set(as(superAdmin)).expect(200);
    expect(body.changes).toEqual([
      expect.objectContaining({
        field: 'place',
        label: 'Lieu',
        before: 'Salle polyvalente',
        after: 'Gymnase Jean-Zay',
        changed: true,
      }),
    ]);
    await decide(superAdmin, edit.body.data.item, { decision: 'refuse', message: 'Le gymnase est fermé ce jour-là.' });
    expect(await published(EVENT, loto.documentId)).toMatchObject({ place: 'Salle polyvalente' });
  });
});

describe('why an item is in the queue', () => {
  let first: { item: number };
  let second: { item: number };
  let elsewhere: { item: number };

  beforeAll(async () => {
    first = await submit('notices', { centre: oliviers, name: 'Le Café des parents' });
    second = await submit('notices', { centre: oliviers, name: 'cafe des  PARENTS !' });
    elsewhere = await submit('notices', { centre: tilleuls, name: 'Café des parents' });
  });

  it('flags possible duplicates: same type, same centre, titles that only differ in form', async () => {
    const { results } = await queue(superAdmin, '&reason=possible-duplicate');
    expect(results.map((item) => item.id).sort()).toEqual([first.item, second.item].sort());
    expect(results.every((item) => item.reasons.includes('possible-duplicate'))).toBe(true);
    const { body } = await app.http().get(`/core/moderation/${first.item}`).set(as(superAdmin)).expect(200);
    expect(body.duplicates).toEqual([{ id: second.item, title: 'cafe des  PARENTS !', status: 'pending' }]);
    const other = (await queue(superAdmin)).results.find((item) => item.id === elsewhere.item);
    expect(other?.reasons).toEqual(['new']);
  });

  it('flags what has waited longer than the configured number of days', async () => {
    await app.strapi.db
      .query('plugin::core.moderation-item')
      .update({ where: { id: elsewhere.item }, data: { createdAt: new Date(Date.now() - 8 * 86400000) } });
    const { results, pendingDays } = await queue(superAdmin, '&reason=pending-too-long');
    expect(pendingDays).toBe(7);
    expect(results.map((item) => item.id)).toEqual([elsewhere.item]);
    expect(results[0].reasons).toEqual(['new', 'pending-too-long']);
  });

  it('filters by type and centre, oldest first, page by page', async () => {
    const events = await queue(superAdmin, `&type=${EVENT}`);
    expect(events.results.every((item) => item.type.uid === EVENT)).toBe(true);
    const tilleulsOnly = await queue(superAdmin, `&centre=${tilleuls}`);
    expect(tilleulsOnly.results.every((item) => item.centre?.id === tilleuls)).toBe(true);
    const all = await queue(superAdmin);
    const firstPage = await app.http().get('/core/moderation?pageSize=2').set(as(superAdmin)).expect(200);
    expect(firstPage.body.results.map((item: QueueItem) => item.id)).toEqual(
      all.results.slice(0, 2).map((item) => item.id),
    );
    expect(firstPage.body.pagination).toMatchObject({ page: 1, pageSize: 2, total: all.results.length });
    expect(all.results[0].id).toBe(elsewhere.item);
  });

  it.each([
    ['reason=urgent', 'reason', 'Raison inconnue.'],
    ['pageSize=500', 'pageSize', '100 lignes par page au plus.'],
    ['sort=title', '', 'Paramètre inconnu : sort.'],
  ])('refuses %s in French', async (query, field, message) => {
    const response = await app.http().get(`/core/moderation?${query}`).set(as(superAdmin));
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: field ? [field] : [], message }),
    ]);
  });
});

describe('each centre moderates its own items', () => {
  it('shows a team only its centres’ items and centres', async () => {
    const oliviersQueue = await queue(accueilOliviers);
    expect(oliviersQueue.results.length).toBeGreaterThan(0);
    expect(oliviersQueue.results.every((item) => item.centre?.id === oliviers)).toBe(true);
    expect(oliviersQueue.filters).toMatchObject({ centres: [{ id: oliviers, name: 'Centre social des Oliviers' }] });
    const asked = await queue(accueilTilleuls, `&centre=${oliviers}`);
    expect(asked.results).toEqual([]);
  });

  it('answers "not found" when another centre’s team reads or decides an item, and nothing changes', async () => {
    const item = await submit('notices', {
      centre: oliviers,
      name: 'Jardin partagé',
      submitterEmail: 'jardin@example.org',
    });
    const read = await app.http().get(`/core/moderation/${item.item}`).set(as(accueilTilleuls));
    expect(read.status).toBe(404);
    expect(read.body.error.message).toBe('Cet élément n’existe pas.');
    const decided = await decide(accueilTilleuls, item.item, { decision: 'accept' });
    expect(decided.status).toBe(404);
    expect(await published(NOTICE, item.documentId)).toBeNull();
    expect(mailsTo('jardin@example.org')).toHaveLength(0);
  });

  it('refuses roles without the moderation permissions, and anonymous callers', async () => {
    expect((await app.http().get('/core/moderation').set(as(editor))).status).toBe(403);
    const item = await submit('notices', { centre: oliviers, name: 'Soutien scolaire' });
    expect((await decide(editor, item.item, { decision: 'accept' })).status).toBe(403);
    expect((await app.http().get('/core/moderation')).status).toBe(401);
    expect((await app.http().post(`/core/moderation/${item.item}/decision`).send({ decision: 'accept' })).status).toBe(
      401,
    );
  });
});

describe('the audit log', () => {
  it('records every decision with ids and the decision, never the person’s address, reason or note', async () => {
    const { body } = await app.http().get('/core/audit?action=moderation&pageSize=100').set(as(superAdmin)).expect(200);
    const actions = body.results.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'moderation.submit',
        'moderation.accept',
        'moderation.refuse',
        'moderation.request-changes',
      ]),
    );
    const refusal = body.results.find(
      (entry: { action: string; centre: { id: number } | null }) =>
        entry.action === 'moderation.refuse' && entry.centre?.id === oliviers,
    );
    expect(refusal).toMatchObject({
      actor: { type: 'staff', id: String(accueilOliviers.id) },
      subject: { uid: NOTICE },
      details: { kind: 'new', mode: 'pre', notified: true },
    });
    const text = JSON.stringify(body);
    for (const secret of [
      PARTNER,
      'yoga@example.org',
      'n’a pas lieu sur notre territoire',
      'déjà refusée',
      'Vérifié',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('a contributor withdrawing', () => {
  const withdraw = (uid: string, documentId: string) =>
    (
      app.strapi.plugin('core').service('moderation') as { withdraw(uid: string, id: string): Promise<number> }
    ).withdraw(uid, documentId);

  it('takes a pending submission out of the queue with a note for the team, e-mails nobody, and is audited', async () => {
    const mailsBefore = smtp.received.length;
    const tricot = await submit('notices', {
      centre: oliviers,
      name: 'Club tricot du jeudi',
      description: 'Laine fournie, toutes générations.',
      submitterEmail: 'tricot@example.org',
    });
    expect(await withdraw(NOTICE, tricot.documentId)).toBe(1);
    expect((await queue(accueilOliviers)).results.map((item) => item.id)).not.toContain(tricot.item);
    const { body } = await app.http().get(`/core/moderation/${tricot.item}`).set(as(accueilOliviers)).expect(200);
    expect(body.status).toBe('refused');
    expect(JSON.stringify(body)).toContain('Retirée par la personne qui l’avait proposée, avant toute décision.');
    await decide(accueilOliviers, tricot.item, { decision: 'accept' }).expect(400);
    expect(await published(NOTICE, tricot.documentId)).toBeNull();
    expect(mailsTo('tricot@example.org')).toEqual([]);
    expect(smtp.received.length).toBe(mailsBefore);
    const audit = await app.http().get('/core/audit?action=moderation.withdraw').set(as(superAdmin)).expect(200);
    expect(audit.body.results).toEqual([
      expect.objectContaining({ subject: expect.objectContaining({ id: tricot.documentId }), details: { items: 1 } }),
    ]);
    // A second withdrawal finds nothing left to take back.
    expect(await withdraw(NOTICE, tricot.documentId)).toBe(0);
  });

  it('leaves a post-moderated entry, already online, for the team to review', async () => {
    const bal = await submit('events', { centre: tilleuls, title: 'Bal du 14 juillet', place: 'Place du marché' });
    expect(await withdraw(EVENT, bal.documentId)).toBe(0);
    expect((await queue(accueilTilleuls)).results.map((item) => item.id)).toContain(bal.item);
  });
});

describe('reports on published content', () => {
  let target: { documentId: string; item: number };
  const base = () => ({ type: NOTICE, documentId: target.documentId });

  beforeAll(async () => {
    target = await submit('notices', {
      centre: oliviers,
      name: 'Vente de gâteaux',
      contactEmail: 'gateaux@example.org',
    });
    await decide(superAdmin, target.item, { decision: 'accept' }).expect(200);
  });

  it('counts one report per person and entry, even when two arrive at the same moment', async () => {
    const body = { ...base(), reason: 'spam', text: 'Publicité déguisée.' };
    const answers = await Promise.all([reportFrom('127.0.0.2', body), reportFrom('127.0.0.2', body)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.status === 409);
    expect(refused?.body.error.message).toBe(
      'Vous avez déjà signalé ce contenu. Merci : l’équipe du centre va le regarder.',
    );
    expect(await reportCount()).toBe(1);
    const later = await reportFrom('127.0.0.2', { ...base(), reason: 'other' });
    expect(later.status).toBe(409);
    expect(await reportCount()).toBe(1);
  });

  it('hides the entry once different people reach the threshold, and queues it as reported', async () => {
    // Someone else on the same connection, who gives an address: a report, not another person.
    expect((await reportFrom('127.0.0.2', { ...base(), reason: 'spam', email: 'voisin@example.org' })).status).toBe(
      201,
    );
    expect((await reportFrom('127.0.0.3', { ...base(), reason: 'wrong-information' })).status).toBe(201);
    expect(await published(NOTICE, target.documentId)).not.toBeNull();
    expect((await reportFrom('127.0.0.4', { ...base(), reason: 'inappropriate' })).status).toBe(201);
    expect(await published(NOTICE, target.documentId)).toBeNull();

    const item = (await queue(accueilOliviers, '&reason=reported')).results.find(
      (row) => row.title === 'Vente de gâteaux',
    );
    expect(item).toMatchObject({ kind: 'report', reasons: ['reported'], reportCount: 4 });
    const { body } = await app.http().get(`/core/moderation/${item?.id}`).set(as(accueilOliviers)).expect(200);
    expect(body).toMatchObject({ hiddenByReports: true, published: false, submitterEmail: 'gateaux@example.org' });
    expect(body.reports.map((report: { reason: string }) => report.reason).sort()).toEqual([
      'inappropriate',
      'spam',
      'spam',
      'wrong-information',
    ]);
    expect(JSON.stringify(body)).not.toContain('voisin@example.org');
    const stored = JSON.stringify(await app.strapi.db.query('plugin::core.report').findMany({}));
    expect(stored).not.toContain('voisin@example.org');
    expect(stored).not.toContain('127.0.0');

    // Hidden content cannot be reported any more.
    const gone = await reportFrom('127.0.0.5', { ...base(), reason: 'spam' });
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toBe('Ce contenu n’existe pas ou n’est plus en ligne.');

    // Kept by the moderator: back online, nobody e-mailed.
    const before = mailsTo('gateaux@example.org').length;
    await decide(accueilOliviers, Number(item?.id), { decision: 'accept' }).expect(200);
    expect(await published(NOTICE, target.documentId)).not.toBeNull();
    expect(mailsTo('gateaux@example.org')).toHaveLength(before);
  });

  it('removes reported content on refusal and tells its author why', async () => {
    await reportFrom('127.0.0.6', { ...base(), reason: 'personal-data', text: 'Mon numéro personnel y figure.' });
    const item = (await queue(superAdmin, '&reason=reported')).results.find((row) => row.title === 'Vente de gâteaux');
    expect(item?.reportCount).toBe(1);
    await decide(superAdmin, Number(item?.id), {
      decision: 'refuse',
      message: 'La fiche contenait le numéro personnel d’une habitante.',
    }).expect(200);
    expect(await published(NOTICE, target.documentId)).toBeNull();
    const mail = mailsTo('gateaux@example.org').pop();
    expect(mail?.subject).toBe('Votre contenu a été retiré : Vente de gâteaux');
    expect(mail?.text).toContain('La fiche contenait le numéro personnel d’une habitante.');
  });

  it('does not take reports on content that is not public', async () => {
    const draft = await submit('notices', { centre: oliviers, name: 'Brouillon' });
    const response = await reportFrom('127.0.0.7', { type: NOTICE, documentId: draft.documentId, reason: 'spam' });
    expect(response.status).toBe(404);
  });

  it.each([
    ['a list', [], 'Le formulaire doit être un objet JSON ({ "champ": valeur, … }).'],
    [
      'an empty form',
      {},
      [
        [['type'], 'Indiquez le type du contenu signalé.'],
        [['documentId'], 'Indiquez le contenu signalé.'],
        [
          ['reason'],
          'Choisissez une raison : contenu inapproprié, information fausse, publicité ou spam, données personnelles, ou autre.',
        ],
      ],
    ],
    ['an unknown reason', { reason: 'boring' }, [[['reason'], expect.stringContaining('Choisissez une raison')]]],
    ['a text too long', { text: 'é'.repeat(1001) }, [[['text'], 'Le message compte 1 000 caractères au plus.']]],
    ['a bad e-mail', { email: 'pas-une-adresse' }, [[['email'], 'Cette adresse e-mail n’est pas valide.']]],
    ['an extra field', { isAdmin: true }, [[['isAdmin'], 'Ce champ n’est pas attendu.']]],
    [
      'a type that is not moderated',
      { type: 'plugin::core.centre' },
      [[['type'], 'Ce type de contenu ne peut pas être signalé.']],
    ],
    [
      'an injected identifier',
      { documentId: "x'; drop table core_reports; --" },
      [[['documentId'], 'Ce contenu n’existe pas.']],
    ],
    ['a text that is not text', { text: { $gt: '' } }, [[['text'], 'Le message est un texte.']]],
  ])('refuses %s with French messages and stores nothing', async (_what, override, expected) => {
    const before = await reportCount();
    const body = Array.isArray(override)
      ? override
      : Object.keys(override).length === 0
        ? {}
        : { ...base(), reason: 'spam', ...override };
    const response = await reportFrom('127.0.0.8', body);
    expect(response.status).toBe(400);
    if (typeof expected === 'string') {
      // Refused by the public-form guard before any field is read.
      expect(response.body.error.message).toBe(expected);
    } else {
      const errors = response.body.error.details.errors.map((error: { path: string[]; message: string }) => [
        error.path,
        error.message,
      ]);
      expect(errors).toEqual(expected);
    }
    expect(await reportCount()).toBe(before);
  });
});

describe('submissions are personal data', () => {
  it('are found from the submitter’s address, and erased: waiting ones removed, decided ones stripped', async () => {
    const waiting = await submit('notices', { centre: oliviers, name: 'Troc de plantes', submitterEmail: PARTNER });
    const found = await app.http().post('/core/gdpr/search').set(as(superAdmin)).send({ email: PARTNER });
    expect(found.body.types).toContainEqual({
      uid: 'plugin::core.moderation-item',
      label: 'Contributions proposées',
      count: 2,
    });
    const erased = await app
      .http()
      .post('/core/gdpr/erase')
      .set(as(superAdmin))
      .send({ email: PARTNER, confirmation: 'EFFACER' })
      .expect(200);
    expect(erased.body.types).toContainEqual(
      expect.objectContaining({ uid: 'plugin::core.moderation-item', erased: 1, anonymised: 1 }),
    );
    const rows = await app.strapi.db.query('plugin::core.moderation-item').findMany({});
    expect(JSON.stringify(rows)).not.toContain(PARTNER);
    expect(rows.some((row: { id: number }) => row.id === waiting.item)).toBe(false);
    const again = await app.http().post('/core/gdpr/search').set(as(superAdmin)).send({ email: PARTNER });
    expect(again.body.total).toBe(0);
  });
});

describe('when the e-mail cannot leave', () => {
  beforeAll(async () => {
    await smtp.close();
  });

  it('records no decision: the entry, the queue and the audit log stay as they were', async () => {
    const item = await submit('notices', {
      centre: oliviers,
      name: 'Repair café',
      submitterEmail: 'repair@example.org',
    });
    const response = await decide(accueilOliviers, item.item, { decision: 'accept' });
    expect(response.status).toBe(503);
    expect(response.body.error.message).toBe(
      'La décision n’a pas été enregistrée : l’e-mail à la personne n’a pas pu partir (serveur d’envoi indisponible). Réessayez dans quelques minutes.',
    );
    expect(await published(NOTICE, item.documentId)).toBeNull();
    const { body } = await app.http().get(`/core/moderation/${item.item}`).set(as(accueilOliviers)).expect(200);
    expect(body).toMatchObject({ status: 'pending', decision: null });
    const audit = await app.http().get('/core/audit?action=moderation.accept&pageSize=100').set(as(superAdmin));
    expect(audit.body.results.some((entry: { subject: { id: string } }) => entry.subject.id === item.documentId)).toBe(
      false,
    );
  });
});
