import { UsageError } from '../../errors.js';
import { quoteInput } from '../quoteInput.js';
import { RoutineSyntaxError, TokenReader, tokenize } from './tokens.js';

/** Rests from 1 second to an hour. */
export const MAX_REST_SECONDS = 3600;

/** The rest when neither the exercise nor the routine names one. */
export const DEFAULT_REST_SECONDS = 120;

export const DURATION_FORMS = '90, 90s, 3m, 2m30s';

const UNIT_SECONDS: ReadonlyMap<string, number> = new Map([
  ['s', 1],
  ['sec', 1],
  ['m', 60],
  ['min', 60],
]);

/** `90` (seconds), `90s`, `3m`, `2m30s`, `2m 30s`: the reader is left after it. */
export function readDuration(reader: TokenReader): number {
  let seconds = 0;
  let parts = 0;
  while (reader.peek()?.kind === 'number') {
    const amount = reader.number('a duration');
    const next = reader.peek();
    const unit = next?.kind === 'word' ? UNIT_SECONDS.get(next.text) : undefined;
    if (next?.kind === 'word' && unit === undefined) reader.fail(`a duration unit (s or m)`);
    if (unit !== undefined) reader.word('s or m');
    if (!/^\d+$/.test(amount))
      throw new RoutineSyntaxError(`a duration is whole seconds or minutes (${DURATION_FORMS})`);
    seconds += Number(amount) * (unit ?? 1);
    parts++;
    if (unit === undefined) break;
  }
  if (parts === 0) reader.fail(`a duration such as ${DURATION_FORMS}`);
  if (seconds < 1 || seconds > MAX_REST_SECONDS) {
    throw new RoutineSyntaxError(`a rest must be from 1 second to ${MAX_REST_SECONDS / 60} minutes`);
  }
  return seconds;
}

/** A whole duration given on its own (`workout rest 2m30s`); a problem is a UsageError naming `field`. */
export function parseDuration(text: string, field = 'DURATION'): number {
  try {
    const reader = new TokenReader(tokenize(text));
    const seconds = readDuration(reader);
    if (!reader.atEnd()) reader.fail('the end of the duration');
    return seconds;
  } catch (error) {
    if (error instanceof RoutineSyntaxError) throw new UsageError(`${field} ${quoteInput(text)}: ${error.message}`);
    throw error;
  }
}

/** The canonical form: `3m`, `90s` → `1m30s`, `45s`. */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `${minutes > 0 ? `${minutes}m` : ''}${rest > 0 || minutes === 0 ? `${rest}s` : ''}`;
}
