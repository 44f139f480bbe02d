import type { DirectoryEvent } from '../../shared/contracts/directory';
import { buildCalendar, escapeText, foldLine } from '../../server/src/directory/ics';
import { parisInstant, parisStartOfDay, parisToday } from '../../server/src/directory/paris-time';
import { normaliseRrule, rruleProblem } from '../../server/src/directory/rrule';

const event = (overrides: Partial<DirectoryEvent>): DirectoryEvent => ({
  id: 'abcdefghij0123456789klmn',
  titre: 'Repair café',
  description: null,
  date_debut: '2026-07-01T08:00:00.000Z',
  date_fin: null,
  journee_entiere: false,
  recurrence: null,
  prochaine_date: '2026-07-01T08:00:00.000Z',
  lieu: null,
  organisateur: null,
  publics: [],
  age_min: null,
  age_max: null,
  thematiques: [],
  prix: null,
  inscription: null,
  lien_inscription: null,
  centre: null,
  date_maj: '2026-06-01',
  ...overrides,
});

const NOW = new Date('2026-06-15T12:34:56.789Z');
const calendar = (events: DirectoryEvent[]) =>
  buildCalendar(events, { host: 'agenda.example.fr', name: 'Agenda', now: NOW });

/** Unfolds (RFC 5545 §3.1) and splits into content lines. */
const unfold = (body: string) => body.replace(/\r\n[ \t]/g, '').split('\r\n');
/** The VEVENT lines of a calendar with one event, as a map name(with params) → value. */
function veventProperties(body: string): Map<string, string> {
  const lines = unfold(body);
  const start = lines.indexOf('BEGIN:VEVENT');
  const end = lines.indexOf('END:VEVENT');
  return new Map(
    lines.slice(start + 1, end).map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1)];
    }),
  );
}

