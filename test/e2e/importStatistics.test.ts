import { afterEach, beforeEach, expect, test } from 'vitest';
import { strongExportText } from '../helpers/generateStrong.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

type Statistics = { reltuples: number; relpages: number; relallvisible: number };

/** What the planner believes of workout_log (reltuples -1: never analyzed). */
async function statistics(): Promise<Statistics> {
  const [row] = await db.query<Statistics>(
    "SELECT reltuples::float8 AS reltuples, relpages, relallvisible FROM pg_class WHERE oid = 'workout_log'::regclass",
  );
  await db.release();
  return row!;
}

const importText = (text: string, ...flags: string[]) =>
  db.cli(['import', '--unit', 'kg', '--tz', 'UTC', ...flags], { stdin: text });

test('an import that grows the history refreshes the statistics; a small one or a dry run does not', async () => {
  const history = await strongExportText(2_000);
  const dryRun = await importText(history, '--dry-run');
  expect(dryRun.code).toBe(0);
  expect((await statistics()).reltuples).toBe(-1);

  expect((await importText(history)).code).toBe(0);
  const analyzed = await statistics();
  // ANALYZE samples every row of a table this small: the count is exact.
  expect(analyzed.reltuples).toBe(2_000);
  if (db.backend === 'embedded') {
    // VACUUM too (no autovacuum there): every page marked all-visible.
    expect(analyzed.relallvisible).toBe(analyzed.relpages);
  }

  // 40 more sets on 2,000: fewer than 1,000 and under 10 %, left to autovacuum.
  const more = (await strongExportText(2_040)).split('\n');
  const text = [more[0], ...more.slice(-41)].join('\n');
  const added = await importText(text, '--json');
  expect(JSON.parse(added.stdout).sets_added).toBe(40);
  expect((await statistics()).reltuples).toBe(2_000);
});
