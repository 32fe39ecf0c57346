import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

/*
 * Exports people published, byte-exact, kept outside the repository (never copied in).
 * Their README.md holds what a correct import of each gives, counted independently of
 * workout: one table row per file with the flags to import it with and the sessions,
 * sets, reps and kilogram volume. Every file there is a case, read from that table.
 */
// REAL_EXPORTS overrides the folder (a git worktree's ../shared is not the main checkout's).
const REAL_EXPORTS = process.env.REAL_EXPORTS ?? path.resolve(ROOT, '../shared/real-exports');
const present = fs.existsSync(path.join(REAL_EXPORTS, 'README.md'));

type Expected = { file: string; flags: string[]; sessions: number; sets: number; reps: number; volumeKg: number };

/** The README's table: `| file | from | dialect | import with | sessions | sets | reps | volume kg |`. */
function readExpected(): Expected[] {
  const text = fs.readFileSync(path.join(REAL_EXPORTS, 'README.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => /^\|\s*[\w.-]+\.csv\s*\|/.test(line))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      const [file, , , flags, sessions, sets, reps, volume] = cells as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const number = (cell: string) => Number(cell.replaceAll(',', ''));
      return {
        file,
        flags: flags.replaceAll('`', '').split(/\s+/).filter(Boolean),
        sessions: number(sessions),
        sets: number(sets),
        reps: number(reps),
        volumeKg: number(volume),
      };
    });
}

const CASES = present ? readExpected() : [];
const byFile = (suffix: string) => CASES.find((c) => c.file.endsWith(suffix))!;
// One person's history in two Strong dialects: legacy (to Nov 2024), then Strong 6 (to Mar 2025).
const JOAO_LEGACY = 'joao-conde__fitness-tracker__workouts.csv';
const JOAO_V6 = 'joao-conde__fitness-tracker__strong_workouts.csv';

type Totals = { sessions: number; sets: number; reps: number; volumeKg: number };

/** What the database holds, summed in SQL as numeric. */
async function totals(db: TestDatabase): Promise<Totals> {
  const [row] = await db.query<{ sessions: string; sets: string; reps: string | null; volume: string | null }>(`
    SELECT (SELECT count(*) FROM workout_session) AS sessions, count(*) AS sets, sum(reps) AS reps,
      sum(weight * reps)::numeric AS volume
    FROM workout_log`);
  await db.release();
  return {
    sessions: Number(row!.sessions),
    sets: Number(row!.sets),
    reps: Number(row!.reps ?? 0),
    volumeKg: Number(row!.volume ?? 0),
  };
}

function expectTotals(actual: Totals, expected: Totals): void {
  expect({ ...actual, volumeKg: 0 }).toEqual({
    sessions: expected.sessions,
    sets: expected.sets,
    reps: expected.reps,
    volumeKg: 0,
  });
  expect(
    Math.abs(actual.volumeKg - expected.volumeKg),
    `volume ${actual.volumeKg} kg, expected ${expected.volumeKg}`,
  ).toBeLessThanOrEqual(0.01);
}

async function importJson(db: TestDatabase, file: string, flags: string[]) {
  const result = await db.cli(['import', path.join(REAL_EXPORTS, file), ...flags, '--json'], { timeoutMs: 120_000 });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as {
    sessions_added: number;
    sets_added: number;
    new_records: number;
    already_present: { sessions: number; sets: number };
    not_sets: Record<string, number>;
    invalid: { count: number };
  };
}

/** Each Strong `Note` row of a file: its workout's start and number, exercise and text. */
function noteRows(file: string): Array<{ start: string; exercise: string; text: string }> {
  const rows = parse(fs.readFileSync(path.join(REAL_EXPORTS, file)), {
    columns: true,
    delimiter: ';',
    bom: true,
  }) as Array<Record<string, string>>;
  return rows
    .filter((row) => row['Set Order'] === 'Note')
    .map((row) => ({ start: row.Date!, exercise: row['Exercise Name']!, text: row.Notes!.trim() }));
}

const title = present
  ? `real exports in ${REAL_EXPORTS}`
  : `real exports: ${REAL_EXPORTS} is absent, so these tests are skipped`;
describe.skipIf(!present)(title, () => {
  test('the README lists every export in the folder', () => {
    const files = fs.readdirSync(REAL_EXPORTS).filter((file) => file.endsWith('.csv'));
    expect(CASES.map((c) => c.file).sort()).toEqual(files.sort());
  });

  describe.concurrent.each(CASES)('$file', (expected) => {
    test(`imports ${expected.sessions} sessions, ${expected.sets} sets exactly; --dry-run says the same; a second import adds nothing`, {
      timeout: 240_000,
    }, async () => {
      const db = await createTestDatabase();
      try {
        const dry = await importJson(db, expected.file, [...expected.flags, '--dry-run']);
        expect(await totals(db)).toEqual({ sessions: 0, sets: 0, reps: 0, volumeKg: 0 });

        const first = await importJson(db, expected.file, expected.flags);
        expect([first.sessions_added, first.sets_added, first.invalid.count]).toEqual([
          expected.sessions,
          expected.sets,
          0,
        ]);
        expect({ ...dry, dry_run: false }).toEqual(first);
        expectTotals(await totals(db), expected);

        const again = await importJson(db, expected.file, expected.flags);
        expect(again).toMatchObject({
          sessions_added: 0,
          sets_added: 0,
          new_records: 0,
          already_present: { sessions: expected.sessions, sets: expected.sets },
        });
        expectTotals(await totals(db), expected);

        // One person's two exports, in either order: each workout once, the Strong 6 file's totals.
        const other = { [JOAO_LEGACY]: JOAO_V6, [JOAO_V6]: JOAO_LEGACY }[expected.file];
        if (other) {
          const second = await importJson(db, other, byFile(other).flags);
          expect(second.invalid.count).toBe(0);
          expectTotals(await totals(db), byFile(JOAO_V6));
        }
      } finally {
        await db.drop();
      }
    });
  });

  test("Strong 6 Note rows: counted as not sets, their text kept on the exercise's first set of that workout", {
    timeout: 120_000,
  }, async () => {
    const db = await createTestDatabase();
    try {
      const notes = noteRows(JOAO_V6);
      expect(notes.length).toBeGreaterThan(0);
      const summary = await importJson(db, JOAO_V6, byFile(JOAO_V6).flags);
      expect(summary.not_sets.note).toBe(notes.length);
      const kept = await db.query<{ start: string; exercise: string; notes: string }>(`
        SELECT substring(s.source_key FROM 8 FOR 19) AS start, e.name AS exercise, l.notes
        FROM workout_log l JOIN workout_session s ON s.id = l.session_id JOIN exercise e ON e.id = l.exercise_id
        WHERE l.notes IS NOT NULL AND l.set_number = 1
        ORDER BY s.start_time`);
      await db.release();
      expect(kept.map(({ start, exercise, notes }) => ({ start, exercise, text: notes }))).toEqual(notes);
    } finally {
      await db.drop();
    }
  });
});
