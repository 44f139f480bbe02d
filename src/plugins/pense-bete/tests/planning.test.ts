import { DEFAULT_SENDING_WINDOW } from '@csc/plugin-core/shared';
import { parisInstant } from '@csc/plugin-core/toolkit';
import { DEFAULT_OFFSETS, planReminders, upcomingOccurrences } from '../server/src/planning/reminders';
import { dayInWords, renderTemplate, templateProblem, timeInWords } from '../server/src/planning/template';

const paris = (y: number, m: number, d: number, h = 0, mi = 0) => parisInstant(y, m, d, h, mi);
/** Paris wall-clock of an instant, to read expectations as a referent would. */
const wall = (instant: Date) =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);

describe('reminders of a one-off step', () => {
  it('plans J-7 and J-1 at 10:00 Paris, in the order they go out', () => {
    // CAF appointment on Thursday 10 December 2026 at 14:30; today is Monday 23 November.
    const planned = planReminders(
      'step-1',
      { date: '2026-12-10', time: '14:30' },
      DEFAULT_OFFSETS,
      DEFAULT_SENDING_WINDOW,
      paris(2026, 11, 23, 9),
    );
    expect(planned.map((reminder) => wall(reminder.sendAt))).toEqual([
      'jeu. 03/12/2026 10:00',
      'mer. 09/12/2026 10:00',
    ]);
    expect(planned.map((reminder) => reminder.notAfter)).toEqual([
      paris(2026, 12, 10, 14, 30),
      paris(2026, 12, 10, 14, 30),
    ]);
    expect(new Set(planned.map((reminder) => reminder.key)).size).toBe(2);
  });

  it('drops a reminder already past, keeps the others', () => {
    // The appointment is in three days: J-7 is past, J-1 still ahead.
    const planned = planReminders(
      'step-2',
      { date: '2026-11-26', time: '09:00' },
      DEFAULT_OFFSETS,
      DEFAULT_SENDING_WINDOW,
      paris(2026, 11, 23, 11),
    );
    expect(planned.map((reminder) => wall(reminder.sendAt))).toEqual(['mer. 25/11/2026 10:00']);
  });

  it('moves a reminder due on a Sunday or a public holiday to the next allowed slot', () => {
    // J-1 of Monday 7 December is Sunday 6 December: it waits for Monday 8:00, before the 14:00 appointment.
    const sunday = planReminders(
      's',
      { date: '2026-12-07', time: '14:00' },
      [{ daysBefore: 1, time: '10:00' }],
      DEFAULT_SENDING_WINDOW,
      paris(2026, 11, 30),
    );
    expect(sunday.map((reminder) => wall(reminder.sendAt))).toEqual(['lun. 07/12/2026 08:00']);
    // J-1 of Thursday 12 November 2026 falls on Armistice day (Wednesday 11): Thursday 8:00.
    const armistice = planReminders(
      'h',
      { date: '2026-11-12' },
      [{ daysBefore: 1, time: '18:00' }],
      DEFAULT_SENDING_WINDOW,
      paris(2026, 11, 1),
    );
    expect(armistice.map((reminder) => wall(reminder.sendAt))).toEqual(['jeu. 12/11/2026 08:00']);
  });

  it('drops a reminder the window would deliver too late', () => {
    // Appointment Monday 7 December at 8:00; J-1 falls on Sunday, the next slot is Monday 8:00: too late.
    const planned = planReminders(
      's',
      { date: '2026-12-07', time: '08:00' },
      [{ daysBefore: 1, time: '10:00' }],
      DEFAULT_SENDING_WINDOW,
      paris(2026, 11, 30),
    );
    expect(planned).toEqual([]);
    // A reminder due at 21:00 the evening before waits for the morning, still before a 10:00 appointment.
    const evening = planReminders(
      'e',
      { date: '2026-12-09', time: '10:00' },
      [{ daysBefore: 1, time: '21:00' }],
      DEFAULT_SENDING_WINDOW,
      paris(2026, 11, 30),
    );
    expect(evening.map((reminder) => wall(reminder.sendAt))).toEqual(['mer. 09/12/2026 08:00']);
  });

  it('plans nothing for a step already over', () => {
    expect(
      planReminders('p', { date: '2026-11-20' }, DEFAULT_OFFSETS, DEFAULT_SENDING_WINDOW, paris(2026, 11, 23)),
    ).toEqual([]);
  });
});

