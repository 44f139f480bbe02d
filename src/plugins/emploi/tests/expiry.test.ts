import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { FAST_OUTBOX_ENV } from '../../core/tests/sms/fake-ovh/app';
import { waitFor } from '../../core/tests/outbox/helpers';
import { EMPLOYER_UID, OFFER_UID } from '../shared/permissions';
import type { OffersResponse, PublicOffer } from '../shared/contracts/offers';
import type { ClockService } from '../server/src/services/clock';
import { addDays } from './helpers';
import { MEMBERS_API, memberRequest, sessionOf } from './member-helpers';
import { DEMO_CANDIDATE, DEMO_EMPLOYER_ACCOUNT } from '../server/src/services/demo';

/**
 * Offers close by themselves: a daily outbox job closes those past their last day and tells
 * whoever posted them once, about a week before and at closing. The plugin's clock is moved;
 * the real database, outbox worker and mail capture run.
 */

const CAPTURED = 'plugin::core.captured-email';
const API = '/api/emploi';
const DAY = 86_400_000;

let app: TestApp;
let start: Date;
let current: Date;
let today: string;
let sequence = 0;

const offerIds: Record<string, string> = {};

const jobs = () => app.strapi.db.connection('core_jobs');

/** Runs the daily job through the outbox, as its schedule does, and waits for the notices it planned. */
async function runExpiry(): Promise<void> {
  const key = `test:emploi-expiry:${(sequence += 1)}`;
  await app.strapi.plugin('core').service('outbox').enqueue('emploi.expiry', {}, { idempotencyKey: key });
  await waitFor(async () => {
    const busy = await jobs()
      .where('name', 'like', 'emploi.%')
      .whereIn('status', ['pending', 'running', 'retrying'])
      .count({ count: '*' })
      .first();
    return Number(busy?.count ?? 0) === 0;
  }, 'expiry job and its notices');
  const dead = await jobs().where('name', 'like', 'emploi.%').andWhere({ status: 'dead' }).select('name', 'last_error');
  expect(dead).toEqual([]);
}

const mails = async (to: string) =>
  (
    (await app.strapi.db.query(CAPTURED).findMany({ where: { to }, orderBy: { id: 'asc' } })) as {
      subject: string;
      text: string;
    }[]
  ).map((mail) => mail.subject);

const listed = async () =>
  ((await app.http().get(`${API}/offers?pageSize=50`).expect(200)).body as OffersResponse).data
    .map((offer) => offer.title)
    .sort();

const offer = async (name: string) =>
  ((await app.http().get(`${API}/offers/${offerIds[name]}`).expect(200)).body as { data: PublicOffer }).data;

async function publish(
  name: string,
  validIn: number,
  posterEmail: string | null,
  status: 'published' | 'draft' = 'published',
) {
  const created = await app.strapi.documents(OFFER_UID).create({
    data: {
      title: name,
      employerName: 'Boulangerie du Marché',
      contract: 'cdd',
      commune: 'Roubaix',
      description: 'Accueillir les clients, servir le pain et tenir la caisse.',
      applyMethod: 'email',
      applyEmail: 'embauche@boulangerie.example',
      validUntil: addDays(today, validIn),
      ...(posterEmail ? { posterEmail } : {}),
    } as never,
    status,
  });
  offerIds[name] = created.documentId;
}

const moveTo = (days: number) => {
  current = new Date(start.getTime() + days * DAY);
};

beforeAll(async () => {
  // A centre's own limits, from its environment.
  app = await startTestApp({
    EMAIL_MODE: 'capture',
    EMPLOI_OFFER_DEFAULT_DAYS: '21',
    EMPLOI_OFFER_MAX_DAYS: '45',
    ...FAST_OUTBOX_ENV,
  });
  start = new Date();
  current = start;
  const clock = app.strapi.plugin('emploi').service('clock') as ClockService;
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(current));
  today = (app.strapi.plugin('emploi').service('offers') as { today(): string }).today();
  await app.strapi
    .documents('plugin::core.centre')
    .create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } });
  await publish('Vendeur', 3, 'vendeur@boulangerie.example');
  await publish('Boulanger', 20, 'boulanger@boulangerie.example');
  await publish('Livreur', 5, null);
  await publish('Pâtissier', 2, 'patissier@boulangerie.example', 'draft');
});

