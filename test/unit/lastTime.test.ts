import { describe, expect, test } from 'vitest';
import { lastTimeAnswer } from '../../src/domain/lastTime.js';
import { parseSetNotation } from '../../src/domain/setNotation.js';
import { KG_PER_LB, type Unit } from '../../src/domain/units.js';

const set = (set_number: number, weight: number, unit: Unit, reps: number, bodyweight = false) => ({
  set_number,
  weight: unit === 'lb' ? weight * KG_PER_LB : weight,
  unit,
  bodyweight,
  reps,
});

const lastTime = [set(2, 105, 'kg', 3), set(1, 100, 'kg', 5), set(3, 225, 'lb', 5)];

describe('lastTimeAnswer', () => {
  test("the set in the place of the next one, else last time's last set; none without a last time", () => {
    expect(lastTimeAnswer(lastTime, [])).toBe('100 kg x 5');
    expect(lastTimeAnswer(lastTime, [set(1, 90, 'kg', 5)])).toBe('105 kg x 3');
    expect(lastTimeAnswer(lastTime, [set(2, 90, 'kg', 5), set(1, 90, 'kg', 5)])).toBe('225 lb x 5');
    expect(
      lastTimeAnswer(
        lastTime,
        [1, 2, 3, 4].map((n) => set(n, 90, 'kg', 5)),
      ),
    ).toBe('225 lb x 5');
    expect(lastTimeAnswer([], [])).toBeUndefined();
  });

  test('bodyweight sets, and every answer reads back as the set it came from', () => {
    const sets = [set(1, 0, 'kg', 12, true), set(2, 10, 'kg', 6, true), set(3, 102.5, 'lb', 8)];
    const answers = sets.map((_, i) => lastTimeAnswer(sets, sets.slice(0, i)));
    expect(answers).toEqual(['bw x 12', 'bw+10 kg x 6', '102.5 lb x 8']);
    expect(answers.map((answer) => parseSetNotation(answer!))).toEqual([
      { weight: '0', unit: undefined, bodyweight: true, reps: 12 },
      { weight: '10', unit: 'kg', bodyweight: true, reps: 6 },
      { weight: '102.5', unit: 'lb', bodyweight: false, reps: 8 },
    ]);
  });
});
