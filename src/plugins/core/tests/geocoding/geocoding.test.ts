/**
 * Geocoding against a fake Base Adresse Nationale on loopback (./fake-ban.ts): hits, misses,
 * low scores, an API that is down or too slow (the centre is saved anyway), the cache (the fake
 * counts its calls), and positions set by hand, which win over both.
 */
import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../../tests/harness/admin';
import type { GeocodeOutcome } from '../../shared/contracts/geocoding';
import { startFakeBan, type FakeBan } from './fake-ban';

const CENTRES = '/content-manager/collection-types/plugin::core.centre';
const ECOLES = '12 rue des Écoles, 59000 Lille';

let ban: FakeBan;
let app: TestApp;
let superAdmin: StaffAccount;
let editor: StaffAccount;
const logged: string[] = [];

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });
const geocode = (address: string, options?: object): Promise<GeocodeOutcome> =>
  app.strapi.plugin('core').service('geocoding').geocode(address, options);
const centreRow = (documentId: string) =>
  app.strapi.db
    .query('plugin::core.centre')
    .findOne({ where: { documentId }, select: ['latitude', 'longitude', 'street'] }) as Promise<{
    latitude: number | null;
    longitude: number | null;
  }>;

beforeAll(async () => {
  ban = await startFakeBan();
  app = await startTestApp({
    GEOCODING_ENABLED: 'true',
    GEOCODING_URL: ban.url,
    GEOCODING_TIMEOUT_MS: '300',
    GEOCODING_MIN_SCORE: '50',
  });
  for (const level of ['error', 'warn', 'info', 'debug'] as const) {
    jest.spyOn(app.strapi.log, level).mockImplementation(((message: unknown) => {
      logged.push(String(message));
    }) as never);
  }
  superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
  editor = await createStaff(app, 'redaction@federation.fr', ['Editor']);
});

afterAll(async () => {
  await app?.stop();
  await ban?.close();
});

