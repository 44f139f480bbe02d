// The sites' code is ECMAScript modules: loaded the way a CommonJS test may.
type Recurrence = typeof import('../../frontends/shared/src/lib/recurrence.js', {
  with: { 'resolution-mode': 'import' },
});
type Dates = typeof import('../../frontends/shared/src/lib/dates.js', { with: { 'resolution-mode': 'import' } });
const LIB = '../../frontends/shared/src/lib';
let recurrence: Recurrence;
let dates: Dates;
beforeAll(async () => {
  recurrence = (await import(`${LIB}/recurrence`)) as Recurrence;
  dates = (await import(`${LIB}/dates`)) as Dates;
});
const describeRecurrence = (rule: string | null, day: string) => recurrence.describeRecurrence(rule, day);

// Wednesday 9 December 2026, 10:00 in Paris.
const WEDNESDAY = '2026-12-09T09:00:00.000Z';
const WEDNESDAY_DAY = '2026-12-09';

describe('recurring events said in plain French on the agenda', () => {
  it.each([
    ['FREQ=WEEKLY', 'Chaque mercredi'],
    ['FREQ=WEEKLY;COUNT=4', 'Chaque mercredi, 4 fois en tout'],
    ['FREQ=WEEKLY;BYDAY=MO,TH', 'Chaque lundi et jeudi'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20270630', 'Chaque lundi, mercredi et vendredi, jusqu’au 30 juin 2027'],
    ['FREQ=WEEKLY;INTERVAL=2', 'Un mercredi sur deux'],
    ['FREQ=WEEKLY;INTERVAL=3;BYDAY=SA', 'Toutes les 3 semaines, le samedi'],
    ['FREQ=DAILY', 'Tous les jours'],
    ['FREQ=DAILY;INTERVAL=2;COUNT=1', 'Tous les 2 jours, une seule fois'],
    ['FREQ=MONTHLY;BYDAY=1MO', 'Le premier lundi de chaque mois'],
    ['FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270701T215959Z', 'Le dernier vendredi de chaque mois, jusqu’au 1er juillet 2027'],
    ['FREQ=MONTHLY', 'Le 9 de chaque mois'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', 'Le 1er et 15 de chaque mois'],
    ['FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU', 'Le deuxième mardi du mois, tous les 2 mois'],
    ['FREQ=YEARLY', 'Chaque année, le 9 décembre'],
    ['rrule:freq=weekly', 'Chaque mercredi'],
  ])('%s → « %s »', (rule, sentence) => {
    expect(describeRecurrence(rule, WEDNESDAY_DAY)).toBe(sentence);
  });

  it.each([
    ['FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'],
    ['FREQ=MONTHLY;BYDAY=MO,TU'],
    ['FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR'],
    ['FREQ=WEEKLY;BYDAY=XX'],
    ['FREQ=HOURLY'],
    ['BYDAY=MO'],
    ['FREQ=WEEKLY;COUNT=0'],
    ['FREQ=WEEKLY;UNTIL=demain'],
    ['FREQ=WEEKLY;FREQ=DAILY'],
    ['<script>'],
  ])('leaves %s to the next date rather than say it wrong', (rule) => {
    expect(describeRecurrence(rule, WEDNESDAY_DAY)).toBeNull();
  });

  it('says nothing for an event that does not repeat', () => {
    expect(describeRecurrence(null, WEDNESDAY_DAY)).toBeNull();
    expect(describeRecurrence('', WEDNESDAY_DAY)).toBeNull();
  });
});

describe('agenda times in Paris, whatever the build machine’s zone', () => {
  it('gives winter and summer offsets', () => {
    expect(dates.parisDateTime(WEDNESDAY)).toBe('2026-12-09T10:00:00+01:00');
    expect(dates.parisDateTime('2026-07-14T20:30:00.000Z')).toBe('2026-07-14T22:30:00+02:00');
  });

  it('puts a late evening on its Paris day', () => {
    expect(dates.parisDay('2026-12-31T23:30:00.000Z')).toBe('2027-01-01');
    expect(dates.clockTime('2026-12-31T23:30:00.000Z')).toBe('0 h 30');
    expect(dates.clockTime(WEDNESDAY)).toBe('10 h');
  });
});
