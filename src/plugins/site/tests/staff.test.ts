import { CENTRE_UID } from '@csc/plugin-core/shared';
import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { ACTIONS, ACTIVITY_UID } from '../shared';

const STAFF_ROLE = 'Équipe du centre';
let app: TestApp;
let team: StaffAccount;
let tilleuls: number;

const role = () => app.strapi.db.query('admin::role').findOne({ where: { name: STAFF_ROLE } });
const permissionsOfRole = async () =>
  app.strapi.db.query('admin::permission').findMany({ where: { role: (await role()).id } });
const staffRole = () =>
  app.strapi.plugin('core').service('staffRole') as {
    ensure(): Promise<void>;
    grant(permissions: { action: string; subject: string | null; properties: object; conditions: string[] }[]): void;
  };

beforeAll(async () => {
  app = await startTestApp();
  const create = (name: string, slug: string) =>
    app.strapi.documents(CENTRE_UID).create({ data: { name, slug } } as never) as Promise<{ id: number }>;
  tilleuls = (await create('Centre des Tilleuls', 'tilleuls')).id;
  const port = (await create('Centre du Port', 'port')).id;
  team = await createStaff(app, 'accueil@tilleuls.example', [STAFF_ROLE]);
  await app.strapi.db.query(CENTRE_UID).update({ where: { id: tilleuls }, data: { staff: [team.id] } });
  for (const [title, slug, centre] of [
    ['Atelier couture', 'atelier-couture', tilleuls],
    ['Pêche au port', 'peche-au-port', port],
  ] as const) {
    await app.strapi.documents(ACTIVITY_UID).create({
      data: { title, slug, audience: 'tous', centre },
      status: 'published',
    } as never);
  }
});

afterAll(async () => {
  await app?.stop();
});

describe('a centre’s team and its website', () => {
  it('edits its own centre’s activities and never sees another centre’s', async () => {
    const { body } = await app
      .http()
      .get(`/content-manager/collection-types/${ACTIVITY_UID}`)
      .set('Authorization', `Bearer ${team.token}`)
      .expect(200);
    expect(body.results.map((entry: { title: string }) => entry.title)).toEqual(['Atelier couture']);
    expect(body.pagination.total).toBe(1);
    const kinds = (await permissionsOfRole())
      .filter((permission: { subject: string }) => permission.subject === ACTIVITY_UID)
      .map((permission: { action: string }) => permission.action.split('.').pop())
      .sort();
    expect(kinds).toEqual(['create', 'delete', 'publish', 'read', 'update']);
  });

  it('sees the state of its site and may rebuild it', async () => {
    const { body } = await app.http().get('/site/builds').set('Authorization', `Bearer ${team.token}`).expect(200);
    expect(body.data.map((site: { centre: { id: number } }) => site.centre.id)).toEqual([tilleuls]);
  });

  it('keeps what an administrator removed, and adds what a new version declares', async () => {
    const rebuild = (await permissionsOfRole()).find(
      (permission: { action: string }) => permission.action === ACTIONS.rebuild,
    );
    await app.strapi.db.query('admin::permission').delete({ where: { id: rebuild.id } });
    staffRole().grant([{ action: 'plugin::core.audit.read', subject: 'later', properties: {}, conditions: [] }]);
    await staffRole().ensure();
    const actions = (await permissionsOfRole()).map(
      (permission: { action: string; subject: string | null }) => `${permission.action}|${permission.subject ?? ''}`,
    );
    expect(actions).not.toContain(`${ACTIONS.rebuild}|`);
    expect(actions).toContain('plugin::core.audit.read|later');
  });
});