describe('address → position', () => {
  it('finds an address through the BAN, then answers from its memory, whatever the spelling', async () => {
    const first = await geocode(ECOLES);
    expect(first).toEqual({
      status: 'found',
      source: 'api',
      latitude: 50.6311,
      longitude: 3.0586,
      label: '12 Rue des Écoles 59000 Lille',
      score: 0.93,
      citycode: '59350',
    });
    expect(ban.callsFor('écoles')).toBe(1);
    const again = await geocode('12, RUE DES ECOLES  59000 lille');
    expect(again).toMatchObject({ status: 'found', source: 'cache', latitude: 50.6311, longitude: 3.0586 });
    expect(ban.callsFor('coles')).toBe(1);
  });

  it('says in French when no address matches, and remembers that too', async () => {
    const outcome = await geocode('Chemin introuvable 99999 Nulle-Part');
    expect(outcome).toEqual({
      status: 'not-found',
      message: 'Aucune adresse correspondante n’a été trouvée : vérifiez le numéro, la rue et la commune.',
    });
    await geocode('chemin introuvable 99999 nulle part');
    expect(ban.callsFor('introuvable')).toBe(1);
  });

  it('refuses a match below the minimum score, showing what was proposed', async () => {
    const outcome = await geocode('Rue incertaine, Lille');
    expect(outcome).toMatchObject({
      status: 'low-score',
      candidate: { label: 'Rue Incertaine 59000 Lille', score: 0.31 },
    });
    expect((outcome as { message: string }).message).toContain('trop incertaine (fiabilité 31 %)');
  });

  it.each([
    ['down (503)', 'Rue en panne, 59000 Lille', 'panne'],
    ['too slow (timeout)', 'Rue lente, 59000 Lille', 'lente'],
  ])('reports an API that is %s as unavailable, and does not remember it', async (_label, address, word) => {
    const outcome = await geocode(address);
    expect(outcome).toEqual({
      status: 'unavailable',
      message: 'Le service de géocodage ne répond pas pour le moment ; la position sera recherchée plus tard.',
    });
    await geocode(address);
    expect(ban.callsFor(word)).toBe(2);
  });

  it('refuses what the BAN cannot search, without asking it', async () => {
    const calls = ban.calls.length;
    expect(await geocode('--')).toMatchObject({ status: 'invalid' });
    expect(await geocode('x'.repeat(201))).toMatchObject({ status: 'invalid' });
    expect(ban.calls.length).toBe(calls);
  });

  it('asks again once a remembered answer has expired', async () => {
    await app.strapi.db.query('plugin::core.geocoding-cache').updateMany({
      where: { addressKey: '12 rue des ecoles 59000 lille' },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await geocode(ECOLES)).toMatchObject({ status: 'found', source: 'api' });
    expect(ban.callsFor('coles')).toBe(2);
    expect(await app.strapi.plugin('core').service('geocoding').purgeExpired()).toBe(0);
  });

  it('forgets expired answers in the housekeeping', async () => {
    await app.strapi.db
      .query('plugin::core.geocoding-cache')
      .updateMany({ where: { addressKey: 'chemin introuvable 99999 nulle part' }, data: { expiresAt: new Date(0) } });
    expect(await app.strapi.plugin('core').service('geocoding').purgeExpired()).toBe(1);
  });

  it('does not remember a resident’s address when asked not to', async () => {
    const outcome = await geocode('5 rue des Tilleuls, 59800 Lille', { remember: false });
    expect(outcome).toMatchObject({ status: 'found', source: 'api' });
    const row = await app.strapi.db
      .query('plugin::core.geocoding-cache')
      .findOne({ where: { addressKey: '5 rue des tilleuls 59800 lille' } });
    expect(row).toBeNull();
  });
});

describe('a centre’s coordinates', () => {
  let centreId: string;

  it('are filled from the address when staff create a centre; coordinates sent by a client are ignored', async () => {
    const response = await app.http().post(CENTRES).set(as(superAdmin)).send({
      name: 'Centre social des Écoles',
      slug: 'ecoles',
      street: '12 rue des Écoles',
      postalCode: '59000',
      city: 'Lille',
      latitude: 1,
      longitude: 1,
    });
    expect(response.status).toBe(201);
    centreId = response.body.data.documentId;
    expect(await centreRow(centreId)).toMatchObject({ latitude: 50.6311, longitude: 3.0586 });
  });

  it('are not looked up again when the address does not change', async () => {
    const calls = ban.calls.length;
    const response = await app
      .http()
      .put(`${CENTRES}/${centreId}`)
      .set(as(superAdmin))
      .send({ phone: '03 20 11 22 33' });
    expect(response.status).toBe(200);
    expect(ban.calls.length).toBe(calls);
    expect(await centreRow(centreId)).toMatchObject({ latitude: 50.6311, longitude: 3.0586 });
  });

  it.each([
    ['down', '8 rue en panne'],
    ['too slow', '8 rue lente'],
  ])('do not block the save when the API is %s: the centre is saved without them', async (_label, street) => {
    const response = await app.http().put(`${CENTRES}/${centreId}`).set(as(superAdmin)).send({ street });
    expect(response.status).toBe(200);
    const row = (await app.strapi.db.query('plugin::core.centre').findOne({ where: { documentId: centreId } })) as {
      street: string;
      latitude: number | null;
    };
    expect(row.street).toBe(street);
    expect(row.latitude).toBeNull();
  });

  it('are filled later by the housekeeping once the API answers again', async () => {
    ban.setDown(true);
    const response = await app
      .http()
      .put(`${CENTRES}/${centreId}`)
      .set(as(superAdmin))
      .send({ street: '3 rue des Tilleuls', postalCode: '59800' });
    expect(response.status).toBe(200);
    expect(await centreRow(centreId)).toMatchObject({ latitude: null, longitude: null });
    ban.setDown(false);
    expect(await app.strapi.plugin('core').service('centreCoordinates').refresh({ onlyMissing: true })).toBe(1);
    expect(await centreRow(centreId)).toMatchObject({ latitude: 50.64, longitude: 3.07 });
  });

  it('never write an address to the logs', () => {
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).not.toMatch(/panne|lente|tilleuls|écoles|ecoles|59800|59000/i);
  });
});

