import { WorkoutError } from '../../errors.js';
import { quoteInput } from '../quoteInput.js';
import { isRealDate, type LocalDateTime, parseTimestamp, zonedTime } from '../time.js';
import { fieldProblem } from './header.js';

/** A wall-clock time read from a file: `key` is its canonical text, `at` the instant in the zone. */
export type ReadTime = { key: string; at: string };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2025-07-23 19:16:49`: the same text for the same wall-clock time, however the file wrote it. */
export function canonicalLocal(local: LocalDateTime): string {
  return (
    `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)} ` +
    `${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`
  );
}

function checked(local: LocalDateTime, text: string, column: string, zone: string | undefined): ReadTime {
  if (!isRealDate(local) || local.year < 1900 || local.year > 2200) {
    fieldProblem(column, `${quoteInput(text, 40)} is not a real date between 1900 and 2200`);
  }
  return { key: canonicalLocal(local), at: zonedTime(local, zone).toISOString() };
}

// 2025-07-23 19:16:49, 2025-07-23 19:16, 2025-01-30 12:34:56 pm (the space before am/pm
// may be U+202F NARROW NO-BREAK SPACE or U+00A0, as locale-aware exports write it).
const STRONG_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[ \u202f\u00a0]*([ap])\.?m\.?)?$/i;

/** Strong's `Date`, read in `zone`. */
export function parseStrongDate(text: string, column: string, zone: string | undefined): ReadTime {
  const match = STRONG_DATE.exec(text.trim());
  if (!match)
    fieldProblem(column, `${quoteInput(text, 40)} is not a date such as 2025-07-23 19:16:49 or 2025-01-30 12:34:56 pm`);
  const [, y, mo, d, h, mi, s = '0', meridiem] = match;
  let hour = Number(h);
  if (meridiem) {
    if (hour < 1 || hour > 12) fieldProblem(column, `${quoteInput(text, 40)} has hour ${hour} with am/pm`);
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  const local = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour,
    minute: Number(mi),
    second: Number(s),
    ms: 0,
  };
  return checked(local, text, column, zone);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// 15 Sep 2025, 07:48 (Hevy; English month names, no seconds, no zone).
const HEVY_DATE = /^(\d{1,2}) ([a-z]{3,9})\.?,? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?$/i;

/** Hevy's `start_time` / `end_time`, read in `zone`. */
export function parseHevyDate(text: string, column: string, zone: string | undefined): ReadTime {
  const match = HEVY_DATE.exec(text.trim());
  const month = match ? MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1 : 0;
  if (!match || month === 0) fieldProblem(column, `${quoteInput(text, 40)} is not a date such as 15 Sep 2025, 07:48`);
  const [, d, , y, h, mi, s = '0'] = match;
  const local = {
    year: Number(y),
    month,
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    ms: 0,
  };
  return checked(local, text, column, zone);
}

const DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A calendar day (FitNotes): its start in `zone`; the key is the day itself. */
export function parseDay(text: string, column: string, zone: string | undefined): ReadTime {
  const match = DAY.exec(text.trim());
  if (!match) fieldProblem(column, `${quoteInput(text, 40)} is not a day such as 2024-05-01`);
  const local = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
  };
  const read = checked(local, text, column, zone);
  return { key: read.key.slice(0, 10), at: read.at };
}

const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO 8601 timestamp (workout's own format). With an offset the text itself is kept,
 * so microseconds survive; without one it is read in `zone`.
 */
export function parseIsoTimestamp(text: string, column: string, zone: string | undefined): string {
  const trimmed = text.trim();
  let instant: Date;
  try {
    instant = parseTimestamp(trimmed, column, zone);
  } catch (error) {
    if (error instanceof WorkoutError)
      fieldProblem(column, `${quoteInput(trimmed, 40)} is not an ISO 8601 time such as 2025-07-23T19:16:49+02:00`);
    throw error;
  }
  return OFFSET.test(trimmed) ? trimmed : instant.toISOString();
}

/**
 * Longer is no workout's length but one left running (Strong wrote `9,719h 22m`); such a
 * duration is not kept (and a huge one would put the end past what a Date can hold).
 */
const MAX_DURATION_DAYS = 31;

/**
 * `29m`, `1h 7m`, `1h`, `45s`, `31min`, `9,719h 22m`, or plain seconds (`Duration (sec)`);
 * null when empty or longer than MAX_DURATION_DAYS.
 */
export function parseDurationSeconds(text: string, column: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  let seconds: number;
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) {
    seconds = Math.round(Number(trimmed));
  } else {
    const match = /^(?:(\d{1,3}(?:,\d{3})+|\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$/i.exec(trimmed);
    if (!match || (match[1] ?? match[2] ?? match[3]) === undefined) {
      fieldProblem(column, `${quoteInput(trimmed, 40)} is not a duration such as 29m or 1h 7m`);
    }
    seconds = Number((match[1] ?? '0').replaceAll(',', '')) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  }
  return seconds <= MAX_DURATION_DAYS * 86_400 ? seconds : null;
}

/** `start` plus `seconds`, as an ISO instant. */
export function plusSeconds(start: string, seconds: number): string {
  return new Date(Date.parse(start) + seconds * 1000).toISOString();
}
