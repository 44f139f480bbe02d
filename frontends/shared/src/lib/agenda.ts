import { PUBLICS, type DirectoryEvent } from '@csc/cms';
import { t } from '../i18n/t';
import { clockTime, dayHeading, longDate, monthHeading, parisDateTime, parisDay } from './dates';
import { describeRecurrence } from './recurrence';
import { uniquePaths } from './slug';

export { agesLabel } from './ages';

/** An event of the agenda with its page's path under the site's base (`agenda/repair-cafe-k3x9…/`). */
export type AgendaEvent = DirectoryEvent & { path: string };

export const EVENTS_PER_PAGE = 20;

/** Addresses from the title, unique and stable by the event's identifier. */
export function withPaths(events: DirectoryEvent[]): AgendaEvent[] {
  return uniquePaths(events, (event) => event.titre, 'agenda', 'evenement');
}

/** The description's paragraphs, as staff typed them (blank lines between). */
export function paragraphs(event: DirectoryEvent): string[] {
  return (event.description ?? '')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The next occurrence: its start, and its end when the event has one (same length as the first). */
export function occurrence(event: DirectoryEvent): { start: string; end: string | null } {
  const start = event.prochaine_date;
  if (!event.date_fin) return { start, end: null };
  const length = Date.parse(event.date_fin) - Date.parse(event.date_debut);
  return { start, end: length > 0 ? new Date(Date.parse(start) + length).toISOString() : null };
}

/** The `datetime` of the next occurrence: a day for an all-day event, else the time with its offset. */
export function machineDate(event: DirectoryEvent): string {
  return event.journee_entiere ? parisDay(event.prochaine_date) : parisDateTime(event.prochaine_date);
}

/** « 14 h – 17 h », « 10 h », « toute la journée »: the time of the day, for lists grouped by day. */
export function timeOfDay(event: DirectoryEvent): string {
  const { start, end } = occurrence(event);
  if (event.journee_entiere) return t('agenda.allDay');
  if (end && parisDay(end) === parisDay(start)) return `${clockTime(start)} – ${clockTime(end)}`;
  return clockTime(start);
}

/** The whole date of the next occurrence, in a sentence: « samedi 5 décembre 2026, de 14 h à 17 h ». */
export function fullDate(event: DirectoryEvent): string {
  const { start, end } = occurrence(event);
  const sameDay = !end || parisDay(end) === parisDay(start);
  if (event.journee_entiere) {
    return sameDay
      ? `${longDate(start)}, ${t('agenda.allDay')}`
      : t('agenda.dayRange', { start: longDate(start), end: longDate(end) });
  }
  if (!end) return `${longDate(start)}, ${t('agenda.at', { time: clockTime(start) })}`;
  if (sameDay) return `${longDate(start)}, ${t('agenda.timeRange', { start: clockTime(start), end: clockTime(end) })}`;
  return t('agenda.dayRange', {
    start: `${longDate(start)} ${t('agenda.at', { time: clockTime(start) })}`,
    end: `${longDate(end)} ${t('agenda.at', { time: clockTime(end) })}`,
  });
}

/** How a recurring event repeats, in French, or null (the page then says it repeats, and when next). */
export function repetition(event: DirectoryEvent): string | null {
  return describeRecurrence(event.recurrence, parisDay(event.date_debut));
}

const PUBLIC_LABELS = new Map<string, string>(PUBLICS.map((item) => [item.value, item.label]));
export function audienceLabel(event: DirectoryEvent): string | null {
  return event.publics.map((value) => PUBLIC_LABELS.get(value) ?? value).join(', ') || null;
}

/** « 12 rue des Tilleuls, 69008 Lyon ». */
export function placeAddress(event: DirectoryEvent): string | null {
  const place = event.lieu;
  if (!place) return null;
  const town = [place.code_postal, place.commune].filter(Boolean).join(' ');
  return [place.adresse, place.complement_adresse, town].filter(Boolean).join(', ') || null;
}

export interface AgendaMonth {
  key: string;
  label: string;
  days: { key: string; label: string; events: AgendaEvent[] }[];
}

/** Events (already in date order) grouped by month, then by day, in Paris time. */
export function byMonthAndDay(events: AgendaEvent[]): AgendaMonth[] {
  const months: AgendaMonth[] = [];
  for (const event of events) {
    const day = parisDay(event.prochaine_date);
    const monthKey = day.slice(0, 7);
    let month = months.at(-1);
    if (!month || month.key !== monthKey) {
      month = { key: monthKey, label: monthHeading(event.prochaine_date), days: [] };
      months.push(month);
    }
    let group = month.days.at(-1);
    if (!group || group.key !== day) {
      group = { key: day, label: dayHeading(event.prochaine_date), events: [] };
      month.days.push(group);
    }
    group.events.push(event);
  }
  return months;
}