describe('positions set by hand', () => {
  const admin = () => app.http();
  let overrideId: string;

  it('win over the BAN and the memory, and move the centres at that address at once', async () => {
    const centre = await app.http().post(CENTRES).set(as(superAdmin)).send({
      name: 'Centre social des Oliviers',
      slug: 'oliviers',
      street: '12 rue des Écoles',
      postalCode: '59000',
      city: 'Lille',
    });
    expect(await centreRow(centre.body.data.documentId)).toMatchObject({ latitude: 50.6311 });

    const response = await admin().put('/core/geocoding/overrides').set(as(superAdmin)).send({
      address: '12 Rue des Ecoles 59000 LILLE',
      latitude: '50,6325',
      longitude: '3,0611',
      note: 'Entrée côté parc',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      address: '12 Rue des Ecoles 59000 LILLE',
      latitude: 50.6325,
      longitude: 3.0611,
    });
    overrideId = response.body.id;

    expect(await centreRow(centre.body.data.documentId)).toMatchObject({ latitude: 50.6325, longitude: 3.0611 });
    const calls = ban.calls.length;
    expect(await geocode(ECOLES, { refresh: true })).toMatchObject({
      status: 'found',
      source: 'override',
      latitude: 50.6325,
    });
    expect(ban.calls.length).toBe(calls);
  });

  it('are listed, and shown with the remembered answer when staff look an address up', async () => {
    const list = await admin().get('/core/geocoding/overrides').set(as(superAdmin)).expect(200);
    expect(list.body.results).toEqual([expect.objectContaining({ id: overrideId, note: 'Entrée côté parc' })]);
    const lookup = await admin()
      .post('/core/geocoding/lookup')
      .set(as(superAdmin))
      .send({ address: ECOLES })
      .expect(200);
    expect(lookup.body).toMatchObject({
      key: '12 rue des ecoles 59000 lille',
      outcome: { status: 'found', source: 'override', latitude: 50.6325 },
      override: { id: overrideId },
      cached: { found: true, latitude: 50.6311, label: '12 Rue des Écoles 59000 Lille' },
    });
  });

  it('still apply when geocoding is turned off', async () => {
    const config = app.strapi.config.get('plugin::core.geocoding') as object;
    app.strapi.config.set('plugin::core.geocoding', { ...config, enabled: false });
    try {
      expect(await geocode(ECOLES)).toMatchObject({ status: 'found', source: 'override' });
      expect(await geocode('3 rue des Tilleuls 59800 Lille')).toMatchObject({ status: 'disabled' });
    } finally {
      app.strapi.config.set('plugin::core.geocoding', config);
    }
  });

  it('are recorded in the audit log without the address', async () => {
    const rows = await app.strapi.db
      .query('plugin::core.audit-entry')
      .findMany({ where: { action: 'geocoding.override.set' } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toMatch(/coles/i);
  });

  it('once cleared, give the centres back the BAN’s position', async () => {
    await admin().delete(`/core/geocoding/overrides/${overrideId}`).set(as(superAdmin)).expect(200);
    const centre = (await app.strapi.db
      .query('plugin::core.centre')
      .findOne({ where: { slug: 'oliviers' }, select: ['latitude', 'longitude'] })) as { latitude: number };
    expect(centre).toMatchObject({ latitude: 50.6311, longitude: 3.0586 });
    expect(await geocode(ECOLES)).toMatchObject({ source: 'cache' });
    await admin().delete(`/core/geocoding/overrides/${overrideId}`).set(as(superAdmin)).expect(404);
  });

  it.each([
    ['Réunion', -21.1151, 55.5364],
    ['Guyane', 4.9372, -52.326],
    ['Corse', 41.9192, 8.7386],
  ])('accept a position overseas or in Corsica (%s)', async (_label, latitude, longitude) => {
    const response = await admin()
      .put('/core/geocoding/overrides')
      .set(as(superAdmin))
      .send({ address: `Centre ${_label}`, latitude, longitude });
    expect(response.status).toBe(200);
  });

  it.each([
    [{ address: ECOLES, latitude: 200, longitude: 3 }, 'latitude', 'La latitude est comprise entre -90 et 90.'],
    [
      { address: ECOLES, latitude: 50, longitude: 'est' },
      'longitude',
      'La longitude est un nombre, par exemple 2,3522.',
    ],
    [
      { address: ECOLES, latitude: 2.35, longitude: 48.85 },
      'latitude',
      'Cette position est hors de France (métropole et outre-mer) : vérifiez les nombres, sans inverser latitude et longitude.',
    ],
    [{ latitude: 50, longitude: 3 }, 'address', 'L’adresse est obligatoire.'],
    [
      { address: '!!', latitude: 50, longitude: 3 },
      'address',
      'L’adresse compte 3 à 200 caractères et commence par une lettre ou un chiffre.',
    ],
    [{ address: ECOLES, latitude: 50, longitude: 3, centre: 1 }, '', 'Champ inconnu : centre.'],
  ])('refuses %j with a French message on the field', async (body, field, message) => {
    const response = await admin().put('/core/geocoding/overrides').set(as(superAdmin)).send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: field ? [field] : [], message }),
    ]);
  });

  it('are reserved to staff with the geocoding permission', async () => {
    expect((await admin().get('/core/geocoding/overrides').set(as(editor))).status).toBe(403);
    expect((await admin().post('/core/geocoding/lookup').set(as(editor)).send({ address: ECOLES })).status).toBe(403);
    expect((await admin().get('/core/geocoding/overrides')).status).toBe(401);
  });
});