describe('reminders of a repeating step', () => {
  it('follows a monthly step across the change to winter time, at the same Paris hour', () => {
    // France Travail update: the 28th of each month, reminder J-1 at 18:00, from September 2026.
    const planned = planReminders(
      'ft',
      { date: '2026-09-28', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=28' },
      [{ daysBefore: 1, time: '18:00' }],
      DEFAULT_SENDING_WINDOW,
      paris(2026, 9, 1),
      62,
    );
    // 27 September (a Sunday) waits for Monday 28 at 8:00, before the end of that day; 27 October is
    // after the change to winter time, still 18:00 in Paris.
    expect(planned.map((reminder) => wall(reminder.sendAt))).toEqual([
      'lun. 28/09/2026 08:00',
      'mar. 27/10/2026 18:00',
    ]);
    expect(planned[1].sendAt.toISOString()).toBe('2026-10-27T17:00:00.000Z');
    expect(planned[0].key).not.toBe(planned[1].key);
  });

  it('stops at the rule’s end, and plans only within the horizon', () => {
    // Every three months from 15 January 2026: April, July, October, then January 2027, the last.
    const dates = { date: '2026-01-15', recurrence: 'FREQ=MONTHLY;INTERVAL=3;UNTIL=20270115' };
    const now = paris(2026, 11, 1);
    expect(upcomingOccurrences(dates, now, 400).map(wall)).toEqual(['ven. 15/01/2027 00:00']);
    expect(upcomingOccurrences(dates, now, 30)).toEqual([]);
    expect(upcomingOccurrences({ ...dates, recurrence: 'FREQ=MONTHLY;INTERVAL=3;UNTIL=20261015' }, now, 400)).toEqual(
      [],
    );
  });

  it('keeps today’s occurrence of a deadline until the end of the day', () => {
    const dates = { date: '2026-03-29', recurrence: 'FREQ=YEARLY' };
    // Sunday 29 March 2026 is also the day summer time starts.
    expect(upcomingOccurrences(dates, paris(2026, 3, 29, 15), 10).map(wall)).toEqual(['dim. 29/03/2026 00:00']);
    expect(upcomingOccurrences(dates, paris(2026, 3, 30, 0, 1), 10)).toEqual([]);
  });
});

describe('message templates', () => {
  it('refuses unknown variables and lone braces at save time, in French', () => {
    expect(templateProblem('Bonjour {prenom}, RDV {demarche} le {date} à {heure}. {centre} {telephone_centre}')).toBe(
      null,
    );
    expect(templateProblem('Bonjour {prénom} {nom}')).toBe(
      'Variable inconnue : {prénom}, {nom}. Variables possibles : {prenom}, {demarche}, {date}, {heure}, {centre}, {telephone_centre}.',
    );
    expect(templateProblem('Bonjour {prenom')).toMatch(/accolade/);
    expect(templateProblem('   ')).toBe('Le message est vide.');
  });

  it('renders dates and times the French way, in Paris', () => {
    const appointment = paris(2026, 12, 7, 14, 30);
    expect(dayInWords(appointment)).toBe('lundi 7 décembre');
    expect(timeInWords(appointment)).toBe('14 h 30');
    expect(timeInWords(paris(2026, 7, 1, 9))).toBe('9 h');
    expect(
      renderTemplate('Bonjour {prenom}, rappel : {demarche} le {date} à {heure}. {centre}', {
        prenom: 'Aïcha',
        demarche: 'rendez-vous CAF',
        date: dayInWords(appointment),
        heure: timeInWords(appointment),
        centre: 'Centre social des Oliviers',
        telephone_centre: '04 78 00 00 00',
      }),
    ).toBe('Bonjour Aïcha, rappel : rendez-vous CAF le lundi 7 décembre à 14 h 30. Centre social des Oliviers');
  });
});
