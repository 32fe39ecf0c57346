import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { EXPECTED } from '../fixtures/import/expected.js';
import { ROOT } from './paths.js';
import { snapshot } from './snapshot.js';
import { createTestDatabase } from './testDatabase.js';

export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import');

export type FixtureCase = {
  file: string;
  /** Options the file needs (--unit for Strong 5.x) and a zone, so times are exact. */
  args: string[];
  format: string;
  counts: { sessions: number; sets: number; records: number; rest_timer: number; unfilled: number; cardio: number };
  /** How stdin is given: `import -` or a plain pipe into `import`. */
  stdin: 'dash' | 'pipe';
};

/**
 * Imports a fixture into one fresh database from the file (with --json) and into
 * another from stdin (text summary), and checks both against the expected snapshot.
 */
export async function checkFixture(c: FixtureCase): Promise<void> {
  const fromFile = await createTestDatabase();
  const fromStdin = await createTestDatabase();
  try {
    const filePath = path.join(FIXTURES, c.file);
    const byFile = await fromFile.cli(['import', filePath, ...c.args, '--json']);
    expect(byFile.stderr).toBe('');
    expect(byFile.code).toBe(0);
    expect(JSON.parse(byFile.stdout)).toEqual({
      file: filePath,
      format: c.format,
      dry_run: false,
      sessions_added: c.counts.sessions,
      sets_added: c.counts.sets,
      new_records: c.counts.records,
      already_present: { sessions: 0, sets: 0 },
      not_sets: { rest_timer: c.counts.rest_timer, unfilled: c.counts.unfilled, cardio: c.counts.cardio, note: 0 },
      invalid: { count: 0, rows: [] },
    });
    expect(await snapshot(fromFile)).toEqual(EXPECTED[c.file]);

    const args = c.stdin === 'dash' ? ['import', '-', ...c.args] : ['import', ...c.args];
    const byStdin = await fromStdin.cli(args, { stdin: fs.readFileSync(filePath, 'utf8') });
    expect(byStdin.stderr).toBe('');
    expect(byStdin.code).toBe(0);
    expect(byStdin.stdout.split('\n')[0]).toBe(
      `Imported <stdin> (${c.format}): ${c.counts.sessions} session${c.counts.sessions === 1 ? '' : 's'}, ` +
        `${c.counts.sets} sets, ${c.counts.records} new records.`,
    );
    expect(await snapshot(fromStdin)).toEqual(EXPECTED[c.file]);
  } finally {
    await fromFile.drop();
    await fromStdin.drop();
  }
}
