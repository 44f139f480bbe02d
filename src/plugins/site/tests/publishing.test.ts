import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CENTRE_UID, EVENT_UID } from '@csc/plugin-core/shared';
import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { ACTIVITY_UID } from '../shared';

let app: TestApp;
let sitesDir: string;
let admin: StaffAccount;
let centreId: number;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 150_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const page = (url: string) =>
  fetch(`${app.baseUrl}${url}`).then(async (response) => ({ status: response.status, text: await response.text() }));

async function buildState() {
  const { body } = await app.http().get('/site/builds').set('Authorization', `Bearer ${admin.token}`).expect(200);
  return body.data.find((site: { centre: { id: number } }) => site.centre.id === centreId);
}

beforeAll(async () => {
  sitesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-sites-'));
  app = await startTestApp({
    SITES_DIR: sitesDir,
    SITES_AUTO_REBUILD: 'true',
    SITES_REBUILD_DELAY_SECONDS: '1',
    OUTBOX_POLL_INTERVAL_MS: '200',
  });
  admin = await createStaff(app, 'direction@tilleuls.example', ['super-admin']);
  const centre = await app.strapi.documents(CENTRE_UID).create({
    data: { name: 'Centre des Tilleuls', slug: 'tilleuls', city: 'Lyon' },
  } as never);
  centreId = (centre as { id: number }).id;
});

afterAll(async () => {
  await app?.stop();
  fs.rmSync(sitesDir, { recursive: true, force: true });
});

describe('the centre website follows what staff publish', () => {
  it('publishes a new activity on the live site by itself', async () => {
    await app.strapi.documents(ACTIVITY_UID).create({
      data: { title: 'Atelier couture', slug: 'atelier-couture', audience: 'adultes', centre: centreId },
      status: 'published',
    } as never);
    const live = await until('the activity page', async () => {
      const answer = await page('/sites/tilleuls/activites/atelier-couture/');
      return answer.status === 200 ? answer.text : undefined;
    });
    expect(live).toContain('Atelier couture');
    const state = await buildState();
    expect(state).toMatchObject({ state: 'ok', path: '/sites/tilleuls/', error: null });
    expect(Date.parse(state.lastGoodAt)).not.toBeNaN();
  });

  it('takes an unpublished activity off the site', async () => {
    const [activity] = await app.strapi
      .documents(ACTIVITY_UID)
      .findMany({ filters: { slug: 'atelier-couture' } } as never);
    await app.strapi
      .documents(ACTIVITY_UID)
      .unpublish({ documentId: (activity as { documentId: string }).documentId } as never);
    await until('the page to go', async () =>
      (await page('/sites/tilleuls/activites/atelier-couture/')).status === 404 ? true : undefined,
    );
    const home = await page('/sites/tilleuls/');
    expect(home.status).toBe(200);
    expect(home.text).not.toContain('Atelier couture');
  });

  it('puts a published agenda event on the site, and takes it off when unpublished', async () => {
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
    const event = (await app.strapi.documents(EVENT_UID).create({
      data: { titre: 'Bal des voisins', date_debut: inThreeDays.toISOString(), centre: centreId },
      status: 'published',
    } as never)) as unknown as { documentId: string };
    const agenda = await until('the event on the agenda', async () => {
      const answer = await page('/sites/tilleuls/agenda/');
      return answer.status === 200 && answer.text.includes('Bal des voisins') ? answer.text : undefined;
    });
    const eventPath = /href="\/sites\/tilleuls\/(agenda\/[^"]+\/)"/.exec(agenda)?.[1];
    expect(eventPath).toMatch(/^agenda\/bal-des-voisins-/);
    expect((await page(`/sites/tilleuls/${eventPath}`)).text).toContain('Bal des voisins');
    expect((await page('/sites/tilleuls/')).text).toContain('Bal des voisins');

    await app.strapi.documents(EVENT_UID).unpublish({ documentId: event.documentId } as never);
    await until('the event to leave the agenda', async () => {
      const answer = await page('/sites/tilleuls/agenda/');
      return answer.status === 200 && !answer.text.includes('Bal des voisins') ? true : undefined;
    });
    expect((await page(`/sites/tilleuls/${eventPath}`)).status).toBe(404);
    expect((await page('/sites/tilleuls/agenda/')).text).toContain('Aucun événement à venir pour le moment.');
  });

  it('drops an event that has passed at the nightly rebuild', async () => {
    const event = (await app.strapi.documents(EVENT_UID).create({
      data: {
        titre: 'Vide-grenier',
        date_debut: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        centre: centreId,
      },
      status: 'published',
    } as never)) as unknown as { documentId: string };
    await until('the event on the agenda', async () =>
      (await page('/sites/tilleuls/agenda/')).text.includes('Vide-grenier') ? true : undefined,
    );
    // Time passes: the day of the event is behind us, and nothing was published since.
    await app.strapi.db
      .query(EVENT_UID)
      .updateMany({ where: { documentId: event.documentId }, data: { date_debut: new Date(Date.now() - 86_400_000) } });
    await app.strapi.plugin('site').service('builds').rebuildEveryCentre();
    await until('the past event to leave the agenda', async () =>
      (await page('/sites/tilleuls/agenda/')).text.includes('Vide-grenier') ? undefined : true,
    );
    expect((await page('/sites/tilleuls/')).text).not.toContain('Vide-grenier');
  });

  it('keeps the previous site online and tells staff when a build fails', async () => {
    const before = await buildState();
    // Content the site cannot read (an audience it does not know) makes the build stop.
    await app.strapi.documents(ACTIVITY_UID).create({
      data: { title: 'Sortie au parc', slug: 'sortie-au-parc', audience: 'tous', centre: centreId },
      status: 'published',
    } as never);
    await app.strapi.db
      .query(ACTIVITY_UID)
      .updateMany({ where: { slug: 'sortie-au-parc' }, data: { audience: 'martiens' } });
    await app.http().post(`/site/builds/${centreId}`).set('Authorization', `Bearer ${admin.token}`).expect(202);
    const failed = await until('the failure to show', async () => {
      const state = await buildState();
      return state.state === 'failed' ? state : undefined;
    });
    expect(failed.error).toContain('audience');
    expect(failed.lastGoodAt).toBe(before.lastGoodAt);
    expect((await page('/sites/tilleuls/')).status).toBe(200);
  });

  it('serves nothing outside a site folder', async () => {
    for (const url of [
      '/sites/tilleuls/%2e%2e/%2e%2e/package.json',
      '/sites/tilleuls/..%2f..%2fpackage.json',
      '/sites/tilleuls/%E0%A4%A',
    ]) {
      const answer = await page(url);
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain('centres-sociaux-connectes');
    }
  });

  it('asks staff with the right permission only', async () => {
    await app.http().get('/site/builds').expect(401);
    await app.http().post(`/site/builds/${centreId}`).expect(401);
    await app.http().post('/site/builds/abc').set('Authorization', `Bearer ${admin.token}`).expect(400);
    await app.http().post('/site/builds/99999').set('Authorization', `Bearer ${admin.token}`).expect(404);
  });
});
