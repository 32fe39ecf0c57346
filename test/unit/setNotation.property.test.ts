import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseSetOptions } from '../../src/commands/set/setInput.js';
import { LIMITS } from '../../src/domain/limits.js';
import { canonicalDecimal, parseSetNotation, type SetInput } from '../../src/domain/setNotation.js';
import { toKg, type Unit, unitFromWord } from '../../src/domain/units.js';
import { fullwidth, hostileText, outcome, spacing } from '../helpers/properties.js';

const RUNS = { numRuns: 3000 };

/**
 * An independent, deliberately simple reading of SET: fold fullwidth forms to ASCII,
 * drop every space, lower-case, then match. Whatever the real parser accepts must read
 * the same here: the parser may refuse more (e.g. `1 00x5`), never read a number differently.
 */
function reference(text: string): SetInput | undefined {
  let folded = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (/\s/.test(char)) continue;
    folded += code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : char;
  }
  const match = /^(?:bw(?:\+(\d+(?:\.\d+)?)([a-z]*))?|(\d+(?:\.\d+)?)([a-z]*))[x×](\d+)$/.exec(folded.toLowerCase());
  if (!match) return undefined;
  const [, added, addedUnit, weight, unitWord, reps] = match;
  const word = (added === undefined ? unitWord : addedUnit) ?? '';
  return {
    weight: canonicalDecimal(weight ?? added ?? '0'),
    unit: word === '' ? undefined : unitFromWord(word),
    bodyweight: weight === undefined,
    reps: Number(reps),
  };
}

const unitWords = fc.constantFrom(undefined, 'kg', 'KG', 'Kg', 'kgs', 'lb', 'LB', 'lbs', 'Lbs');
const reps = fc.integer({ min: 1, max: LIMITS.maxReps });
/** A weight as typed: up to 5 integer digits (leading zeros allowed), up to 3 decimals. */
const weightText = fc
  .tuple(
    fc.integer({ min: 0, max: 2204 }),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 999 }),
    fc.integer({ min: 0, max: 1 }),
  )
  .map(([whole, decimals, fraction, zeros]) => {
    const wholeText = `${'0'.repeat(zeros)}${whole}`.slice(-5);
    return decimals === 0 ? wholeText : `${wholeText}.${String(fraction).padStart(3, '0').slice(0, decimals)}`;
  });

type Typed = { text: string; expected: SetInput };

/** A valid set, written the many ways people write it. */
const typedSet: fc.Arbitrary<Typed> = fc
  .record({
    bodyweight: fc.boolean(),
    hasLoad: fc.boolean(),
    weight: weightText,
    unitWord: unitWords,
    reps,
    repsZeros: fc.integer({ min: 0, max: 1 }),
    times: fc.constantFrom('x', 'X', '×'),
    bw: fc.constantFrom('bw', 'BW', 'Bw'),
    spaces: fc.array(spacing, { minLength: 6, maxLength: 6 }),
    wide: fc.boolean(),
  })
  .filter(({ weight, unitWord }) => toKg(Number(weight), unitFromWord(unitWord ?? 'kg') as Unit) <= LIMITS.maxWeightKg)
  .map(({ bodyweight, hasLoad, weight, unitWord, reps: count, repsZeros, times, bw, spaces: s, wide }) => {
    const load = `${weight}${s[1]}${unitWord ?? ''}`;
    const head = bodyweight ? (hasLoad ? `${bw}${s[2]}+${s[3]}${load}` : bw) : load;
    const repsText = `${'0'.repeat(repsZeros)}${count}`;
    const text = `${s[0]}${head}${s[4]}${times}${s[5]}${repsText}${s[0]}`;
    const withLoad = !bodyweight || hasLoad;
    return {
      text: wide ? fullwidth(text) : text,
      expected: {
        weight: withLoad ? canonicalDecimal(weight) : '0',
        unit: withLoad && unitWord ? unitFromWord(unitWord) : undefined,
        bodyweight,
        reps: count,
      },
    };
  });

function format(set: SetInput): string {
  const unit = set.unit ?? '';
  if (set.bodyweight)
    return set.weight === '0' && !set.unit ? `bw x ${set.reps}` : `bw+${set.weight}${unit} x ${set.reps}`;
  return `${set.weight}${unit} x ${set.reps}`;
}

