import { UsageError } from '../errors.js';
import { quoteInput } from './quoteInput.js';

export const DATE_FORMS = '2025-07-23, 2025-07-23T19:16, 2025-07-23 19:16:49, 2025-07-23T19:16:49Z or +02:00';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export type LocalDateTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
};

export function isRealDate({ year, month, day, hour, minute, second }: LocalDateTime): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

// Building an Intl.DateTimeFormat costs ~70 µs; an import converts thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
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

type ReadTimestamp = { local: LocalDateTime; offset: string | undefined };

function readTimestamp(text: string, field: string): ReadTimestamp {
  const match = ISO.exec(text.trim());
  if (!match) throw new UsageError(`${field} ${quoteInput(text)} is not a date; accepted forms: ${DATE_FORMS}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const local: LocalDateTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    ms: Math.floor(Number(`0.${fraction || '0'}`) * 1000),
  };
  if (!isRealDate(local) || local.year < 1900 || local.year > 2200) {
    throw new UsageError(`${field} ${quoteInput(text)} is not a real date between 1900 and 2200`);
  }
  return { local, offset };
}

function instantOf({ local, offset }: ReadTimestamp, field: string, zone: string | undefined): Date {
  if (offset === undefined) return zonedTime(local, zone);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.ms);
  if (/^z$/i.test(offset)) return new Date(wall);
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  if (Number(digits.slice(2)) > 59) throw new UsageError(`${field} has an invalid offset "${offset}"; use ±HH:MM`);
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  if (minutes > 14 * 60) throw new UsageError(`${field} has an offset beyond ±14:00`);
  return new Date(wall - sign * minutes * 60_000);
}

/**
 * Parses an ISO 8601 date or date-time; without an offset it is read in `zone`. A wall
 * time that the zone skips (clocks going forward) reads as the same time after the
 * change, as PostgreSQL reads it: imported files keep every row.
 */
export function parseTimestamp(text: string, field: string, zone?: string): Date {
  return instantOf(readTimestamp(text, field), field, zone);
}

/** The wall clock `zone` (undefined: the system's) shows at `instant`, to the second. */
function wallClock(instant: Date, zone: string | undefined): string {
  if (zone === undefined) {
    return [
      instant.getFullYear(),
      instant.getMonth() + 1,
      instant.getDate(),
      instant.getHours(),
      instant.getMinutes(),
      instant.getSeconds(),
    ].join(' ');
  }
  const parts = formatterFor(zone).formatToParts(instant);
  return ['year', 'month', 'day', 'hour', 'minute', 'second']
    .map((type) => Number(parts.find((part) => part.type === type)?.value))
    .join(' ');
}

/**
 * A time a person types (--at, --from, --to): like parseTimestamp, but a local time that
 * does not exist in the zone (skipped when clocks go forward) is refused, not moved.
 */
export function parseTypedTime(text: string, field: string, zone?: string): Date {
  const read = readTimestamp(text, field);
  const instant = instantOf(read, field, zone);
  const { year, month, day, hour, minute, second } = read.local;
  if (read.offset === undefined && wallClock(instant, zone) !== [year, month, day, hour, minute, second].join(' ')) {
    const where = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'the local zone';
    throw new UsageError(
      `${field} ${quoteInput(text)} does not exist in ${where} (the clocks skip it); give a real local time or an offset such as Z or +01:00`,
    );
  }
  return instant;
}

/** How far ahead of now a logged time may be: a clock a little fast, not a typo of the year. */
export const FUTURE_LIMIT_MINUTES = 5;

/** Refuses a time more than FUTURE_LIMIT_MINUTES after `now`. */
export function notInFuture(at: Date, field: string, now: Date = new Date()): Date {
  if (at.getTime() > now.getTime() + FUTURE_LIMIT_MINUTES * 60_000) {
    throw new UsageError(
      `${field} is in the future; a time may be at most ${FUTURE_LIMIT_MINUTES} minutes ahead of now`,
    );
  }
  return at;
}