describe('Paris time', () => {
  it('knows summer and winter time', () => {
    expect(parisInstant(2026, 7, 1, 10).toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(parisInstant(2026, 12, 1, 10).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(parisStartOfDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(parisStartOfDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('says which day it is in Paris, not in UTC', () => {
    expect(parisToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(parisToday(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('folds at 75 octets without cutting a character, and unfolds back to the same line', () => {
    const line = `DESCRIPTION:${'Fête de l’été à Élancourt — '.repeat(12)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(4);
    for (const part of physical) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of physical.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(physical.join('')).not.toContain('\uFFFD');
  });

  it('leaves a short line alone', () => {
    expect(foldLine('SUMMARY:Repair café')).toBe('SUMMARY:Repair café');
  });
});

describe('calendar', () => {
  it('is a VCALENDAR with CRLF endings, the Paris time zone and its two DST rules', () => {
    const body = calendar([event({})]);
    expect(body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(body);
    expect(lines).toContain('PRODID:-//Centres sociaux//Agenda du territoire//FR');
    const tz = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    expect(tz).toEqual(
      expect.arrayContaining([
        'TZID:Europe/Paris',
        'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
        'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
        'TZOFFSETTO:+0200',
        'TZOFFSETTO:+0100',
      ]),
    );
    // Every BEGIN has its END, in order.
    const stack: string[] = [];
    for (const line of lines.filter((l) => /^(BEGIN|END):/.test(l))) {
      const [kind, name] = line.split(':');
      if (kind === 'BEGIN') stack.push(name);
      else expect(stack.pop()).toBe(name);
    }
    expect(stack).toEqual([]);
  });

  it('writes 10:00 Paris as local time in summer and in winter', () => {
    const summer = veventProperties(
      calendar([event({ date_debut: '2026-07-01T08:00:00.000Z', date_fin: '2026-07-01T10:00:00.000Z' })]),
    );
    expect(summer.get('DTSTART;TZID=Europe/Paris')).toBe('20260701T100000');
    expect(summer.get('DTEND;TZID=Europe/Paris')).toBe('20260701T120000');
    const winter = veventProperties(calendar([event({ date_debut: '2026-12-01T09:00:00.000Z' })]));
    expect(winter.get('DTSTART;TZID=Europe/Paris')).toBe('20261201T100000');
    expect(winter.has('DTEND;TZID=Europe/Paris')).toBe(false);
  });

  it('gives a stable UID and a UTC DTSTAMP', () => {
    const properties = veventProperties(calendar([event({})]));
    expect(properties.get('UID')).toBe('abcdefghij0123456789klmn@agenda.example.fr');
    expect(properties.get('DTSTAMP')).toBe('20260615T123456Z');
    expect(properties.get('LAST-MODIFIED')).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('writes an all-day event as dates, the end being the day after', () => {
    const properties = veventProperties(
      calendar([
        event({
          journee_entiere: true,
          date_debut: '2026-06-30T22:00:00.000Z',
          date_fin: '2026-07-01T22:00:00.000Z',
          recurrence: 'FREQ=YEARLY;UNTIL=20300701T000000Z',
        }),
      ]),
    );
    expect(properties.get('DTSTART;VALUE=DATE')).toBe('20260701');
    expect(properties.get('DTEND;VALUE=DATE')).toBe('20260703');
    expect(properties.get('RRULE')).toBe('FREQ=YEARLY;UNTIL=20300701');
  });

  it('passes the rule through, with a date-only UNTIL turned into the end of that Paris day in UTC', () => {
    const weekly = veventProperties(calendar([event({ recurrence: 'FREQ=WEEKLY;BYDAY=WE;COUNT=10' })]));
    expect(weekly.get('RRULE')).toBe('FREQ=WEEKLY;BYDAY=WE;COUNT=10');
    const until = veventProperties(calendar([event({ recurrence: 'FREQ=MONTHLY;BYDAY=1MO;UNTIL=20270630' })]));
    expect(until.get('RRULE')).toBe('FREQ=MONTHLY;BYDAY=1MO;UNTIL=20270630T215900Z');
  });

  it('escapes the summary, description and place', () => {
    const properties = veventProperties(
      calendar([
        event({
          titre: 'Loto; tombola, buvette',
          description: 'Ligne 1\nLigne 2',
          prix: '2 €',
          lieu: {
            id: 'p',
            nom: 'Salle A',
            adresse: '1 rue X',
            complement_adresse: null,
            code_postal: '69008',
            commune: 'Lyon',
            code_insee: '69388',
            latitude: 45.5,
            longitude: 4.8,
            accessibilite: null,
            accessibilite_lieu: null,
          },
        }),
      ]),
    );
    expect(properties.get('SUMMARY')).toBe('Loto\\; tombola\\, buvette');
    expect(properties.get('DESCRIPTION')).toBe('Ligne 1\\nLigne 2\\n\\nPrix : 2 €');
    expect(properties.get('LOCATION')).toBe('Salle A\\, 1 rue X\\, 69008 Lyon');
    expect(properties.get('GEO')).toBe('45.5;4.8');
  });
});

describe('recurrence rules', () => {
  it.each([
    'FREQ=WEEKLY;BYDAY=WE',
    'FREQ=MONTHLY;BYDAY=1MO;UNTIL=20270630',
    'FREQ=DAILY;INTERVAL=2;COUNT=5',
    'FREQ=MONTHLY;BYDAY=-1FR',
  ])('accepts %s', (rule) => expect(rruleProblem(rule)).toBeNull());

  it.each([
    ['FREQ=HOURLY', /FREQ vaut/],
    ['BYDAY=MO', /commence par la fréquence/],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20270101', /COUNT et UNTIL/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY/],
    ['FREQ=WEEKLY;UNTIL=20270231', /UNTIL/],
    ['FREQ=WEEKLY;FREQ=DAILY', /qu’une fois/],
    ['FREQ=WEEKLY\r\nX-EVIL:1', /CLÉ=VALEUR/],
    ['FREQ=WEEKLY;BYHOUR=3', /pas accepté/],
  ])('refuses %j in French', (rule, message) => expect(rruleProblem(normaliseRrule(rule))).toMatch(message));

  it('drops a pasted RRULE: prefix', () => {
    expect(normaliseRrule(' rrule:freq=weekly;byday=we ')).toBe('FREQ=WEEKLY;BYDAY=WE');
  });
});
