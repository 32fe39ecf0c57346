import { describe, expect, test } from 'vitest';
import { formatDuration, parseDuration } from '../../src/domain/routine/duration.js';
import { parseRoutine } from '../../src/domain/routine/parse.js';
import { printRoutine } from '../../src/domain/routine/print.js';
import { UsageError } from '../../src/errors.js';

const PUSH = `# Push A
rest 3m
Bench Press: 3x5 @ 100kg, +2.5kg when all reps done
Overhead Press: 3x8-12 @ 40kg, double progression +2.5kg
Dip: 3x10 bw
Squat: warmup 2x5 @ 50%, warmup 1x3 @ 80%, 3x5 @ 225lb, +5lb, deload 10% after 3 misses, rest 4m  # heavy
Pull Up: 4x6-10 @ bw+10kg, rest 90s
`;

describe('routine grammar', () => {
  test('reads every kind of item', () => {
    const routine = parseRoutine(PUSH, 'push.txt');
    expect(routine.restSeconds).toBe(180);
    expect(routine.exercises).toEqual([
      {
        name: 'Bench Press',
        warmups: [],
        work: { sets: 3, minReps: 5, maxReps: 5 },
        load: { kind: 'weight', weight: '100', unit: 'kg' },
        progression: { kind: 'linear', step: { amount: '2.5', unit: 'kg' } },
        deload: null,
        restSeconds: null,
      },
      {
        name: 'Overhead Press',
        warmups: [],
        work: { sets: 3, minReps: 8, maxReps: 12 },
        load: { kind: 'weight', weight: '40', unit: 'kg' },
        progression: { kind: 'double', step: { amount: '2.5', unit: 'kg' } },
        deload: null,
        restSeconds: null,
      },
      {
        name: 'Dip',
        warmups: [],
        work: { sets: 3, minReps: 10, maxReps: 10 },
        load: { kind: 'bodyweight', added: '0', unit: 'kg' },
        progression: { kind: 'none' },
        deload: null,
        restSeconds: null,
      },
      {
        name: 'Squat',
        warmups: [
          { sets: 2, reps: 5, load: { kind: 'percent', percent: 50 } },
          { sets: 1, reps: 3, load: { kind: 'percent', percent: 80 } },
        ],
        work: { sets: 3, minReps: 5, maxReps: 5 },
        load: { kind: 'weight', weight: '225', unit: 'lb' },
        progression: { kind: 'linear', step: { amount: '5', unit: 'lb' } },
        deload: { percent: 10, misses: 3 },
        restSeconds: 240,
      },
      {
        name: 'Pull Up',
        warmups: [],
        work: { sets: 4, minReps: 6, maxReps: 10 },
        load: { kind: 'bodyweight', added: '10', unit: 'kg' },
        progression: { kind: 'none' },
        deload: null,
        restSeconds: 90,
      },
    ]);
  });

  test('prints a canonical form that reads back the same', () => {
    const printed = printRoutine(parseRoutine(PUSH, 'push.txt'));
    expect(printed).toBe(`rest 3m
Bench Press: 3x5 @ 100kg, +2.5kg when all reps done
Overhead Press: 3x8-12 @ 40kg, double progression +2.5kg
Dip: 3x10 @ bw
Squat: warmup 2x5 @ 50%, warmup 1x3 @ 80%, 3x5 @ 225lb, +5lb when all reps done, deload 10% after 3 misses, rest 4m
Pull Up: 4x6-10 @ bw+10kg, rest 1m30s
`);
    expect(printRoutine(parseRoutine(printed, 'again'))).toBe(printed);
  });

  test("a weight without a unit takes the step's; spacing, case, × and CRLF do not matter", () => {
    const routine = parseRoutine(
      'Row:3X8 @ 135 ,+5LBS\r\nCurl :  warmup 1 × 10 @ 20, 3×10-15@30 , DOUBLE PROGRESSION +2.5KG\r\n',
      'r',
    );
    expect(routine.exercises.map((e) => [e.load, e.warmups[0]?.load])).toEqual([
      [{ kind: 'weight', weight: '135', unit: 'lb' }, undefined],
      [
        { kind: 'weight', weight: '30', unit: 'kg' },
        { kind: 'weight', weight: '20', unit: 'kg' },
      ],
    ]);
  });

  test.each([
    [
      'Bench Press 3x5',
      'x.txt:1: expected "EXERCISE: SETS" (e.g. "Bench Press: 3x5 @ 100kg") or "rest DURATION", found "bench"',
    ],
    [
      '\n\nBench: 3x5 @ 100kg, +2.5',
      "x.txt:3: expected the step's unit (kg or lb), e.g. +2.5kg, found the end of the line",
    ],
    ['Bench: 3x5 @ 100kg\nbench: 3x3', 'x.txt:2: "bench" is already planned on line 1'],
    ['Bench: 3x5 @ 1001kg', 'x.txt:1: the weight must be at most 1000 kg (1001 kg is more)'],
    ['Bench: 3x5 @ 100kg, +5lb', 'x.txt:1: the weight is in kg but the step in lb; use one unit'],
    ['Bench: 3x12-8', 'x.txt:1: the rep range 12-8 must go up'],
    ['Bench: 3x5, double progression +2.5kg', 'x.txt:1: double progression needs a rep range, e.g. 3x8-12'],
    ['Bench: 3x5 @ 99999999999999kg', 'x.txt:1: number "999999999999…" is too long'],
    ['Bench: ٣x5', 'x.txt:1: unexpected character "٣"'],
    ['Bench: 3x5 \u001b[31m', 'x.txt:1: control character U+001b'],
    ['Bench: 3x5, deload 10% after 3', 'x.txt:1: expected "misses", found the end of the line'],
    ['Bench: warmup 2x5 @ 50%, 3x5', 'x.txt:1: a warm-up in % needs a working weight, e.g. 3x5 @ 100kg'],
    ['Bench: +2.5kg', 'x.txt:1: no working sets; give them as SETSxREPS, e.g. 3x5 or 3x8-12'],
    ['Bench: 3x5, 3x3', 'x.txt:1: the working sets is given twice'],
    ['Bench: 21x5', 'x.txt:1: sets must be a whole number from 1 to 20'],
    ['rest 2h\nBench: 3x5', 'x.txt:1: expected a duration unit (s or m), found "h"'],
    ['rest 61m\nBench: 3x5', 'x.txt:1: a rest must be from 1 second to 60 minutes'],
    ['# nothing\n\n', 'x.txt:3: no exercises; write one per line, e.g. "Bench Press: 3x5 @ 100kg"'],
    [': 3x5', 'x.txt:1: the exercise name must not be empty'],
  ])('%j is refused with one line', (text, message) => {
    expect(() => parseRoutine(text, 'x.txt')).toThrow(new UsageError(message));
  });

  test('durations', () => {
    expect(['90', '90s', '1m30s', '1m 30s', '1 min 30 sec'].map((text) => parseDuration(text))).toEqual([
      90, 90, 90, 90, 90,
    ]);
    expect([45, 60, 90, 3600].map(formatDuration)).toEqual(['45s', '1m', '1m30s', '60m']);
    expect(() => parseDuration('1.5m')).toThrow(
      new UsageError('DURATION "1.5m": a duration is whole seconds or minutes (90, 90s, 3m, 2m30s)'),
    );
    expect(() => parseDuration('3m x')).toThrow(
      new UsageError('DURATION "3m x": expected the end of the duration, found "x"'),
    );
  });
});
