import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../../tests/harness/admin';

const CENTRES = '/content-manager/collection-types/plugin::core.centre';
const STAFF_ROLE = 'Équipe du centre';

let app: TestApp;
const centre: Record<'A' | 'B', { id: number; documentId: string }> = {} as never;
const staff: Record<'superAdmin' | 'staffA' | 'staffAB' | 'staffNone', StaffAccount> = {} as never;

async function addStaff(centreKey: 'A' | 'B', account: StaffAccount) {
  const current = await app.strapi.db
    .query('plugin::core.centre')
    .findOne({ where: { id: centre[centreKey].id }, populate: ['staff'] });
  const ids = [...current.staff.map((user: { id: number }) => user.id), account.id];
  await app.strapi.db
    .query('plugin::core.centre')
    .update({ where: { id: centre[centreKey].id }, data: { staff: ids } });
}

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });

async function namesSeenBy(account: StaffAccount) {
  const response = await app.http().get(CENTRES).set(as(account));
  return {
    status: response.status,
    names: (response.body.results ?? []).map((c: { name: string }) => c.name).sort(),
    total: response.body.pagination?.total,
  };
}

beforeAll(async () => {
  app = await startTestApp();
  for (const [key, name, slug] of [
    ['A', 'Centre social des Oliviers', 'oliviers'],
    ['B', 'Centre social des Tilleuls', 'tilleuls'],
  ] as const) {
    const created = await app.strapi.documents('plugin::core.centre').create({ data: { name, slug } });
    centre[key] = { id: created.id as number, documentId: created.documentId };
  }
  staff.superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
  staff.staffA = await createStaff(app, 'accueil@oliviers.fr', [STAFF_ROLE]);
  staff.staffAB = await createStaff(app, 'coordination@deux-centres.fr', [STAFF_ROLE]);
  staff.staffNone = await createStaff(app, 'nouveau@centre.fr', [STAFF_ROLE]);
  await addStaff('A', staff.staffA);
  await addStaff('A', staff.staffAB);
  await addStaff('B', staff.staffAB);
});

afterAll(async () => {
  await app?.stop();
});

describe('who sees which centre in the content manager', () => {
  it.each([
    ['superAdmin', ['Centre social des Oliviers', 'Centre social des Tilleuls']],
    ['staffA', ['Centre social des Oliviers']],
    ['staffAB', ['Centre social des Oliviers', 'Centre social des Tilleuls']],
  ] as const)('%s lists and counts only its centres', async (who, expected) => {
    const seen = await namesSeenBy(staff[who]);
    expect(seen.status).toBe(200);
    expect(seen.names).toEqual(expected);
    expect(seen.total).toBe(expected.length);
  });

  it('a team member without a centre sees none', async () => {
    const seen = await namesSeenBy(staff.staffNone);
    expect(seen.names).toEqual([]);
    expect(seen.status).toBe(403);
  });

  it.each([
    ['superAdmin', 'B', 200],
    ['staffA', 'A', 200],
    ['staffA', 'B', 403],
    ['staffAB', 'B', 200],
    ['staffNone', 'A', 403],
  ] as const)('%s opening centre %s gets %i', async (who, key, status) => {
    const response = await app.http().get(`${CENTRES}/${centre[key].documentId}`).set(as(staff[who]));
    expect(response.status).toBe(status);
    if (status === 200) expect(response.body.data.documentId).toBe(centre[key].documentId);
    else expect(response.body.data?.name).toBeUndefined();
  });
});

describe('who changes which centre', () => {
  it.each([
    ['staffA', 'A', 200],
    ['staffA', 'B', 403],
    ['staffAB', 'B', 200],
    ['staffNone', 'A', 403],
    ['superAdmin', 'B', 200],
  ] as const)('%s updating the opening hours of centre %s gets %i', async (who, key, status) => {
    const hours = `Mo-Fr 09:00-1${Object.keys(staff).indexOf(who)}:00`;
    const before = await app.strapi.documents('plugin::core.centre').findOne({ documentId: centre[key].documentId });
    const response = await app
      .http()
      .put(`${CENTRES}/${centre[key].documentId}`)
      .set(as(staff[who]))
      .send({ openingHours: hours });
    expect(response.status).toBe(status);
    const after = await app.strapi.documents('plugin::core.centre').findOne({ documentId: centre[key].documentId });
    expect(after?.openingHours).toBe(status === 200 ? hours : before?.openingHours);
  });

  it('a team member cannot add themselves to another centre', async () => {
    await app
      .http()
      .put(`${CENTRES}/${centre.A.documentId}`)
      .set(as(staff.staffA))
      .send({ staff: { connect: [{ id: staff.staffNone.id }] }, name: 'Renommé' });
    const after = await app.strapi.db
      .query('plugin::core.centre')
      .findOne({ where: { id: centre.A.id }, populate: ['staff'] });
    expect(after.staff.map((user: { id: number }) => user.id).sort()).toEqual(
      [staff.staffA.id, staff.staffAB.id].sort(),
    );
    expect(after.name).toBe('Centre social des Oliviers');
  });

  it.each(['staffA', 'staffAB'] as const)('%s can neither create nor delete a centre', async (who) => {
    const created = await app.http().post(CENTRES).set(as(staff[who])).send({ name: 'Centre pirate', slug: 'pirate' });
    expect(created.status).toBe(403);
    const deleted = await app.http().delete(`${CENTRES}/${centre.A.documentId}`).set(as(staff[who]));
    expect(deleted.status).toBe(403);
    expect(await app.strapi.documents('plugin::core.centre').count({})).toBe(2);
  });
});

