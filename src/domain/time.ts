import { UsageError } from '../errors.js';
import { quoteInput } from './quoteInput.js';

export const DATE_FORMS = '2025-07-23, 2025-07-23T19:16, 2025-07-23 19:16:49, 2025-07-23T19:16:49Z or +02:00';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export type LocalDateTime = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number };

export function isRealDate({ year, month, day, hour, minute, second }: LocalDateTime): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day &&
    hour < 24 && minute < 60 && second < 60
  );
}

// Building an Intl.DateTimeFormat costs ~70 µs; an import converts thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Milliseconds east of UTC that `zone` observes at the instant `utcMs` (old offsets have seconds: Monrovia -0:44:30). */
function zoneOffsetMs(zone: string, utcMs: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** A wall-clock time in `zone` (IANA name; undefined: the system's) as an instant. */
export function zonedTime(local: LocalDateTime, zone: string | undefined): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.ms);
  if (zone === undefined) {
    return new Date(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.ms);
  }
  // Two passes settle the offset across a DST change.
  let guess = wall - zoneOffsetMs(zone, wall);
  guess = wall - zoneOffsetMs(zone, guess);
  return new Date(guess);
}

export function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    throw new UsageError(`--tz "${zone}" is not a time zone; use an IANA name such as Europe/Berlin or UTC`);
  }
}

/** Parses an ISO 8601 date or date-time; without an offset it is read in `zone`. */
export function parseTimestamp(text: string, field: string, zone?: string): Date {
  const match = ISO.exec(text.trim());
  if (!match) throw new UsageError(`${field} ${quoteInput(text)} is not a date; accepted forms: ${DATE_FORMS}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const local: LocalDateTime = {
    year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi),
    second: Number(s), ms: Math.floor(Number(`0.${fraction || '0'}`) * 1000),
  };
  if (!isRealDate(local) || local.year < 1900 || local.year > 2200) {
    throw new UsageError(`${field} ${quoteInput(text)} is not a real date between 1900 and 2200`);
  }
  if (offset === undefined) return zonedTime(local, zone);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.ms);
  if (/^z$/i.test(offset)) return new Date(wall);
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  if (Number(digits.slice(2)) > 59) throw new UsageError(`${field} has an invalid offset "${offset}"; use ±HH:MM`);
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  if (Number(digits.slice(2)) >= 60) throw new UsageError(`${field} has an offset with 60 or more minutes (${offset})`);
  if (minutes > 14 * 60) throw new UsageError(`${field} has an offset beyond ±14:00`);
  return new Date(wall - sign * minutes * 60_000);
}