describe('SET notation (property-based)', () => {
  test('every well-formed set is read exactly, and its canonical form reads back the same', () => {
    fc.assert(
      fc.property(typedSet, ({ text, expected }) => {
        const parsed = parseSetNotation(text);
        expect(parsed).toEqual(expected);
        expect(parseSetNotation(format(parsed))).toEqual(parsed);
      }),
      RUNS,
    );
  });

  test('any input is either read as the reference reads it, or refused with a UsageError naming SET', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText(),
          typedSet.map((typed) => typed.text),
        ),
        (text) => {
          const result = outcome(() => parseSetNotation(text), 'SET');
          if (!result.accepted) return;
          const set = result.value;
          expect(reference(text)).toEqual(set);
          expect(set.weight).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/);
          expect(toKg(Number(set.weight), set.unit ?? 'kg')).toBeLessThanOrEqual(LIMITS.maxWeightKg);
          expect(Number.isInteger(set.reps) && set.reps >= 1 && set.reps <= LIMITS.maxReps).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  test('--weight and --reps: read exactly or refused naming the flag', () => {
    const number = fc.oneof(
      hostileText(),
      weightText,
      fc.integer({ min: -5, max: 1005 }).map(String),
      spacing.map((s) => `${s}100${s}`),
    );
    fc.assert(
      fc.property(number, number, fc.constantFrom(undefined, 'kg', 'lb', 'LBS', 'stone'), (weight, reps, unit) => {
        const result = outcome(
          () => parseSetOptions('tester', 'Bench', undefined, { weight, reps, unit }),
          ['--weight', '--reps', '--unit'],
        );
        if (!result.accepted) return;
        const set = result.value;
        expect(set.reps).toBe(Number(reps.trim()));
        expect(set.reps >= 1 && set.reps <= LIMITS.maxReps).toBe(true);
        if (set.bodyweight) expect(weight.trim().toLowerCase()).toBe('bw');
        else expect(set.weight).toBe(canonicalDecimal(weight.trim()));
        expect(toKg(Number(set.weight), set.unit ?? 'kg')).toBeLessThanOrEqual(LIMITS.maxWeightKg);
      }),
      RUNS,
    );
  });

  test.each([
    '1e3x5',
    '1E3 x 5',
    '１e３x5',
    '100,5x5',
    '100,5 kg x 5',
    '100٫5x5',
    '١٠٠x5',
    '100x٥',
    '۱۰۰x5',
    '१००x5',
    '100x5x3',
    '100 x 5 x 3',
    '100x5 3',
    '1 00x5',
    '100x⁵',
    '¹⁰⁰x5',
    '½x5',
    '①⓪⓪x5',
    '𝟏𝟎𝟎x5',
    '100.5.5x5',
    '.5x5',
    '5.x5',
    '100.1234x5',
    '-100x5',
    '+100x5',
    '100x-5',
    '100x5.5',
    '100x0',
    '100x1001',
    '1000.001x5',
    '2204.623lb x 5',
    'Infinityx5',
    'NaNx5',
    'x5',
    '100x',
    '100kgx',
    'bw-20x5',
    'bw+x5',
    '100 kilo x5',
    '100x5kg',
    '100\u200bx5',
    '100x5\u0000',
    '100\u202ex5',
    '100\u0301x5',
    '',
    '   ',
    '\u3000',
    '100 x 5 reps',
    '100_000x5',
  ])('refuses %j with a UsageError naming SET', (text) => {
    const result = outcome(() => parseSetNotation(text), 'SET');
    expect(result.accepted).toBe(false);
  });

  test.each([
    ['100x5', { weight: '100', unit: undefined, bodyweight: false, reps: 5 }],
    ['１００ｘ５', { weight: '100', unit: undefined, bodyweight: false, reps: 5 }],
    ['１００．５ｋｇ × ５', { weight: '100.5', unit: 'kg', bodyweight: false, reps: 5 }],
    ['100\u00a0x\u3000 5', { weight: '100', unit: undefined, bodyweight: false, reps: 5 }],
    ['  007.50 KGS x 05 ', { weight: '7.5', unit: 'kg', bodyweight: false, reps: 5 }],
    ['0x10', { weight: '0', unit: undefined, bodyweight: false, reps: 10 }],
    ['BW×12', { weight: '0', unit: undefined, bodyweight: true, reps: 12 }],
    ['bw + 20 lb x 5', { weight: '20', unit: 'lb', bodyweight: true, reps: 5 }],
    ['2204.622 lb x 1', { weight: '2204.622', unit: 'lb', bodyweight: false, reps: 1 }],
    ['1000x1000', { weight: '1000', unit: undefined, bodyweight: false, reps: 1000 }],
  ] as const)('reads %j exactly', (text, expected) => {
    expect(parseSetNotation(text)).toEqual(expected);
  });
});
