import { describe, expect, test } from 'vitest';
import { catalogNames } from '../../src/domain/catalog/catalogNames.js';
import { closestName, editDistance } from '../../src/domain/catalog/closestName.js';

describe('edit distance', () => {
  test.each([
    ['', '', 0],
    ['bench', 'bench', 0],
    ['bench', 'bnech', 1],
    ['bench', 'bencj', 1],
    ['bench', 'benchh', 1],
    ['bench', 'ench', 1],
    ['squat', 'sqaut', 1],
    ['kitten', 'sitting', 3],
    ['abc', '', 3],
  ])('%j to %j: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('did you mean', () => {
  const catalog = catalogNames();

  test.each([
    ['Bench Pres (Barbell)', 'Bench Press (Barbell)'],
    ['bench press', 'Bench Press (Barbell)'],
    ['Squat', 'Squat (Barbell)'],
    ['Squatt', 'Squat (Barbell)'],
    ['lat pulldown', 'Lat Pulldown (Cable)'],
    ['Pullup', 'Pull Up'],
    ['pul up', 'Pull Up'],
    ['ohpp', 'Overhead Press (Barbell)'],
    ['Romanian deadlift', 'Romanian Deadlift (Barbell)'],
  ])('%j: %j', (typed, meant) => {
    expect(closestName(typed, catalog)).toBe(meant);
  });

  test.each(['Zercher Squat', 'Landmine Press', 'Row', 'x', 'Jefferson Curl', ''])('%j: nothing near', (typed) => {
    expect(closestName(typed, catalog)).toBeUndefined();
  });

  test("the user's own names count; the first of equally near names wins", () => {
    expect(closestName('Benhc Pres', [{ name: 'Bench Press', exercise: 'Bench Press' }, ...catalog])).toBe(
      'Bench Press',
    );
    expect(
      closestName('bb curl', [
        { name: 'bb curls', exercise: 'first' },
        { name: 'bb curlz', exercise: 'second' },
      ]),
    ).toBe('first');
  });
});
