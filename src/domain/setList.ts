import { quoteInput } from './quoteInput.js';
import {
  canonicalDecimal,
  checkReps,
  DECIMAL,
  fail,
  fold,
  loadPattern,
  parseUnit,
  readLoad,
  SET_FORMS,
  type SetInput,
  UNIT,
} from './setNotation.js';
import type { Unit } from './units.js';

/** One set of a `set add` command as written, before the last set it may refer to is known. */
export type WrittenSet =
  | ({ kind: 'absolute' } & SetInput)
  /** The set before it plus `change` (signed decimal text) in `unit`, else in that set's unit. */
  | { kind: 'relative'; change: string; unit: Unit | undefined; reps: number }
  /** The set before it again: weight, unit and reps. */
  | { kind: 'same' };

/** At most this many sets in one command: a typo such as `100x5@100` must not log a hundred. */
export const MAX_SETS_PER_COMMAND = 50;

export const SET_LIST_FORMS = `${SET_FORMS}, 100x5,5,4, 3x5@100, 5x5 100kg, 100x5 105x3, +2.5x5, -5x8, same`;

const failList = (problem: string): never => fail(problem, SET_LIST_FORMS);

const X = String.raw`\s*[x×]\s*`;
const REPS_LIST = String.raw`(?<reps>\d{1,5}(?:\s*,\s*\d{1,5})*)`;
/** A word ends at a space or at the end; folding left one space between words. */
const END = '(?= |$)';
const COUNT = String.raw`(?<sets>\d{1,5})${X}(?<each>\d{1,5})`;
const LOAD = loadPattern();
/**
 * A load that ends a word must not take the start of the next one: its unit may stand
 * apart (`@ 100 kg`) but is never `bw…` or `same` and holds no x (`5x5 100kgx3`); bw's
 * `+` is attached (`3x10 bw +5x3` is 3 x 10 at bodyweight, then 5 more).
 */
const LAST_UNIT = '(?!bw|same\\b)[a-wyz]+';
const LAST_LOAD = loadPattern(LAST_UNIT, String.raw`\+`);

/**
 * Not a unit that an x follows: `3x1 bw+0 lb x1` is 3 kg x 1, then bw+0 lb x 1. Without
 * it, `bw+0` would end the load of `3x1 …` and leave `lb x1` unread.
 */
const UNIT_THEN_X = String.raw`(?!\s*[a-wyz]+\s*[x×])`;

// Tried in this order at each word. `5x5 100kg` (sets x reps, then a load with a unit or
// bw) comes before `5x5` (5 kg x 5) so that the load is not left over; it never takes a
// load that is itself followed by `x`, so `5x5 100kg x3` stays two sets (5x5, 100kg x3).
const FORMS: readonly [string, RegExp][] = [
  ['at', new RegExp(String.raw`${COUNT}\s*@\s*${LAST_LOAD}${END}`, 'y')],
  [
    'then',
    new RegExp(
      String.raw`${COUNT} (?:(?<bw>bw)(?:\+(?<added>${DECIMAL})(?:\s*(?<addedUnit>${LAST_UNIT})|${UNIT_THEN_X}))?|(?<weight>${DECIMAL})\s*(?<unit>${LAST_UNIT}))(?!\s*[x×])${END}`,
      'y',
    ),
  ],
  ['each', new RegExp(`${LOAD}${X}${REPS_LIST}${END}`, 'y')],
  [
    'relative',
    new RegExp(String.raw`(?<sign>[+-])\s*(?<change>${DECIMAL})\s*(?<changeUnit>${UNIT})?${X}${REPS_LIST}${END}`, 'y'),
  ],
  ['same', new RegExp(`(?:same|=)${END}`, 'y')],
];

/** The sets one match stands for, in order. */
function setsOf(form: string, groups: Record<string, string | undefined>, room: number): WrittenSet[] {
  if (form === 'same') {
    tooMany(1, room);
    return [{ kind: 'same' }];
  }
  if (form === 'at' || form === 'then') {
    const count = Number(groups.sets);
    if (count < 1) failList(`must hold at least 1 set (${groups.sets}x${groups.each})`);
    tooMany(count, room);
    const set: WrittenSet = { kind: 'absolute', ...readLoad(groups), reps: checkReps(Number(groups.each), 'SET reps') };
    return Array.from({ length: count }, () => set);
  }
  const reps = groups.reps!.split(',').map((text) => checkReps(Number(text.trim()), 'SET reps'));
  tooMany(reps.length, room);
  if (form === 'each') {
    const load = readLoad(groups);
    return reps.map((count) => ({ kind: 'absolute', ...load, reps: count }));
  }
  // `+2.5x5,5,5`: the first set is 2.5 more than the set before it, the others as heavy as the first.
  const unit = groups.changeUnit === undefined ? undefined : parseUnit(groups.changeUnit, 'SET');
  const amount = canonicalDecimal(groups.change!);
  const change = groups.sign === '-' && amount !== '0' ? `-${amount}` : amount;
  return reps.map((count, index) => ({ kind: 'relative', change: index === 0 ? change : '0', unit, reps: count }));
}

function tooMany(count: number, room: number): void {
  if (count > room)
    failList(`has more than ${MAX_SETS_PER_COMMAND} sets; at most ${MAX_SETS_PER_COMMAND} are logged in one command`);
}

/**
 * Parses the SET words of one `set add`: one or more sets, each word one of
 * `100x5` (and every form parseSetNotation reads), `100x5,5,4` (one load, reps per set),
 * `3x5@100` or `5x5 100kg` (sets x reps at a load), `+2.5x5` / `-5x8,8` (relative to the
 * set before) and `same` / `=`. Throws a UsageError naming SET for anything else.
 */
export function parseSetList(text: string): WrittenSet[] {
  const normalized = fold(text);
  if (normalized === '') failList('is empty');
  const sets: WrittenSet[] = [];
  let at = 0;
  while (at < normalized.length) {
    let matched = false;
    for (const [form, pattern] of FORMS) {
      pattern.lastIndex = at;
      const match = pattern.exec(normalized);
      if (!match) continue;
      sets.push(...setsOf(form, match.groups ?? {}, MAX_SETS_PER_COMMAND - sets.length));
      at = pattern.lastIndex + 1; // past the space between words
      matched = true;
      break;
    }
    if (!matched) {
      const rest = normalized.slice(at);
      // `5x5 100`: the weight after SETSxREPS needs its unit, or else an @.
      const hint =
        at > 0 && /^[\d.]+(?: |$)/.test(rest)
          ? ' (a weight after SETSxREPS takes a unit or @: 5x5 100kg, 5x5@100)'
          : '';
      failList(`${quoteInput(at === 0 ? text : rest)} is not a set${hint}`);
    }
  }
  return sets;
}
