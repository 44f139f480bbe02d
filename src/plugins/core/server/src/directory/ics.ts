/**
 * iCalendar (RFC 5545) written by hand: one VCALENDAR with the Europe/Paris VTIMEZONE, events
 * in Paris local time, lines folded at 75 octets, text escaped.
 */
import type { DirectoryEvent } from '../../../shared/contracts/directory';
import { PARIS, parisWallClock, parisInstant, type WallClock } from './paris-time';
import { untilDate } from './rrule';

const CRLF = '\r\n';

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line so no physical line exceeds 75 octets (RFC 5545 §3.1); continuation lines
 * start with one space. A UTF-8 character is never cut in two.
 */
export function foldLine(line: string): string {
  // Most lines are short: they are measured once, not character by character.
  if (line.length <= 75 && Buffer.byteLength(line, 'utf8') <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dateValue = (w: Pick<WallClock, 'year' | 'month' | 'day'>) => `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}`;
const localDateTime = (w: WallClock) => `${dateValue(w)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
export const utcDateTime = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Europe/Paris since 1996: summer time from the last Sunday of March to the last Sunday of October. */
export const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${PARIS}`,
  `X-LIC-LOCATION:${PARIS}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * The rule as stored, with UNTIL in the form RFC 5545 asks for the event's DTSTART: a UTC
 * date-time for timed events, a date for all-day ones.
 */
function rruleFor(event: DirectoryEvent): string {
  const rule = event.recurrence ?? '';
  return rule.replace(/UNTIL=([0-9TZ]+)/, (_whole, until: string) => {
    if (event.journee_entiere) return `UNTIL=${until.slice(0, 8)}`;
    if (until.length > 8) return `UNTIL=${until}`;
    // A date-only UNTIL on a timed event: up to the end of that day in Paris.
    const day = untilDate(until);
    if (!day) return `UNTIL=${until}`;
    const end = parisInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 23, 59);
    return `UNTIL=${utcDateTime(end)}`;
  });
}

function location(event: DirectoryEvent): string | null {
  const place = event.lieu;
  if (!place) return null;
  const town = [place.code_postal, place.commune].filter(Boolean).join(' ');
  return [place.nom, place.adresse, town].filter(Boolean).join(', ');
}

function eventLines(event: DirectoryEvent, host: string, stamp: Date): string[] {
  const start = new Date(event.date_debut);
  const end = event.date_fin ? new Date(event.date_fin) : null;
  const lines = ['BEGIN:VEVENT', `UID:${event.id}@${host}`, `DTSTAMP:${utcDateTime(stamp)}`];
  if (event.journee_entiere) {
    const first = parisWallClock(start);
    const last = parisWallClock(end && end > start ? end : start);
    const after = new Date(Date.UTC(last.year, last.month - 1, last.day + 1));
    lines.push(`DTSTART;VALUE=DATE:${dateValue(first)}`);
    lines.push(
      `DTEND;VALUE=DATE:${dateValue({ year: after.getUTCFullYear(), month: after.getUTCMonth() + 1, day: after.getUTCDate() })}`,
    );
  } else {
    lines.push(`DTSTART;TZID=${PARIS}:${localDateTime(parisWallClock(start))}`);
    if (end && end > start) lines.push(`DTEND;TZID=${PARIS}:${localDateTime(parisWallClock(end))}`);
  }
  if (event.recurrence) lines.push(`RRULE:${rruleFor(event)}`);
  lines.push(`SUMMARY:${escapeText(event.titre)}`);
  const details = [
    event.description,
    event.prix ? `Prix : ${event.prix}` : null,
    event.inscription ? `Inscription : ${event.inscription}` : null,
    event.organisateur ? `Organisé par ${event.organisateur.nom}` : null,
  ].filter((part): part is string => Boolean(part));
  if (details.length > 0) lines.push(`DESCRIPTION:${escapeText(details.join('\n\n'))}`);
  const where = location(event);
  if (where) lines.push(`LOCATION:${escapeText(where)}`);
  if (event.lieu?.latitude != null && event.lieu.longitude != null) {
    lines.push(`GEO:${event.lieu.latitude};${event.lieu.longitude}`);
  }
  if (event.lien_inscription) lines.push(`URL:${event.lien_inscription}`);
  lines.push(`LAST-MODIFIED:${utcDateTime(new Date(event.date_maj))}`);
  lines.push('STATUS:CONFIRMED', 'END:VEVENT');
  return lines;
}

export interface CalendarOptions {
  /** Host part of every UID (`documentId@host`), stable across requests. */
  host: string;
  /** Calendar name shown by calendar apps. */
  name: string;
  now?: Date;
}

/** The whole `text/calendar` body, CRLF line endings, folded. */
export function buildCalendar(events: DirectoryEvent[], options: CalendarOptions): string {
  const stamp = options.now ?? new Date();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Centres sociaux//Agenda du territoire//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${PARIS}`,
    ...PARIS_VTIMEZONE,
    ...events.flatMap((event) => eventLines(event, options.host, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