afterAll(async () => {
  jest.restoreAllMocks();
  await app?.stop();
});

describe('offer expiry', () => {
  it('follows the install’s default and maximum last day', async () => {
    const offers = app.strapi.documents(OFFER_UID);
    const base = {
      title: 'Caissier',
      employerName: 'Supérette du quartier',
      contract: 'cdd',
      commune: 'Roubaix',
      description: 'Tenir la caisse et ranger les rayons le samedi.',
      applyMethod: 'reception',
    };
    const created = await offers.create({ data: base as never });
    expect(String(created.validUntil)).toBe(addDays(today, 21));
    await expect(offers.create({ data: { ...base, validUntil: addDays(today, 46) } as never })).rejects.toThrow(
      `Une offre reste en ligne 45 jours au plus : choisissez le ${addDays(today, 45)} ou avant.`,
    );
    await offers.delete({ documentId: created.documentId });
  });

  it('is planned every day through the outbox', async () => {
    // Each instance enqueues the day's slot at start; the slot's key makes it run once.
    const slot = await waitFor(
      () => jobs().where('idempotency_key', 'like', 'schedule:emploi.expiry:%').first(),
      'the daily slot of emploi.expiry',
    );
    expect(slot.name).toBe('emploi.expiry');
  });

  it('tells the poster once, about a week before the last day', async () => {
    await runExpiry();
    expect(await mails('vendeur@boulangerie.example')).toEqual(['Votre offre « Vendeur » se termine bientôt']);
    // Too far off, no address, or not online: nobody is told.
    expect(await mails('boulanger@boulangerie.example')).toEqual([]);
    expect(await mails('patissier@boulangerie.example')).toEqual([]);
    await runExpiry();
    expect(await mails('vendeur@boulangerie.example')).toHaveLength(1);
  });

  it('leaves an offer out of the list from the day after its last day, even before the job runs', async () => {
    moveTo(4);
    expect(await listed()).toEqual(['Boulanger', 'Livreur']);
    expect((await offer('Vendeur')).status).toBe('closed');
  });

  it('closes expired offers and tells the poster once', async () => {
    await runExpiry();
    const rows = (await app.strapi.db.query(OFFER_UID).findMany({
      where: { documentId: offerIds.Vendeur },
      select: ['state', 'closedAt', 'publishedAt'],
    })) as { state: string; closedAt: string | null }[];
    // Draft and published versions alike, so that publishing the draft later does not revive it.
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.state === 'closed' && row.closedAt)).toBe(true);
    expect(await mails('vendeur@boulangerie.example')).toEqual([
      'Votre offre « Vendeur » se termine bientôt',
      'Votre offre « Vendeur » est close',
    ]);
    const [closing] = (await app.strapi.db.query(CAPTURED).findMany({
      where: { to: 'vendeur@boulangerie.example', subject: { $contains: 'est close' } },
    })) as { text: string }[];
    expect(closing.text).toContain('sa page indique qu’elle est close');
    // A pending offer past its day is closed too, silently: it was never online.
    const draft = await app.strapi.db.query(OFFER_UID).findOne({ where: { documentId: offerIds['Pâtissier'] } });
    expect(draft.state).toBe('closed');
    expect(await mails('patissier@boulangerie.example')).toEqual([]);

    await runExpiry();
    expect(await mails('vendeur@boulangerie.example')).toHaveLength(2);
    expect(await listed()).toEqual(['Boulanger', 'Livreur']);
    // Its page says it is closed, and no longer tells how to apply.
    expect(await offer('Vendeur')).toMatchObject({
      status: 'closed',
      validUntil: addDays(today, 3),
      apply: { method: 'email', email: null, url: null },
    });
    expect((await offer('Boulanger')).apply.email).toBe('embauche@boulangerie.example');
  });

  it('warns the next poster when their offer comes within the week', async () => {
    moveTo(14);
    await runExpiry();
    expect(await mails('boulanger@boulangerie.example')).toEqual(['Votre offre « Boulanger » se termine bientôt']);
    moveTo(21);
    await runExpiry();
    expect(await mails('boulanger@boulangerie.example')).toEqual([
      'Votre offre « Boulanger » se termine bientôt',
      'Votre offre « Boulanger » est close',
    ]);
    expect(await listed()).toEqual([]);
  });
});

