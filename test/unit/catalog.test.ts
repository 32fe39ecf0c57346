import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CATALOG } from '../../src/domain/catalog/exercises.js';
import { catalogRows, committedRows, MIGRATION } from '../helpers/catalogSql.js';

describe('the exercise catalog', () => {
  test('migration 011 holds exactly the rows generated from src/domain/catalog/exercises.ts', () => {
    expect(committedRows(fs.readFileSync(MIGRATION, 'utf8'))).toBe(catalogRows());
  });

  test('a few hundred entries; every name and alias means one entry, case-insensitively', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(300);
    const names = CATALOG.flatMap((entry) => [entry.name, ...entry.aliases]).map((name) => name.toLowerCase());
    expect(names.length - new Set(names).size).toBe(0);
  });

  test('names are clean (trimmed, at most 100 characters) and every entry works a primary muscle', () => {
    for (const entry of CATALOG) {
      for (const name of [entry.name, ...entry.aliases]) {
        expect(name).toBe(name.trim());
        expect([...name].length).toBeLessThanOrEqual(100);
      }
      expect(entry.primary.length, entry.name).toBeGreaterThan(0);
      expect(
        entry.primary.filter((muscle) => entry.secondary.includes(muscle)),
        entry.name,
      ).toEqual([]);
    }
  });

  test('names as Strong and Hevy exports write them', () => {
    const names = new Set(CATALOG.map((entry) => entry.name));
    for (const name of [
      'Bench Press (Barbell)',
      'Squat (Barbell)',
      'Deadlift (Barbell)',
      'Lat Pulldown (Cable)',
      'Pull Up',
      'Bicep Curl (Dumbbell)',
      'Triceps Pushdown (Cable - Straight Bar)',
      'Seated Row - V Grip (Cable)',
      'Goblet Squat (Kettlebell)',
      'Butterfly (Pec Deck)',
    ]) {
      expect(names.has(name), name).toBe(true);
    }
  });

  test('a movement written in full is never an alias: typed so, it stays a name of the user', () => {
    const aliases = new Set(CATALOG.flatMap((entry) => entry.aliases));
    for (const plain of ['squat', 'deadlift', 'bench press', 'row', 'curl', 'dip', 'overhead press', 'pull up']) {
      expect(aliases.has(plain), plain).toBe(false);
    }
    expect(CATALOG.find((entry) => entry.aliases.includes('bench'))?.name).toBe('Bench Press (Barbell)');
    expect(CATALOG.find((entry) => entry.aliases.includes('ohp'))?.name).toBe('Overhead Press (Barbell)');
    expect(CATALOG.find((entry) => entry.aliases.includes('rdl'))?.name).toBe('Romanian Deadlift (Barbell)');
    expect(CATALOG.find((entry) => entry.aliases.includes('bb row'))?.name).toBe('Bent Over Row (Barbell)');
  });
});
