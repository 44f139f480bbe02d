/**
 * The agenda's iCalendar feeds, read back by an independent parser (ical.js) the way a calendar
 * application reads them: Paris time through the feed's own VTIMEZONE, across both summer-time
 * changes, recurrences, all-day events and escaped text.
 */
import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

const API = '/api/core/directory';
const EVENT = 'plugin::core.event';

let app: TestApp;
const ids: Record<string, string> = {};

/* eslint-disable @typescript-eslint/no-explicit-any -- ical.js ships no CommonJS types */
type IcalEvent = any;
type IcalTime = any;

async function create(name: string, data: Record<string, unknown>) {
  const doc = (await app.strapi.documents(EVENT).create({ data, status: 'published' } as never)) as unknown as {
    documentId: string;
  };
  ids[name] = doc.documentId;
}

const TITRE = 'Café-débat : écrans, sommeil; et « vraies » questions\\réponses';
const DESCRIPTION =
  'Première ligne, avec une virgule.\nDeuxième ligne; avec un point-virgule.\n\nTroisième, après une ligne vide : ' +
  'un texte assez long pour que la ligne soit repliée à 75 octets, accents compris (é, è, ê, à, ç, œ) et un émoji 🎉 de quatre octets.';

beforeAll(async () => {
  app = await startTestApp();
  const centre = (
    await app.strapi
      .documents('plugin::core.centre')
      .create({ data: { name: 'Centre des Oliviers', slug: 'oliviers' } })
  ).id;
  const place = (await app.strapi.documents('plugin::core.place').create({
    data: {
      nom: 'Salle « Les Tilleuls », 1er étage',
      adresse: '3, rue Pasteur',
      code_postal: '59000',
      commune: 'Lille',
      centre,
    },
    status: 'published',
  } as never)) as unknown as { documentId: string };

  // Saturday 30 March 2030 22:00 (winter) to Sunday 31 March 10:00 (summer, clocks went forward at 02:00).
  await create('printemps', {
    titre: 'Nuit de la lecture',
    date_debut: '2030-03-30T21:00:00.000Z',
    date_fin: '2030-03-31T08:00:00.000Z',
    centre,
  });
  // Saturday 26 October 2030 20:00 (summer) to Sunday 27 October 09:00 (winter, clocks went back at 03:00).
  await create('automne', {
    titre: 'Veillée d’automne',
    date_debut: '2030-10-26T18:00:00.000Z',
    date_fin: '2030-10-27T08:00:00.000Z',
    centre,
  });
  // Wednesdays 18:30 Paris from 13 March 2030, four times: the last one is in summer time.
  await create('hebdo', {
    titre: 'Atelier du mercredi',
    date_debut: '2030-03-13T17:30:00.000Z',
    date_fin: '2030-03-13T19:00:00.000Z',
    recurrence: 'FREQ=WEEKLY;BYDAY=WE;COUNT=4',
    centre,
  });
  // Wednesdays 18:30 Paris until 30 October 2030 (a date): the last one is in winter time.
  await create('jusqua', {
    titre: 'Permanence d’octobre',
    date_debut: '2030-10-16T16:30:00.000Z',
    recurrence: 'FREQ=WEEKLY;UNTIL=20301030',
    centre,
  });
  // Saturday 15 and Sunday 16 June 2030, all day: midnight Paris of the first and last days.
  await create('brocante', {
    titre: 'Brocante du quartier',
    date_debut: '2030-06-14T22:00:00.000Z',
    date_fin: '2030-06-15T22:00:00.000Z',
    journee_entiere: true,
    centre,
  });
  // Sundays 24 March, 31 March and 7 April 2030, all day, across the spring change.
  await create('marche', {
    titre: 'Marché du dimanche',
    date_debut: '2030-03-23T23:00:00.000Z',
    journee_entiere: true,
    recurrence: 'FREQ=WEEKLY;UNTIL=20300407',
    centre,
  });
  await create('texte', {
    titre: TITRE,
    description: DESCRIPTION,
    date_debut: '2030-05-06T16:00:00.000Z',
    lieu: place.documentId,
    centre,
  });
});

afterAll(async () => {
  await app?.stop();
});

async function fetchCalendar(url: string) {
  const response = await app.http().get(url).buffer(true);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const calendar = new ICAL.Component(ICAL.parse(response.text));
  // ical.js carries no time-zone database: DTSTART;TZID=… resolves through the feed's VTIMEZONE only.
  const vtimezones = calendar.getAllSubcomponents('vtimezone');
  expect(vtimezones).toHaveLength(1);
  const zone = vtimezones[0];
  expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
  const events = new Map<string, IcalEvent>(
    calendar.getAllSubcomponents('vevent').map((vevent: unknown) => {
      const event = new ICAL.Event(vevent);
      return [String(event.uid).split('@')[0], event];
    }),
  );
  return { zone, events, text: response.text as string };
}

/** Local wall-clock time as the parser reads it, and the instant it stands for. */
const local = (time: IcalTime) => time.toString();
const utc = (time: IcalTime) => time.toJSDate().toISOString();

