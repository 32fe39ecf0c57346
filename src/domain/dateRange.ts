import { UsageError } from '../errors.js';
import { quoteInput } from './quoteInput.js';
import { parseTimestamp } from './time.js';

export const DATE_BOUND_FORMS = 'an ISO date (2025-07-23) or a span back from today (10d, 12w, 6m, 1y)';

/** From `from` (inclusive) to `to` (exclusive); null: open on that side. Both are local midnights. */
export type DateRange = { from: Date | null; to: Date | null };

const SPAN = /^(\d{1,4})([dwmy])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Local midnight of `date`'s day, moved by whole days, months and years (a month end clamps: 31 Mar - 1m = 28 Feb). */
function localDay(date: Date, { days = 0, months = 0 }: { days?: number; months?: number }): Date {
  const monthIndex = date.getFullYear() * 12 + date.getMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(year, month + 1, 0).getDate();
  return new Date(year, month, Math.min(date.getDate(), lastDay) + days);
}

/** The local day `text` names: an ISO date, or N days, weeks, months or years before `today`. */
function namedDay(text: string, field: string, today: Date): Date {
  const span = SPAN.exec(text);
  if (span) {
    const n = Number(span[1]);
    const unit = span[2];
    if (unit === 'd') return localDay(today, { days: -n });
    if (unit === 'w') return localDay(today, { days: -7 * n });
    return localDay(today, { months: unit === 'm' ? -n : -12 * n });
  }
  if (!DAY.test(text)) throw new UsageError(`${field} ${quoteInput(text)} is not a date; use ${DATE_BOUND_FORMS}`);
  return parseTimestamp(text, field);
}

/**
 * --from and --to as a range of whole local days: --to includes its day, so
 * `--from 2025-07-01 --to 2025-07-31` is July. `today` is passed in, for tests.
 */
export function parseDateRange(from: string | undefined, to: string | undefined, today: Date): DateRange {
  const start = from === undefined ? null : namedDay(from.trim(), '--from', today);
  const end = to === undefined ? null : localDay(namedDay(to.trim(), '--to', today), { days: 1 });
  if (start && end && start >= end) {
    throw new UsageError(`--from ${quoteInput(from!)} is after --to ${quoteInput(to!)}`);
  }
  return { from: start, to: end };
}
