import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_REST_SECONDS } from '../../src/domain/routine/duration.js';
import { parseRoutine, ROUTINE_LIMITS } from '../../src/domain/routine/parse.js';
import { printRoutine } from '../../src/domain/routine/print.js';
import type { ExercisePlan, Load, Progression, Routine, WarmUp } from '../../src/domain/routine/types.js';
import { canonicalDecimal } from '../../src/domain/setNotation.js';
import type { Unit } from '../../src/domain/units.js';
import { hostileText, outcome } from '../helpers/properties.js';

const RUNS = { numRuns: 1500 };

const unit = fc.constantFrom<Unit>('kg', 'lb');
/** Exact decimal text in canonical form, at most 1000 kg (2204 lb). */
const amount = (u: Unit, min = 0) =>
  fc
    .tuple(fc.integer({ min, max: u === 'kg' ? 999 : 2203 }), fc.constantFrom('', '.5', '.25', '.125', '.75'))
    .map(([whole, fraction]) => canonicalDecimal(`${whole}${fraction}`));
const rest = fc.option(fc.integer({ min: 1, max: MAX_REST_SECONDS }), { nil: null });
const NAMES = ['Bench Press', 'squat', 'Développé couché', '深蹲', 'Row #2', 'Pull-up (wide)', 'OHP 😀', 'Ring Dip'];

function exercise(name: string): fc.Arbitrary<ExercisePlan> {
  return fc
    .record({
      unit,
      sets: fc.integer({ min: 1, max: ROUTINE_LIMITS.sets }),
      minReps: fc.integer({ min: 1, max: 999 }),
      range: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
      progression: fc.constantFrom('none', 'linear', 'double'),
      loadKind: fc.constantFrom('none', 'weight', 'bodyweight'),
      deload: fc.option(
        fc.record({ percent: fc.integer({ min: 1, max: 90 }), misses: fc.integer({ min: 1, max: 20 }) }),
        { nil: null },
      ),
      restSeconds: rest,
      warmupCount: fc.integer({ min: 0, max: 3 }),
    })
    .chain((shape) =>
      fc
        .record({
          step: amount(shape.unit, 1),
          weight: amount(shape.unit),
          warmups: fc.array(
            fc.record({
              sets: fc.integer({ min: 1, max: ROUTINE_LIMITS.sets }),
              reps: fc.integer({ min: 1, max: 1000 }),
              load: fc.oneof(
                fc.constant(null),
                fc.integer({ min: 1, max: 100 }).map((percent) => ({ kind: 'percent', percent }) as const),
                amount(shape.unit).map((weight) => ({ kind: 'weight', weight, unit: shape.unit }) as const),
              ),
            }),
            { minLength: shape.warmupCount, maxLength: shape.warmupCount },
          ),
        })
        .map(({ step, weight, warmups }): ExercisePlan => {
          const maxReps = Math.min(1000, shape.minReps + (shape.range ?? (shape.progression === 'double' ? 1 : 0)));
          const progression: Progression =
            shape.progression === 'none'
              ? { kind: 'none' }
              : ({ kind: shape.progression, step: { amount: step, unit: shape.unit } } as Progression);
          // `bw` alone names no unit: it reads as the step's, else kg.
          const bareUnit = shape.progression === 'none' ? 'kg' : shape.unit;
          const load: Load | null =
            shape.loadKind === 'weight'
              ? { kind: 'weight', weight, unit: shape.unit }
              : shape.loadKind === 'bodyweight'
                ? { kind: 'bodyweight', added: weight, unit: weight === '0' ? bareUnit : shape.unit }
                : null;
          const allowed: WarmUp[] = warmups.filter((w) => w.load?.kind !== 'percent' || load?.kind === 'weight');
          return {
            name,
            warmups: allowed,
            work: { sets: shape.sets, minReps: shape.minReps, maxReps },
            load,
            progression,
            deload: shape.deload,
            restSeconds: shape.restSeconds,
          };
        }),
    );
}

const routine: fc.Arbitrary<Routine> = fc
  .uniqueArray(fc.constantFrom(...NAMES), {
    minLength: 1,
    maxLength: NAMES.length,
    comparator: (a, b) => a.toLowerCase() === b.toLowerCase(),
  })
  .chain((names) => fc.record({ restSeconds: rest, exercises: fc.tuple(...names.map(exercise)) }))
  .map(({ restSeconds, exercises }) => ({ restSeconds, exercises: [...exercises] }));

describe('routine grammar, properties', () => {
  test('any routine prints to text that reads back to it, and the print is stable', () => {
    fc.assert(
      fc.property(routine, (planned) => {
        const text = printRoutine(planned);
        const read = parseRoutine(text, 'generated');
        expect(read).toEqual(planned);
        expect(printRoutine(read)).toBe(text);
      }),
      RUNS,
    );
  });

  test('comments, blank lines and extra spaces change nothing', () => {
    fc.assert(
      fc.property(routine, fc.constantFrom('', ' ', '  ', '\t'), (planned, space) => {
        const lines = printRoutine(planned).trimEnd().split('\n');
        const spaced = lines.map((line) => `${space}${line.replaceAll(', ', `${space},${space} `)}${space}# a note`);
        const text = ['# title', '', ...spaced, ''].join('\r\n');
        expect(parseRoutine(text, 'spaced')).toEqual(planned);
      }),
      RUNS,
    );
  });

  test('hostile text is a routine or one line naming a line of it, never another error', () => {
    const line = fc.oneof(
      hostileText([
        'Bench:',
        ': ',
        '3x5',
        '@',
        '%',
        'warmup',
        'deload',
        'after',
        'misses',
        'rest',
        'double progression',
        '#',
        '99999999999',
      ]),
      routine.map((planned) => printRoutine(planned).split('\n')[0]!),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const result = outcome(() => parseRoutine(text, 'hostile'), 'hostile:');
        if (result.accepted) return;
        const lineNumber = Number(/^hostile:(\d+): ./.exec(result.message)?.[1]);
        expect(lineNumber).toBeGreaterThanOrEqual(1);
        expect(lineNumber).toBeLessThanOrEqual(text.split(/\r?\n/).length);
      }),
      RUNS,
    );
  });
});
