import { useCallback } from 'react';
import { useIntl } from 'react-intl';

/** Reminders are planned and sent in Paris time, whatever the computer's own time zone. */
const PARIS = 'Europe/Paris';

export function useParisDates() {
  const { formatDate } = useIntl();
  /** An instant (`sendAt`, `sentAt`): « jeudi 11 mars 2027, 10:00 ». */
  const instant = useCallback(
    (iso: string | null | undefined) =>
      iso
        ? formatDate(iso, {
            timeZone: PARIS,
            weekday: 'long',
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
          })
        : '—',
    [formatDate],
  );
  /** The same, short, for tables: « jeu. 11 mars 2027, 10:00 ». */
  const short = useCallback(
    (iso: string | null | undefined) =>
      iso
        ? formatDate(iso, {
            timeZone: PARIS,
            weekday: 'short',
            day: 'numeric',
            month: 'short',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
          })
        : '—',
    [formatDate],
  );
  /** A calendar day (`YYYY-MM-DD`), read as such: no time zone can move it to the day before. */
  const day = useCallback(
    (date: string | null | undefined) =>
      date
        ? formatDate(`${date}T12:00:00Z`, {
            timeZone: 'UTC',
            weekday: 'long',
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          })
        : '—',
    [formatDate],
  );
  return { instant, short, day };
}

/** Today in Paris, `YYYY-MM-DD`: the earliest date a new step may take. */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PARIS }).format(now);
}
