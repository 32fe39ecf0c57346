import { describe, expect, test } from 'vitest';
import { resolveSets, type SetToLog } from '../../src/domain/resolveSets.js';
import { MAX_SETS_PER_COMMAND, parseSetList, type WrittenSet } from '../../src/domain/setList.js';
import { parseSetNotation } from '../../src/domain/setNotation.js';
import type { Unit } from '../../src/domain/units.js';
import { UsageError } from '../../src/errors.js';

const abs = (weight: string, reps: number, unit?: Unit, bodyweight = false): WrittenSet => ({
  kind: 'absolute',
  weight,
  unit,
  bodyweight,
  reps,
});
const rel = (change: string, reps: number, unit?: Unit): WrittenSet => ({ kind: 'relative', change, unit, reps });
const same: WrittenSet = { kind: 'same' };
const times = (count: number, set: WrittenSet) => Array.from({ length: count }, () => set);

describe('parseSetList', () => {
  test.each<[string, WrittenSet[]]>([
    ['100x5', [abs('100', 5)]],
    ['225lb x 5', [abs('225', 5, 'lb')]],
    ['100x5,5,4', [abs('100', 5), abs('100', 5), abs('100', 4)]],
    ['100 x 5, 5 ,4', [abs('100', 5), abs('100', 5), abs('100', 4)]],
    ['bw x 12,10', [abs('0', 12, undefined, true), abs('0', 10, undefined, true)]],
    ['bw+10kg x 5,5', times(2, abs('10', 5, 'kg', true))],
    ['3x5@100', times(3, abs('100', 5))],
    ['3 x 5 @ 102.5 lb', times(3, abs('102.5', 5, 'lb'))],
    ['2x8@bw+5', times(2, abs('5', 8, undefined, true))],
    ['5x5 100kg', times(5, abs('100', 5, 'kg'))],
    ['3x10 bw', times(3, abs('0', 10, undefined, true))],
    ['2x5 bw+10lb', times(2, abs('10', 5, 'lb', true))],
    // A load followed by x is a set of its own: 5 kg x 5, then 100 kg x 3.
    ['5x5 100kg x3', [abs('5', 5), abs('100', 3, 'kg')]],
    ['3x10 bw x 5', [abs('3', 10), abs('0', 5, undefined, true)]],
    ['5x5 100kgx3', [abs('5', 5), abs('100', 3, 'kg')]],
    // After SETSxREPS, bw's + is attached: with a space, what follows is a relative set.
    ['3x10 bw +5x3', [...times(3, abs('0', 10, undefined, true)), rel('5', 3)]],
    ['3x10 bw+5 x3', [abs('3', 10), abs('5', 3, undefined, true)]],
    // bw's added load keeps a unit that stands apart when an x follows it (found by the property test).
    ['3x1 bw+0 lb x1', [abs('3', 1), abs('0', 1, 'lb', true)]],
    ['100x5 bw+10 kg x 5', [abs('100', 5), abs('10', 5, 'kg', true)]],
    ['3x5 bw+10 kg', times(3, abs('10', 5, 'kg', true))],
    ['3x5@100 same', [...times(3, abs('100', 5)), same]],
    ['3x5 @ 100 kg bw x 5', [...times(3, abs('100', 5, 'kg')), abs('0', 5, undefined, true)]],
    ['100x5 105x3 110x1', [abs('100', 5), abs('105', 3), abs('110', 1)]],
    ['+2.5x5', [rel('2.5', 5)]],
    ['-5x8', [rel('-5', 8)]],
    ['- 5 lb x 8', [rel('-5', 8, 'lb')]],
    ['+0x5', [rel('0', 5)]],
    ['-0x5', [rel('0', 5)]],
    ['+2.5x5,5,5', [rel('2.5', 5), rel('0', 5), rel('0', 5)]],
    ['same', [same]],
    ['=', [same]],
    ['SAME same =', [same, same, same]],
    ['100x5 +5x3 same', [abs('100', 5), rel('5', 3), same]],
    ['１００ｘ５，５', [abs('100', 5), abs('100', 5)]],
    [`50x${Array(MAX_SETS_PER_COMMAND).fill(1).join(',')}`, times(MAX_SETS_PER_COMMAND, abs('50', 1))],
    [`${MAX_SETS_PER_COMMAND}x1@50`, times(MAX_SETS_PER_COMMAND, abs('50', 1))],
  ])('%j', (text, expected) => {
    expect(parseSetList(text)).toEqual(expected);
  });

  test.each<[string, RegExp]>([
    ['', /^SET is empty; accepted forms: 100x5, .*, 100x5,5,4, 3x5@100, 5x5 100kg, 100x5 105x3, \+2\.5x5, -5x8, same$/],
    ['100x5,', /^SET "100x5," is not a set/],
    ['100x5,,5', /^SET "100x5,,5" is not a set/],
    ['100x5,5,0', /^SET reps must be a whole number from 1 to 1000$/],
    ['3x5@', /^SET "3x5@" is not a set/],
    ['3x5@100x5', /^SET "3x5@100x5" is not a set/],
    ['0x5@100', /^SET must hold at least 1 set \(0x5\)/],
    ['3x0@100', /^SET reps must be a whole number/],
    ['3x5@1001', /^SET weight must be at most 1000 kg/],
    ['3x5@100stone', /^SET has unknown unit "stone"/],
    [`${MAX_SETS_PER_COMMAND + 1}x5@100`, /^SET has more than 50 sets; at most 50 are logged in one command/],
    ['99999x5@100', /^SET has more than 50 sets/],
    ['30x5@100 21x5 100kg', /^SET has more than 50 sets/],
    [`100x5 ${Array(MAX_SETS_PER_COMMAND).fill('same').join(' ')}`, /^SET has more than 50 sets/],
    ['5x5 100', /^SET "100" is not a set \(a weight after SETSxREPS takes a unit or @: 5x5 100kg, 5x5@100\)/],
    ['100x5 heavy', /^SET "heavy" is not a set;/],
    ['100x5 x 5', /^SET "x 5" is not a set/],
    ['100x5, 105x3', /^SET "100x5, 105x3" is not a set/],
    ['samex5', /^SET "samex5" is not a set/],
    ['same x5', /^SET "x5" is not a set/],
    ['==', /^SET "==" is not a set/],
    ['+x5', /^SET "\+x5" is not a set/],
    ['+2.5', /^SET "\+2\.5" is not a set/],
    ['+-2.5x5', /^SET "\+-2\.5x5" is not a set/],
    ['++2.5x5', /^SET "\+\+2\.5x5" is not a set/],
    ['+2.5stone x 5', /^SET has unknown unit "stone"/],
    ['+1e3x5', /^SET "\+1e3x5" is not a set/],
    ['bw-5x5', /^SET "bw-5x5" is not a set/],
    ['100x5@100', /^SET has more than 50 sets/],
  ])('%j is refused: %s', (text, message) => {
    expect(() => parseSetList(text)).toThrow(UsageError);
    expect(() => parseSetList(text)).toThrow(message);
  });

  test('one set reads as parseSetNotation reads it', () => {
    for (const text of ['100x5', '100kg x5', '225lb x 5', 'bw x 12', 'bw+20x5', '0x10', '１００x5']) {
      expect(parseSetList(text)).toEqual([{ kind: 'absolute', ...parseSetNotation(text) }]);
    }
  });
});

