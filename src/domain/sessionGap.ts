import { UsageError } from '../errors.js';

/**
 * A session is over once it has been idle this long: a set logged later than its last
 * set plus the gap ends it (at that last set) and starts a new one.
 */
export const DEFAULT_SESSION_GAP_MINUTES = 180;

/** Longer than a day is no workout. */
const MAX_SESSION_GAP_MINUTES = 24 * 60;

/** WORKOUT_SESSION_GAP: minutes (`90`, `90m`) or hours (`3h`); unset or empty: the default. */
export function parseSessionGap(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_SESSION_GAP_MINUTES;
  const match = /^(\d{1,4})\s*(m|h)?$/i.exec(text.trim());
  const minutes = match ? Number(match[1]) * (match[2]?.toLowerCase() === 'h' ? 60 : 1) : Number.NaN;
  if (!(minutes >= 1 && minutes <= MAX_SESSION_GAP_MINUTES)) {
    throw new UsageError(`WORKOUT_SESSION_GAP must be minutes (90, 90m) or hours (3h), from 1 minute to 24h`);
  }
  return minutes;
}

/** `3h`, `90 min`: the gap as a person reads it. */
export function formatGap(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes} min`;
}