describe('the team role after an upgrade', () => {
  it('gains a field a later version adds, and keeps away one an administrator removed', async () => {
    const CENTRE_UID = 'plugin::core.centre';
    const role = await app.strapi.db.query('admin::role').findOne({ where: { name: STAFF_ROLE } });
    const read = await app.strapi.db.query('admin::permission').findOne({
      where: { role: role.id, subject: CENTRE_UID, action: 'plugin::content-manager.explorer.read' },
    });
    const seen = async () =>
      (await app.http().get(`${CENTRES}/${centre.A.documentId}`).set(as(staff.staffA)).expect(200)).body.data;
    expect(Object.keys(await seen())).toEqual(expect.arrayContaining(['phone', 'website']));

    // As left by an earlier version without `website`, in a role an administrator saved
    // without `phone`.
    const store = app.strapi.store({ type: 'plugin', name: 'core', key: 'staff-role-fields' });
    const known = (await store.get({})) as Record<string, string[]>;
    await store.set({
      value: { ...known, [CENTRE_UID]: known[CENTRE_UID].filter((field) => field !== 'website') },
    });
    const saved = (read.properties.fields as string[]).filter((field) => !['website', 'phone'].includes(field));
    await app.strapi.db
      .query('admin::permission')
      .update({ where: { id: read.id }, data: { properties: { fields: saved } } });
    expect(Object.keys(await seen())).not.toContain('website');

    await app.strapi.plugin('core').service('staffRole').ensure();

    const data = await seen();
    expect(Object.keys(data)).toContain('website');
    expect(Object.keys(data)).not.toContain('phone');
  });
});

describe('the team role of an install upgraded from before fields were recorded', () => {
  it('gains the age fields of services and events', async () => {
    const SERVICE_UID = 'plugin::core.service';
    const role = await app.strapi.db.query('admin::role').findOne({ where: { name: STAFF_ROLE } });
    const where = { role: role.id, subject: SERVICE_UID, action: 'plugin::content-manager.explorer.update' };
    const update = await app.strapi.db.query('admin::permission').findOne({ where });
    expect(update.properties.fields).toEqual(expect.arrayContaining(['age_min', 'age_max']));

    // As an earlier version left it: no record of fields, a list written before ages existed.
    await app.strapi.store({ type: 'plugin', name: 'core', key: 'staff-role-fields' }).delete({});
    const before = (update.properties.fields as string[]).filter((field) => !field.startsWith('age_'));
    await app.strapi.db
      .query('admin::permission')
      .update({ where: { id: update.id }, data: { properties: { fields: before } } });

    await app.strapi.plugin('core').service('staffRole').ensure();

    const after = await app.strapi.db.query('admin::permission').findOne({ where });
    expect(after.properties.fields).toEqual(expect.arrayContaining([...before, 'age_min', 'age_max']));
  });
});

describe('the centre form in the content manager', () => {
  it('labels every field in French', async () => {
    const { body } = await app
      .http()
      .get('/content-manager/content-types/plugin::core.centre/configuration')
      .set(as(staff.superAdmin))
      .expect(200);
    const metadatas = body.data.contentType.metadatas as Record<string, { edit: { label: string } }>;
    expect(metadatas.name.edit.label).toBe('Nom du centre');
    expect(metadatas.openingHours.edit.label).toBe('Horaires d’ouverture');
    const untranslated = Object.entries(metadatas)
      .filter(
        ([field, meta]) =>
          ![
            'id',
            'documentId',
            'createdAt',
            'updatedAt',
            'createdBy',
            'updatedBy',
            'publishedAt',
            'locale',
            'localizations',
          ].includes(field) && meta.edit?.label === field,
      )
      .map(([field]) => field);
    expect(untranslated).toEqual([]);
  });
});

describe('centre fields are checked whoever writes them', () => {
  it('refuses vague opening hours with the parser’s French hint', async () => {
    const response = await app
      .http()
      .put(`${CENTRES}/${centre.A.documentId}`)
      .set(as(staff.staffA))
      .send({ openingHours: 'lundi' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['openingHours'], message: expect.stringContaining('Horaires à préciser') }),
    ]);
  });

  it('accepts hours with public holidays and a lunch break', async () => {
    const hours = 'Mo-Fr 09:00-12:00,13:30-18:00; Sa 09:00-12:00; PH off';
    await app
      .http()
      .put(`${CENTRES}/${centre.A.documentId}`)
      .set(as(staff.staffA))
      .send({ openingHours: hours })
      .expect(200);
  });

  it('refuses unreadable opening hours and a bad sender name with French messages, and keeps the record', async () => {
    const response = await app
      .http()
      .put(`${CENTRES}/${centre.B.documentId}`)
      .set(as(staff.superAdmin))
      .send({ openingHours: 'du lundi au vendredi', smsSenderName: '0612345678', primaryColour: 'bleu' });
    expect(response.status).toBe(400);
    const messages = response.body.error.details.errors.map((error: { path: string[]; message: string }) => [
      error.path.join('.'),
      error.message,
    ]);
    expect(messages).toEqual(
      expect.arrayContaining([
        ['openingHours', expect.stringContaining('syntaxe OpenStreetMap')],
        ['smsSenderName', 'Le nom d’expéditeur contient au moins une lettre.'],
        ['primaryColour', expect.stringContaining('#RRVVBB')],
      ]),
    );
    const after = await app.strapi.documents('plugin::core.centre').findOne({ documentId: centre.B.documentId });
    expect(after?.openingHours).not.toBe('du lundi au vendredi');
  });
});