describe('demo data', () => {
  it('seeds invented employers and offers, some closing soon, once', async () => {
    moveTo(0);
    await app.strapi.db.query(OFFER_UID).deleteMany({});
    const demo = app.strapi.plugin('emploi').service('demo') as { seed(): Promise<void> };
    await demo.seed();
    await demo.seed();
    const employers = (await app.strapi.db.query(EMPLOYER_UID).findMany({ select: ['name', 'validated'] })) as {
      validated: boolean;
    }[];
    expect(employers).toHaveLength(3);
    expect(employers.filter((employer) => !employer.validated)).toHaveLength(1);
    const { data } = (await app.http().get(`${API}/offers`).expect(200)).body as OffersResponse;
    expect(data).toHaveLength(4);
    expect(data.filter((item) => item.validUntil <= addDays(today, 7)).length).toBeGreaterThanOrEqual(2);
    expect(new Set(data.map((item) => item.contract))).toEqual(new Set(['cdi', 'cddi', 'alternance', 'pec']));

    // The employment view of the shared directory and agenda has something to show.
    const actors = (await app.http().get(`${API}/actors?pageSize=50`).expect(200)).body.data as { nom: string }[];
    const names = actors.map((actor) => actor.nom).join(' | ');
    for (const network of ['France Travail', 'Mission Locale', 'PLIE', 'entreprise d’insertion', 'Couveuse'])
      expect(names).toContain(network);
    expect(actors.length).toBe(6);
    const events = (await app.http().get(`${API}/events?pageSize=50`).expect(200)).body.data as { titre: string }[];
    expect(events.map((event) => event.titre)).toEqual(
      expect.arrayContaining([
        'Job dating de la propreté et des espaces verts',
        'Forum de l’emploi et de la formation',
      ]),
    );
  });

  it('seeds a candidate with her profile and a validated employer’s account, once, who can log in', async () => {
    const demo = app.strapi.plugin('emploi').service('demo') as { seed(): Promise<void> };
    await demo.seed();
    const users = app.strapi.db.query('plugin::users-permissions.user');
    expect(await users.count({ where: { email: DEMO_CANDIDATE.email } })).toBe(1);
    expect(await users.count({ where: { email: DEMO_EMPLOYER_ACCOUNT.email } })).toBe(1);
    const logIn = async (email: string, password: string) =>
      sessionOf(await app.http().post(`${MEMBERS_API}/session`).send({ email, password }).expect(200));
    const candidate = await logIn(DEMO_CANDIDATE.email, DEMO_CANDIDATE.password);
    const employer = await logIn(DEMO_EMPLOYER_ACCOUNT.email, DEMO_EMPLOYER_ACCOUNT.password);
    const as = memberRequest(app);
    const me = (await as(candidate, 'get', '/me').expect(200)).body.data;
    expect(me.profile).toMatchObject({ firstName: 'Inès', desiredJobs: DEMO_CANDIDATE.desiredJobs });
    const seen = (await as(employer, 'get', '/candidates').expect(200)).body.data;
    expect(seen).toEqual([expect.objectContaining({ id: me.profile.id, name: 'Inès M.' })]);
  });
});
