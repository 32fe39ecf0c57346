import { describe, expect, test } from 'vitest';
import { nextPlannedSet, plannedLoad } from '../../src/domain/routine/nextSet.js';
import { parseRoutine } from '../../src/domain/routine/parse.js';
import { type DoneSet, nextTarget, type PastSession } from '../../src/domain/routine/progression.js';
import { KG_PER_LB, type Unit } from '../../src/domain/units.js';

const plan = (line: string) => parseRoutine(line, 'plan').exercises[0]!;

/** A session as `100kg: 5 5 4` (bw: `bw+10kg: 8 8`), stored in kilograms as the log keeps it. */
function session(text: string): PastSession {
  const match = /^(bw\+?)?([\d.]*)(kg|lb)?: ([\d ]*)$/.exec(text);
  if (!match) throw new Error(`bad session ${text}`);
  const unit = (match[3] ?? 'kg') as Unit;
  const amount = Number(match[2] || '0');
  const weightKg = unit === 'lb' ? amount * KG_PER_LB : amount;
  const sets: DoneSet[] = match[4]!
    .split(' ')
    .filter(Boolean)
    .map((reps) => ({ weightKg, unit, bodyweight: match[1] !== undefined, reps: Number(reps) }));
  return { sets };
}

const BENCH = 'Bench Press: 3x5 @ 100kg, +2.5kg, deload 10% after 3 misses';
const OHP = 'Overhead Press: 3x8-12 @ 40kg, double progression +2.5kg';

describe('progression rules over made-up histories', () => {
  test.each([
    [BENCH, [], 100, 'the planned start'],
    [BENCH, ['100kg: 5 5 5'], 102.5, '+2.5 kg: every set hit its reps last time'],
    [BENCH, ['100kg: 5 5 5', '102.5kg: 5 5 5'], 105, '+2.5 kg: every set hit its reps last time'],
    [BENCH, ['100kg: 5 5 4'], 100, 'same weight: missed reps last time (1 of 3 before a deload)'],
    [BENCH, ['100kg: 5 5'], 100, 'same weight: missed reps last time (1 of 3 before a deload)'],
    [BENCH, ['100kg: 5 5 4', '100kg: 5 4 4'], 100, 'same weight: missed reps last time (2 of 3 before a deload)'],
    [BENCH, ['100kg: 5 5 4', '100kg: 5 4 4', '100kg: 4 4 3'], 90, 'deload 10% after 3 misses in a row'],
    // 102.5 × 0.9 = 92.25: down to the step's grid.
    [BENCH, ['102.5kg: 4 4 4', '102.5kg: 4 4 4', '102.5kg: 4 4 4'], 90, 'deload 10% after 3 misses in a row'],
    [
      BENCH,
      ['100kg: 4 4 4', '100kg: 4 4 4', '100kg: 4 4 4', '90kg: 4 4 4'],
      90,
      'same weight: missed reps last time (1 of 3 before a deload)',
    ],
    [BENCH, ['100kg: 4 4 4', '100kg: 4 4 4', '100kg: 5 5 5'], 102.5, '+2.5 kg: every set hit its reps last time'],
    [
      BENCH,
      ['100kg: 4 4 4', '100kg: 4 4 4', '100kg: 5 5 5', '102.5kg: 4 4 4'],
      102.5,
      'same weight: missed reps last time (1 of 3 before a deload)',
    ],
    // The log leads: a lighter session than planned carries on from what was lifted.
    [BENCH, ['95kg: 5 5 5'], 97.5, '+2.5 kg: every set hit its reps last time'],
    // A unit change: 225 lb is 102.06 kg, on the 2.5 kg grid 102.5, plus the step.
    [BENCH, ['225lb: 5 5 5'], 105, '+2.5 kg: every set hit its reps last time'],
    // And the other way: 100 kg is 220.46 lb, on the 5 lb grid 220.
    ['Squat: 3x5 @ 225lb, +5lb', ['100kg: 5 5 5'], 225, '+5 lb: every set hit its reps last time'],
    [OHP, ['40kg: 12 12 12'], 42.5, '+2.5 kg: every set hit its reps last time'],
    [OHP, ['40kg: 12 11 10'], 40, 'same weight until every set reaches 12 reps'],
    [OHP, ['40kg: 9 8 7'], 40, 'same weight: missed reps last time'],
    ['Dip: 3x10 bw', ['bw: 10 10 10'], 0, 'same weight as last time'],
    ['Chin Up: 3x5 @ bw+5kg, +2.5kg', ['bw+5kg: 5 5 5'], 7.5, '+2.5 kg: every set hit its reps last time'],
    ['Curl: 3x10', [], null, 'no weight planned yet'],
    ['Curl: 3x10', ['20lb: 10 10 10'], 20, 'same weight as last time'],
  ])('%s after %j: %s', (line, history, weight, reason) => {
    const target = nextTarget(plan(line), history.map(session));
    expect({ weight: target.weight, reason: target.reason }).toEqual({ weight, reason });
  });

  test("the unit: the step's, else the plan's, else the last session's", () => {
    expect(nextTarget(plan('Squat: 3x5 @ 225lb, +5lb'), []).unit).toBe('lb');
    expect(nextTarget(plan('Curl: 3x10'), [session('20lb: 10 10 10')]).unit).toBe('lb');
    expect(nextTarget(plan('Curl: 3x10'), []).unit).toBe('kg');
  });
});

describe('the next planned set', () => {
  const routine = parseRoutine('Squat: warmup 2x5 @ 50%, warmup 1x3 @ 60kg, 3x5 @ 101kg, +2.5kg\nDip: 3x8-12 bw', 'r');
  const counts = (squat: [number, number], dip: [number, number]) => (name: string) => {
    const [warmups, work] = name === 'Squat' ? squat : dip;
    return { warmups, work };
  };

  test.each([
    [[0, 0], [0, 0], 'Squat warmup 1/3 x5'],
    [[2, 0], [0, 0], 'Squat warmup 3/3 x3'],
    [[3, 1], [0, 0], 'Squat work 2/3 x5'],
    [[1, 3], [0, 0], 'Squat warmup 2/3 x5'],
    [[3, 3], [0, 2], 'Dip work 3/3 x8-12'],
    [[3, 4], [5, 3], 'done'],
  ] as const)('done %j and %j: %s', (squat, dip, expected) => {
    const next = nextPlannedSet(routine, counts([...squat], [...dip]));
    const shown =
      next &&
      `${next.exercise.name} ${next.kind} ${next.number}/${next.of} x${next.minReps}${next.maxReps === next.minReps ? '' : `-${next.maxReps}`}`;
    expect(shown ?? 'done').toBe(expected);
  });

  test('warm-up loads: a share of the target on the grid, or their own', () => {
    const target = nextTarget(routine.exercises[0]!, []);
    const load = (warmups: number) => plannedLoad(nextPlannedSet(routine, counts([warmups, 0], [0, 0]))!, target);
    // 50 % of 101 kg is 50.5: the nearest 2.5 kg is 50.
    expect(load(0)).toEqual({ weight: 50, unit: 'kg', bodyweight: false });
    expect(load(2)).toEqual({ weight: 60, unit: 'kg', bodyweight: false });
    expect(load(3)).toMatchObject({ weight: 101, unit: 'kg', bodyweight: false });
  });
});
