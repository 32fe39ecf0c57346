import { UsageError } from '../../errors.js';
import { LIMITS, nameSchema } from '../limits.js';
import { quoteInput } from '../quoteInput.js';
import { checkWeight } from '../setNotation.js';
import { type Unit, unitFromWord } from '../units.js';
import { readDuration } from './duration.js';
import { RoutineSyntaxError, TokenReader, tokenize } from './tokens.js';
import type { Deload, ExercisePlan, Load, Progression, Routine, SetScheme, WarmUp, WarmUpLoad } from './types.js';

export const ROUTINE_LIMITS = {
  lines: 200,
  lineLength: 300,
  /** Also a CHECK on routine.source (sql/migrations/010_routines.sql allows a BOM more). */
  characters: 60_000,
  sets: 20,
  deloadPercent: 90,
  misses: 20,
} as const;

// C0 and C1 controls; a tab is a space, and \r\n line ends are split off before this check.
const CONTROL = /(?!\t)\p{Cc}/u;

/**
 * Reads a routine. The first problem stops it, as `SOURCE:LINE: problem` (UsageError,
 * exit 2): `source` names where the text came from (a file, `<stdin>`, the routine);
 * `linesBefore` lines precede the text where the person sees it (an editor's header).
 */
export function parseRoutine(text: string, source: string, linesBefore = 0): Routine {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const routine: Routine = { restSeconds: null, exercises: [] };
  const seen = new Map<string, number>();
  let characters = 0;
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    // At most what the text holds (a line end may be \r\n): the database's CHECK is on the stored text.
    characters += line.length + 2;
    try {
      if (lineNumber > ROUTINE_LIMITS.lines && line.trim() !== '') {
        throw new RoutineSyntaxError(`a routine holds at most ${ROUTINE_LIMITS.lines} lines`);
      }
      if (characters > ROUTINE_LIMITS.characters) {
        throw new RoutineSyntaxError(`a routine holds at most ${ROUTINE_LIMITS.characters} characters`);
      }
      readLine(line, routine, seen, lineNumber);
    } catch (error) {
      if (error instanceof RoutineSyntaxError || error instanceof UsageError) {
        throw new UsageError(`${source}:${linesBefore + lineNumber}: ${error.message}`);
      }
      throw error;
    }
  });
  if (routine.exercises.length === 0) {
    throw new UsageError(
      `${source}:${lines.length}: no exercises; write one per line, e.g. "Bench Press: 3x5 @ 100kg"`,
    );
  }
  return routine;
}

function readLine(line: string, routine: Routine, seen: Map<string, number>, lineNumber: number): void {
  if ([...line].length > ROUTINE_LIMITS.lineLength) {
    throw new RoutineSyntaxError(`the line is longer than ${ROUTINE_LIMITS.lineLength} characters`);
  }
  const control = CONTROL.exec(line);
  if (control)
    throw new RoutineSyntaxError(`control character U+${control[0].codePointAt(0)!.toString(16).padStart(4, '0')}`);
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return;
  const colon = line.indexOf(':');
  if (colon < 0) {
    const reader = new TokenReader(tokenize(line));
    if (!reader.accept('rest')) reader.fail('"EXERCISE: SETS" (e.g. "Bench Press: 3x5 @ 100kg") or "rest DURATION"');
    if (routine.restSeconds !== null) throw new RoutineSyntaxError("the routine's rest is given twice");
    routine.restSeconds = readDuration(reader);
    if (!reader.atEnd()) reader.fail('the end of the line');
    return;
  }
  const name = readName(line.slice(0, colon));
  const earlier = seen.get(name.toLowerCase());
  if (earlier !== undefined) throw new RoutineSyntaxError(`${quoteInput(name)} is already planned on line ${earlier}`);
  seen.set(name.toLowerCase(), lineNumber);
  routine.exercises.push(readExercise(name, new TokenReader(tokenize(line.slice(colon + 1)))));
}

function readName(text: string): string {
  const result = nameSchema('the exercise name').safeParse(text);
  if (!result.success) throw new RoutineSyntaxError(result.error.issues[0]?.message ?? 'bad exercise name');
  // A lone surrogate (half an emoji) cannot be stored as text.
  if (/\p{Cs}/u.test(result.data)) throw new RoutineSyntaxError('the exercise name holds a broken character');
  return result.data;
}

