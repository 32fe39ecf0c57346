import { describe, expect, test } from 'vitest';
import {
  canonicalDecimal,
  checkReps,
  checkWeight,
  parseSetNotation,
  parseUnit,
  type SetInput,
} from '../../src/domain/setNotation.js';
import { UsageError } from '../../src/errors.js';

const set = (weight: string, unit: SetInput['unit'], reps: number, bodyweight = false): SetInput => ({
  weight,
  unit,
  bodyweight,
  reps,
});

describe('parseSetNotation', () => {
  test.each<[string, SetInput]>([
    ['100x5', set('100', undefined, 5)],
    ['100 x 5', set('100', undefined, 5)],
    ['100X5', set('100', undefined, 5)],
    ['100×5', set('100', undefined, 5)],
    ['102.5x3', set('102.5', undefined, 3)],
    ['102.50x3', set('102.5', undefined, 3)],
    ['0100.000x3', set('100', undefined, 3)],
    ['100kg x5', set('100', 'kg', 5)],
    ['100 KGS x 5', set('100', 'kg', 5)],
    ['225lb x 5', set('225', 'lb', 5)],
    ['225 lbs x 5', set('225', 'lb', 5)],
    ['  225lb   x   5  ', set('225', 'lb', 5)],
    ['bw x 12', set('0', undefined, 12, true)],
    ['BWx12', set('0', undefined, 12, true)],
    ['bw+20x5', set('20', undefined, 5, true)],
    ['bw + 20 kg x 5', set('20', 'kg', 5, true)],
    ['bw+45lb x 3', set('45', 'lb', 3, true)],
    ['１００x5', set('100', undefined, 5)], // full-width digits normalise (NFKC) to ASCII
    ['0x5', set('0', undefined, 5)],
    ['1000x1', set('1000', undefined, 1)],
    ['100x1000', set('100', undefined, 1000)],
    ['2204.622lb x 1', set('2204.622', 'lb', 1)], // 999.9998 kg: just under the limit
  ])('%j', (text, expected) => {
    expect(parseSetNotation(text)).toEqual(expected);
  });

  test.each<[string, RegExp]>([
    ['', /^SET is empty; accepted forms: /],
    ['   ', /^SET is empty/],
    ['100', /^SET "100" is not a set/],
    ['100x', /^SET "100x" is not a set/],
    ['x5', /^SET "x5" is not a set/],
    ['-100x5', /^SET "-100x5" is not a set/],
    ['abcx5', /^SET "abcx5" is not a set/],
    ['1e309x5', /^SET "1e309x5" is not a set/],
    ['1e3x5', /^SET "1e3x5" is not a set/],
    ['0x10x5', /^SET "0x10x5" is not a set/],
    ['100,5x5', /^SET "100,5x5" is not a set/],
    ['.5x5', /^SET ".5x5" is not a set/],
    ['100.x5', /^SET "100.x5" is not a set/],
    ['100.1234x5', /^SET "100.1234x5" is not a set/],
    ['123456x5', /^SET "123456x5" is not a set/],
    ['١٠٠x5', /^SET "١٠٠x5" is not a set/], // Arabic-Indic digits are refused, not guessed at
    ['100x5.5', /^SET "100x5.5" is not a set/],
    ['100x-5', /^SET "100x-5" is not a set/],
    ['100x0', /^SET reps must be a whole number from 1 to 1000$/],
    ['100x1001', /^SET reps must be a whole number from 1 to 1000$/],
    ['100x99999', /^SET reps must be a whole number from 1 to 1000$/],
    ['100stone x 5', /^SET has unknown unit "stone"; use kg or lb$/],
    ['100xx5', /^SET has unknown unit "x"; use kg or lb$/],
    ['100constructor x 5', /^SET has unknown unit "constructor"; use kg or lb$/],
    ['bw+20stone x 5', /^SET has unknown unit "stone"/],
    ['1001x1', /^SET weight must be at most 1000 kg \(1001 kg is more\)$/],
    ['2205lb x 1', /^SET weight must be at most 1000 kg \(2205 lb is more\)$/],
    ['bw+1001x1', /^SET weight must be at most 1000 kg/],
    ['bw-20x5', /^SET "bw-20x5" is not a set/],
    ['bw x', /^SET "bw x" is not a set/],
  ])('%j is refused: %s', (text, message) => {
    expect(() => parseSetNotation(text)).toThrow(UsageError);
    expect(() => parseSetNotation(text)).toThrow(message);
  });

  test('a long input is quoted only in part', () => {
    const error = (() => {
      try {
        parseSetNotation('9'.repeat(10_000));
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('accepted');
    })();
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('the checks behind it', () => {
  test('canonicalDecimal drops leading and trailing zeros only', () => {
    expect(['0', '000', '007', '100', '100.0', '100.500', '0.250', '10.05'].map(canonicalDecimal)).toEqual([
      '0',
      '0',
      '7',
      '100',
      '100',
      '100.5',
      '0.25',
      '10.05',
    ]);
  });

  test('checkReps names its field', () => {
    expect(checkReps(1)).toBe(1);
    expect(checkReps(1000)).toBe(1000);
    for (const bad of [0, -1, 1.5, 1001, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => checkReps(bad, '--reps')).toThrow(/^--reps must be a whole number from 1 to 1000$/);
    }
  });

  test('checkWeight: plain decimals up to 1000 kg in the given unit', () => {
    expect(checkWeight('1000', 'kg')).toBe('1000');
    expect(checkWeight('2204.622', 'lb')).toBe('2204.622');
    expect(checkWeight('00.500', 'kg')).toBe('0.5');
    expect(() => checkWeight('2204.623', 'lb', '--weight')).toThrow(/^--weight must be at most 1000 kg/);
    for (const bad of ['', ' 1', '-1', '+1', '1e3', 'Infinity', 'NaN', '0x10', '1.2345', '1,5']) {
      expect(() => checkWeight(bad, 'kg', '--weight')).toThrow(/^--weight must be a plain decimal number/);
    }
  });

  test('parseUnit knows kg, kgs, lb, lbs in any case', () => {
    expect(['kg', 'KG', 'kgs', 'lb', 'LBS', 'Lb'].map((word) => parseUnit(word, '--unit'))).toEqual([
      'kg',
      'kg',
      'kg',
      'lb',
      'lb',
      'lb',
    ]);
    for (const bad of ['', 'k', 'kilo', 'pounds', 'stone', 'g', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(() => parseUnit(bad, '--unit')).toThrow(`--unit has unknown unit "${bad}"; use kg or lb`);
    }
  });
});