const logged = (overrides: Partial<SetToLog>): SetToLog => ({
  ord: 1,
  from_last: false,
  kg: '0',
  lb: '0',
  in_last_unit: '0',
  unit: 'kg',
  bodyweight: false,
  reps: 5,
  ...overrides,
});

describe('resolveSets', () => {
  test('absolute sets stand alone, in their unit or the default one', () => {
    expect(resolveSets([abs('100', 5), abs('225', 3, 'lb'), abs('10', 8, undefined, true)], 'lb')).toEqual([
      logged({ ord: 1, lb: '100', unit: 'lb' }),
      logged({ ord: 2, lb: '225', unit: 'lb', reps: 3 }),
      logged({ ord: 3, lb: '10', unit: 'lb', bodyweight: true, reps: 8 }),
    ]);
  });

  test('leading relative sets and same follow the last working set, in its unit unless one is written', () => {
    const last = { from_last: true, unit: null, bodyweight: null };
    expect(resolveSets([same, rel('2.5', 5), rel('0', 5), rel('-5', 3, 'lb'), rel('1', 1)], 'kg')).toEqual([
      logged({ ord: 1, ...last, reps: null }),
      logged({ ord: 2, ...last, in_last_unit: '2.5' }),
      logged({ ord: 3, ...last, in_last_unit: '2.5' }),
      logged({ ord: 4, ...last, in_last_unit: '2.5', lb: '-5', unit: 'lb', reps: 3 }),
      logged({ ord: 5, ...last, in_last_unit: '2.5', lb: '-4', unit: 'lb', reps: 1 }),
    ]);
  });

  test('after an absolute set, relative ones follow it exactly (thousandths, no float drift)', () => {
    expect(
      resolveSets(
        [abs('100.1', 5), rel('0.2', 5), rel('-100.3', 5), same, rel('2.5', 5, 'lb'), abs('60', 5, 'kg')],
        'kg',
      ),
    ).toEqual([
      logged({ ord: 1, kg: '100.1' }),
      logged({ ord: 2, kg: '100.3' }),
      logged({ ord: 3, kg: '0' }),
      logged({ ord: 4, kg: '0' }),
      logged({ ord: 5, kg: '0', lb: '2.5', unit: 'lb' }),
      logged({ ord: 6, kg: '60' }),
    ]);
  });

  test('a relative set keeps the bodyweight of the set it follows', () => {
    expect(resolveSets([abs('0', 10, undefined, true), rel('10', 8), rel('-12.5', 6)], 'kg')).toEqual([
      logged({ ord: 1, bodyweight: true, reps: 10 }),
      logged({ ord: 2, kg: '10', bodyweight: true, reps: 8 }),
      logged({ ord: 3, kg: '-2.5', bodyweight: true, reps: 6 }),
    ]);
  });
});