describe('the whole agenda, read by ical.js', () => {
  let feed: Awaited<ReturnType<typeof fetchCalendar>>;
  beforeAll(async () => {
    feed = await fetchCalendar(`${API}/events.ics`);
  });

  it('lists every published event once', () => {
    expect([...feed.events.keys()].sort()).toEqual(
      ['printemps', 'automne', 'hebdo', 'jusqua', 'brocante', 'marche', 'texte'].map((name) => ids[name]).sort(),
    );
  });

  it('gives Paris wall-clock times through the feed’s VTIMEZONE, across the spring change', () => {
    const event = feed.events.get(ids.printemps);
    expect(event.startDate.zone.component).toBe(feed.zone);
    expect(local(event.startDate)).toBe('2030-03-30T22:00:00');
    expect(local(event.endDate)).toBe('2030-03-31T10:00:00');
    expect(utc(event.startDate)).toBe('2030-03-30T21:00:00.000Z');
    expect(utc(event.endDate)).toBe('2030-03-31T08:00:00.000Z');
    expect(event.duration.toSeconds()).toBe(11 * 3600);
  });

  it('and across the autumn change', () => {
    const event = feed.events.get(ids.automne);
    expect(local(event.startDate)).toBe('2030-10-26T20:00:00');
    expect(local(event.endDate)).toBe('2030-10-27T09:00:00');
    expect(utc(event.startDate)).toBe('2030-10-26T18:00:00.000Z');
    expect(utc(event.endDate)).toBe('2030-10-27T08:00:00.000Z');
    expect(event.duration.toSeconds()).toBe(14 * 3600);
  });

  it('expands a weekly rule at the same local time after the spring change', () => {
    const event = feed.events.get(ids.hebdo);
    expect(event.isRecurring()).toBe(true);
    const iterator = event.iterator();
    const occurrences: IcalTime[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) occurrences.push(next);
    expect(occurrences.map(local)).toEqual([
      '2030-03-13T18:30:00',
      '2030-03-20T18:30:00',
      '2030-03-27T18:30:00',
      '2030-04-03T18:30:00',
    ]);
    expect(occurrences.map(utc)).toEqual([
      '2030-03-13T17:30:00.000Z',
      '2030-03-20T17:30:00.000Z',
      '2030-03-27T17:30:00.000Z',
      '2030-04-03T16:30:00.000Z',
    ]);
    const last = event.getOccurrenceDetails(occurrences[3]);
    expect(local(last.endDate)).toBe('2030-04-03T20:00:00');
  });

  it('keeps the last day of a rule ending on a date, after the autumn change', () => {
    const event = feed.events.get(ids.jusqua);
    const iterator = event.iterator();
    const occurrences: IcalTime[] = [];
    for (let next = iterator.next(); next && occurrences.length < 10; next = iterator.next()) occurrences.push(next);
    expect(occurrences.map(local)).toEqual(['2030-10-16T18:30:00', '2030-10-23T18:30:00', '2030-10-30T18:30:00']);
    expect(utc(occurrences[2])).toBe('2030-10-30T17:30:00.000Z');
  });

  it('reads all-day events as dates, the end the day after the last day', () => {
    const event = feed.events.get(ids.brocante);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2030-06-15');
    expect(event.endDate.toString()).toBe('2030-06-17');
    expect(event.duration.toString()).toBe('P2D');
  });

  it('expands a recurring all-day event as dates', () => {
    const event = feed.events.get(ids.marche);
    const iterator = event.iterator();
    const occurrences: IcalTime[] = [];
    for (let next = iterator.next(); next && occurrences.length < 10; next = iterator.next()) occurrences.push(next);
    expect(occurrences.map((time) => [time.isDate, time.toString()])).toEqual([
      [true, '2030-03-24'],
      [true, '2030-03-31'],
      [true, '2030-04-07'],
    ]);
  });

  it('round-trips text with commas, semicolons, backslashes and line breaks', () => {
    const event = feed.events.get(ids.texte);
    expect(event.summary).toBe(TITRE);
    expect(event.description).toBe(DESCRIPTION);
    expect(event.location).toBe('Salle « Les Tilleuls », 1er étage, 3, rue Pasteur, 59000 Lille');
    expect(local(event.startDate)).toBe('2030-05-06T18:00:00');
  });
});

describe('without its VTIMEZONE', () => {
  it('the same feed would read as floating times: the time zone comes from the feed', async () => {
    const { text } = await fetchCalendar(`${API}/events/${ids.printemps}/event.ics`);
    const stripped = text.replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, '');
    const vevent = new ICAL.Component(ICAL.parse(stripped)).getFirstSubcomponent('vevent');
    const event = new ICAL.Event(vevent);
    expect(event.startDate.zone).toBe(ICAL.Timezone.localTimezone);
  });
});

describe('one event, read by ical.js', () => {
  it('holds that event and the time zone it needs', async () => {
    const { events, zone } = await fetchCalendar(`${API}/events/${ids.automne}/event.ics`);
    expect([...events.keys()]).toEqual([ids.automne]);
    const event = events.get(ids.automne);
    expect(event.summary).toBe('Veillée d’automne');
    expect(event.startDate.zone.component).toBe(zone);
    expect(utc(event.endDate)).toBe('2030-10-27T08:00:00.000Z');
  });
});
