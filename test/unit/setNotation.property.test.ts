import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseSetOptions } from '../../src/commands/set/setInput.js';
import { LIMITS } from '../../src/domain/limits.js';
import { MAX_SETS_PER_COMMAND, parseSetList, type WrittenSet } from '../../src/domain/setList.js';
import { canonicalDecimal, fold, parseSetNotation, type SetInput } from '../../src/domain/setNotation.js';
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

/** One word of a `set add` list, written in one of the multi-set forms, with the sets it stands for. */
type TypedWord = { text: string; expected: WrittenSet[] };

const count = fc.integer({ min: 1, max: 5 });
const repsList = fc.array(reps, { minLength: 1, maxLength: 4 });
const unitWord = fc.constantFrom('kg', 'KG', 'kgs', 'lb', 'lbs');
/** A load under 1000 kg whatever its unit: 0-999.999. */
const lightWeight = weightText.filter((weight) => Number(weight) < 1000);

const word: fc.Arbitrary<TypedWord> = fc.oneof(
  // Every one-set form (`100x5`, `bw + 20 kg x 5`, …).
  typedSet.map(({ text, expected }) => ({ text, expected: [{ kind: 'absolute' as const, ...expected }] })),
  // 100x5,5,4
  fc
    .record({ weight: lightWeight, unit: fc.option(unitWord, { nil: undefined }), reps: repsList, comma: spacing })
    .map(({ weight, unit, reps: list, comma }) => ({
      text: `${weight}${unit ?? ''}x${list.join(`${comma},${comma}`)}`,
      expected: list.map((r) => ({
        kind: 'absolute' as const,
        weight: canonicalDecimal(weight),
        unit: unit === undefined ? undefined : unitFromWord(unit),
        bodyweight: false,
        reps: r,
      })),
    })),
  // 3x5@100, 3x5 @ bw+10kg, 5x5 100kg, 3x10 bw
  fc
    .record({
      sets: count,
      reps,
      weight: lightWeight,
      unit: unitWord,
      bodyweight: fc.boolean(),
      at: fc.boolean(),
      withUnit: fc.boolean(),
    })
    .map(({ sets, reps: r, weight, unit, bodyweight, at, withUnit }) => {
      const hasUnit = withUnit || !at; // without @, a weight needs its unit
      const load = bodyweight ? (withUnit ? `bw+${weight}${unit}` : 'bw') : `${weight}${hasUnit ? unit : ''}`;
      const set = {
        kind: 'absolute' as const,
        weight: bodyweight && !withUnit ? '0' : canonicalDecimal(weight),
        unit: (bodyweight ? withUnit : hasUnit) ? unitFromWord(unit) : undefined,
        bodyweight,
        reps: r,
      };
      return { text: `${sets}x${r}${at ? ' @ ' : ' '}${load}`, expected: Array.from({ length: sets }, () => set) };
    }),
  // +2.5x5,5,5 and -5 lb x 8
  fc
    .record({
      sign: fc.constantFrom('+', '-'),
      change: weightText,
      unit: fc.option(unitWord, { nil: undefined }),
      reps: repsList,
    })
    .map(({ sign, change, unit, reps: list }) => {
      const amount = canonicalDecimal(change);
      const signed = sign === '-' && amount !== '0' ? `-${amount}` : amount;
      return {
        text: `${sign}${change}${unit ?? ''}x${list.join(',')}`,
        expected: list.map((r, index) => ({
          kind: 'relative' as const,
          change: index === 0 ? signed : '0',
          unit: unit === undefined ? undefined : unitFromWord(unit),
          reps: r,
        })),
      };
    }),
  fc.constantFrom('same', 'SAME', '=').map((text) => ({ text, expected: [{ kind: 'same' as const }] })),
);

/**
 * The one reading the grammar settles by rule: after SETSxREPS, `bw +5x3` (a space
 * before the +) is bodyweight sets, then a relative set, never `bw+5 x3`.
 */
const ambiguous = (words: TypedWord[]) =>
  words.some((w, index) => /^\d+ ?[x×] ?\d+$/.test(fold(w.text)) && /^bw \+/.test(fold(words[index + 1]?.text ?? '')));

describe('SET lists of set add (property-based)', () => {
  test('words in any of the forms, one after another, read as the sets each stands for, in order', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        fc.pre(!ambiguous(words));
        const expected = words.flatMap((w) => w.expected);
        const text = words.map((w) => w.text).join(' ');
        if (expected.length > MAX_SETS_PER_COMMAND) {
          expect(outcome(() => parseSetList(text), 'SET').accepted).toBe(false);
          return;
        }
        expect(parseSetList(text)).toEqual(expected);
      }),
      RUNS,
    );
  });

  test('any input is refused with a UsageError naming SET, or read as at most 50 well-formed sets', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText(['same', '=', '@', ',', '+2.5', '-5', ' 100kg']),
          fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.map((w) => w.text).join(' ')),
        ),
        (text) => {
          const result = outcome(() => parseSetList(text), 'SET');
          if (!result.accepted) return;
          expect(result.value.length).toBeGreaterThanOrEqual(1);
          expect(result.value.length).toBeLessThanOrEqual(MAX_SETS_PER_COMMAND);
          for (const set of result.value) {
            if (set.kind === 'same') continue;
            expect(Number.isInteger(set.reps) && set.reps >= 1 && set.reps <= LIMITS.maxReps).toBe(true);
            if (set.kind === 'absolute') {
              expect(set.weight).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/);
              expect(toKg(Number(set.weight), set.unit ?? 'kg')).toBeLessThanOrEqual(LIMITS.maxWeightKg);
            } else {
              expect(set.change).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/);
              expect(set.change).not.toBe('-0');
            }
          }
          // A text the one-set parser reads is that one set here too.
          const single = outcome(() => parseSetNotation(text), 'SET');
          if (single.accepted) expect(result.value).toEqual([{ kind: 'absolute', ...single.value }]);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