/** What a line's items set; each at most once, warm-ups any number of times. */
type Parts = Omit<ExercisePlan, 'name' | 'work' | 'progression'> & {
  work?: SetScheme;
  loadUnit?: Unit;
  progression?: Progression;
  /** Warm-ups whose weight named no unit: they take the exercise's. */
  unitless: WarmUp[];
};

function readExercise(name: string, reader: TokenReader): ExercisePlan {
  const parts: Parts = { warmups: [], load: null, deload: null, restSeconds: null, unitless: [] };
  do readItem(reader, parts);
  while (reader.accept(','));
  if (!reader.atEnd()) reader.fail('"," and the next item');
  if (!parts.work) throw new RoutineSyntaxError('no working sets; give them as SETSxREPS, e.g. 3x5 or 3x8-12');
  const progression = parts.progression ?? { kind: 'none' };
  if (progression.kind === 'double' && parts.work.minReps === parts.work.maxReps) {
    throw new RoutineSyntaxError('double progression needs a rep range, e.g. 3x8-12');
  }
  const stepUnit = progression.kind === 'none' ? undefined : progression.step.unit;
  const load = parts.load && parts.loadUnit === undefined && stepUnit ? { ...parts.load, unit: stepUnit } : parts.load;
  if (load && stepUnit && load.unit !== stepUnit) {
    throw new RoutineSyntaxError(`the weight is in ${load.unit} but the step in ${stepUnit}; use one unit`);
  }
  for (const warmup of parts.unitless) {
    if (warmup.load && warmup.load.kind !== 'percent')
      warmup.load = { ...warmup.load, unit: load?.unit ?? stepUnit ?? 'kg' };
  }
  if (parts.warmups.some((warmup) => warmup.load?.kind === 'percent') && load?.kind !== 'weight') {
    throw new RoutineSyntaxError('a warm-up in % needs a working weight, e.g. 3x5 @ 100kg');
  }
  return {
    name,
    warmups: parts.warmups,
    work: parts.work,
    load,
    progression,
    deload: parts.deload,
    restSeconds: parts.restSeconds,
  };
}

function once<K extends keyof Parts>(parts: Parts, key: K, value: Parts[K], what: string): void {
  const held = parts[key];
  if (held !== undefined && held !== null) throw new RoutineSyntaxError(`${what} is given twice`);
  parts[key] = value;
}

function readItem(reader: TokenReader, parts: Parts): void {
  const token = reader.peek();
  if (token?.kind === 'number') {
    const work = readScheme(reader);
    once(parts, 'work', work, 'the working sets');
    if (reader.accept('@') || reader.peek()?.text === 'bw') {
      const { load, unitGiven } = readLoad(reader);
      parts.load = load;
      if (unitGiven) parts.loadUnit = load.unit;
    }
  } else if (reader.accept('warmup')) {
    const { sets, minReps, maxReps } = readScheme(reader);
    if (minReps !== maxReps) throw new RoutineSyntaxError('a warm-up has fixed reps, e.g. warmup 2x5 @ 50%');
    const { load, unitGiven } = reader.accept('@') ? readWarmUpLoad(reader) : { load: null, unitGiven: true };
    const warmup: WarmUp = { sets, reps: minReps, load };
    parts.warmups.push(warmup);
    if (!unitGiven) parts.unitless.push(warmup);
  } else if (reader.accept('+')) {
    once(parts, 'progression', { kind: 'linear', step: readStep(reader) }, 'the progression');
    if (reader.accept('when')) {
      for (const word of ['all', 'reps', 'done']) reader.expect(word, '"when all reps done"');
    }
  } else if (reader.accept('double')) {
    reader.expect('progression', '"double progression +STEP"');
    reader.expect('+', '"+" and a step, e.g. +2.5kg');
    once(parts, 'progression', { kind: 'double', step: readStep(reader) }, 'the progression');
  } else if (reader.accept('no')) {
    reader.expect('progression', '"no progression"');
    once(parts, 'progression', { kind: 'none' }, 'the progression');
  } else if (reader.accept('deload')) {
    once(parts, 'deload', readDeload(reader), 'the deload');
  } else if (reader.accept('rest')) {
    once(parts, 'restSeconds', readDuration(reader), 'the rest');
  } else {
    reader.fail('SETSxREPS, warmup, +STEP, double progression, no progression, deload or rest');
  }
}

