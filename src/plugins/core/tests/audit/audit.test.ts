import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../../tests/harness/admin';

const CENTRES = '/content-manager/collection-types/plugin::core.centre';
const STAFF_ROLE = 'Équipe du centre';

let app: TestApp;
let oliviers: { id: number; documentId: string };
let tilleuls: { id: number; documentId: string };
let superAdmin: StaffAccount;
let accueilOliviers: StaffAccount;
let accueilTilleuls: StaffAccount;
let editor: StaffAccount;

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });

async function join(centreId: number, account: StaffAccount) {
  await app.strapi.db.query('plugin::core.centre').update({ where: { id: centreId }, data: { staff: [account.id] } });
}

beforeAll(async () => {
  app = await startTestApp();
  const centres = app.strapi.documents('plugin::core.centre');
  const a = await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } });
  const b = await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } });
  oliviers = { id: a.id as number, documentId: a.documentId };
  tilleuls = { id: b.id as number, documentId: b.documentId };
  superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
  accueilOliviers = await createStaff(app, 'accueil@oliviers.fr', [STAFF_ROLE]);
  accueilTilleuls = await createStaff(app, 'accueil@tilleuls.fr', [STAFF_ROLE]);
  editor = await createStaff(app, 'redaction@federation.fr', ['Editor']);
  await join(oliviers.id, accueilOliviers);
  await join(tilleuls.id, accueilTilleuls);

  await app
    .http()
    .put(`${CENTRES}/${oliviers.documentId}`)
    .set(as(accueilOliviers))
    .send({ email: 'contact@oliviers.fr', openingHours: 'Mo-Fr 09:00-18:00' })
    .expect(200);
  await app
    .http()
    .put(`${CENTRES}/${tilleuls.documentId}`)
    .set(as(accueilTilleuls))
    .send({ phone: '03 20 11 22 33' })
    .expect(200);
});

afterAll(async () => {
  await app?.stop();
});

describe('what the audit log records', () => {
  it('records a staff change with who, what, which entry and which centre — not the content', async () => {
    const { body } = await app.http().get('/core/audit').set(as(superAdmin)).expect(200);
    const entry = body.results.find((row: { centre: { id: number } | null }) => row.centre?.id === oliviers.id);
    expect(entry).toMatchObject({
      action: 'entry.update',
      actor: { type: 'staff', id: String(accueilOliviers.id), name: 'accueil' },
      subject: { uid: 'plugin::core.centre', id: oliviers.documentId },
      centre: { id: oliviers.id, name: 'Centre social des Oliviers' },
    });
    expect(JSON.stringify(body)).not.toContain('contact@oliviers.fr');
    expect(JSON.stringify(body)).not.toContain('03 20 11 22 33');
  });

  it('does not record what happens outside any request (seeds, jobs)', async () => {
    const { body } = await app.http().get('/core/audit?action=entry.create').set(as(superAdmin)).expect(200);
    expect(body.pagination.total).toBe(0);
  });
});

describe('who reads which part of the audit log', () => {
  it('a super-admin reads every centre', async () => {
    // Staff changes only: the nightly retention job also writes centre-less entries.
    const { body } = await app.http().get('/core/audit?action=entry').set(as(superAdmin)).expect(200);
    expect(body.results.map((row: { centre: { name: string } }) => row.centre.name).sort()).toEqual([
      'Centre social des Oliviers',
      'Centre social des Tilleuls',
    ]);
  });

  it.each([
    ['the Oliviers team', () => accueilOliviers, 'Centre social des Oliviers'],
    ['the Tilleuls team', () => accueilTilleuls, 'Centre social des Tilleuls'],
  ])('%s reads and counts only its centre', async (_who, account, centreName) => {
    const { body } = await app.http().get('/core/audit').set(as(account())).expect(200);
    expect(body.results.map((row: { centre: { name: string } }) => row.centre.name)).toEqual([centreName]);
    expect(body.pagination.total).toBe(1);
  });

  it('a team cannot read another centre by asking for it', async () => {
    const { body } = await app.http().get(`/core/audit?centre=${tilleuls.id}`).set(as(accueilOliviers)).expect(200);
    expect(body.results).toEqual([]);
    expect(body.pagination.total).toBe(0);
  });

  it('a role without the audit permission is refused', async () => {
    const response = await app.http().get('/core/audit').set(as(editor));
    expect(response.status).toBe(403);
  });

  it('an anonymous caller is refused', async () => {
    expect((await app.http().get('/core/audit')).status).toBe(401);
  });
});

describe('filters and hostile queries', () => {
  it('filters by action prefix and dates', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const updates = await app.http().get(`/core/audit?action=entry&from=${today}&to=${today}`).set(as(superAdmin));
    expect(updates.body.pagination.total).toBe(2);
    const old = await app.http().get('/core/audit?to=2020-01-01').set(as(superAdmin));
    expect(old.body.pagination.total).toBe(0);
  });

  it('pages the results', async () => {
    const { body } = await app.http().get('/core/audit?action=entry&page=2&pageSize=1').set(as(superAdmin)).expect(200);
    expect(body.results).toHaveLength(1);
    expect(body.pagination).toEqual({ page: 2, pageSize: 1, total: 2, pageCount: 2 });
  });

  it.each([
    ['pageSize=1000', 'pageSize', '100 lignes par page au plus.'],
    ['page=abc', 'page', 'Le numéro de page est un nombre.'],
    ['from=01/02/2026', 'from', 'Une date s’écrit AAAA-MM-JJ.'],
    ["action=x';drop table core_audit_entries;--", 'action', 'Action inconnue.'],
    ['sort=id', '', 'Paramètre inconnu : sort.'],
  ])('refuses %s with a French message', async (query, field, message) => {
    const response = await app.http().get(`/core/audit?${query}`).set(as(superAdmin));
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: field ? [field] : [], message }),
    ]);
  });
});