function wholeNumber(text: string, what: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new RoutineSyntaxError(`${what} must be a whole number from ${min} to ${max}`);
  return value;
}

/** `3x5` or `3x8-12`. */
function readScheme(reader: TokenReader): SetScheme {
  const sets = wholeNumber(reader.number('a number of sets'), 'sets', 1, ROUTINE_LIMITS.sets);
  reader.expect('x', '"x" between sets and reps, e.g. 3x5');
  const minReps = wholeNumber(reader.number('reps'), 'reps', 1, LIMITS.maxReps);
  if (!reader.accept('-')) return { sets, minReps, maxReps: minReps };
  const maxReps = wholeNumber(reader.number('the top of the rep range'), 'reps', 1, LIMITS.maxReps);
  if (maxReps <= minReps) throw new RoutineSyntaxError(`the rep range ${minReps}-${maxReps} must go up`);
  return { sets, minReps, maxReps };
}

function readUnit(reader: TokenReader): Unit | undefined {
  const token = reader.peek();
  if (token?.kind !== 'word') return undefined;
  const unit = unitFromWord(token.text);
  if (unit) reader.word('a unit');
  return unit;
}

function readAmount(reader: TokenReader, what: string): { amount: string; unit: Unit | undefined } {
  const text = reader.number(what);
  const unit = readUnit(reader);
  try {
    return { amount: checkWeight(text, unit ?? 'kg', what), unit };
  } catch (error) {
    if (error instanceof UsageError) throw new RoutineSyntaxError(error.message);
    throw error;
  }
}

/** `100kg`, `100` (the step's unit, else kg), `bw`, `bw+10kg`. */
function readLoad(reader: TokenReader): { load: Load; unitGiven: boolean } {
  if (reader.accept('bw')) {
    if (!reader.accept('+')) return { load: { kind: 'bodyweight', added: '0', unit: 'kg' }, unitGiven: false };
    const { amount, unit } = readAmount(reader, 'the added weight');
    return { load: { kind: 'bodyweight', added: amount, unit: unit ?? 'kg' }, unitGiven: unit !== undefined };
  }
  const { amount, unit } = readAmount(reader, 'the weight');
  return { load: { kind: 'weight', weight: amount, unit: unit ?? 'kg' }, unitGiven: unit !== undefined };
}

function readWarmUpLoad(reader: TokenReader): { load: WarmUpLoad; unitGiven: boolean } {
  if (reader.peek()?.kind === 'number' && reader.peek(1)?.text === '%') {
    const percent = wholeNumber(reader.number('a percentage'), 'a warm-up percentage', 1, 100);
    reader.expect('%');
    return { load: { kind: 'percent', percent }, unitGiven: true };
  }
  return readLoad(reader);
}

function readStep(reader: TokenReader): { amount: string; unit: Unit } {
  const { amount, unit } = readAmount(reader, 'the step');
  if (unit === undefined) reader.fail("the step's unit (kg or lb), e.g. +2.5kg");
  if (Number(amount) === 0) throw new RoutineSyntaxError('the step must be more than 0');
  return { amount, unit };
}

/** `deload 10% after 3 misses`. */
function readDeload(reader: TokenReader): Deload {
  const percent = wholeNumber(
    reader.number('a percentage, e.g. deload 10% after 3 misses'),
    'the deload',
    1,
    ROUTINE_LIMITS.deloadPercent,
  );
  reader.expect('%', '"%", e.g. deload 10% after 3 misses');
  reader.expect('after', '"after", e.g. deload 10% after 3 misses');
  const misses = wholeNumber(reader.number('a number of misses'), 'misses', 1, ROUTINE_LIMITS.misses);
  if (!reader.accept('misses') && !reader.accept('miss')) reader.fail('"misses"');
  return { percent, misses };
}
