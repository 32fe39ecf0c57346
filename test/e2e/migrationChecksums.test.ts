import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { BACKEND, createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const MIGRATIONS = path.join(ROOT, 'sql', 'migrations');

/** version -> sha256 of the shipped file, computed here independently of the runner. */
function shippedChecksums(): Map<number, string> {
  return new Map(
    fs
      .readdirSync(MIGRATIONS)
      .filter((file) => /^\d{3}_.*\.sql$/.test(file))
      .map((file) => [
        Number(file.slice(0, 3)),
        createHash('sha256')
          .update(fs.readFileSync(path.join(MIGRATIONS, file)))
          .digest('hex'),
      ]),
  );
}

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

async function recorded(): Promise<Map<number, string | null>> {
  const rows = await db.query<{ version: number; checksum: string | null }>(
    'SELECT version, checksum FROM workout_migration ORDER BY version',
  );
  return new Map(rows.map((row) => [row.version, row.checksum]));
}

describe('migration checksums', () => {
  test("each applied migration is recorded with its file's sha256; untouched, every command runs", async () => {
    expect(await recorded()).toEqual(shippedChecksums());
    for (const args of [
      ['db', 'migrate'],
      ['db', 'status'],
      ['pr', 'list'],
    ]) {
      const result = await db.cli(args);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  });

  test('a changed applied migration is refused by db migrate, db status and any other command', async () => {
    await db.query(`UPDATE workout_migration SET checksum = repeat('0', 64) WHERE version = 3`);
    const before = await recorded();
    // The embedded database is migrated (and so checked) before every command. On a server
    // `set add` reads only the schema version inside its one transaction (the hot path).
    const commands = [
      ['db', 'migrate'],
      ['db', 'status'],
      ['pr', 'list'],
      ['session', 'list'],
    ];
    if (BACKEND === 'embedded') commands.push(['set', 'add', 'Bench Press', '100x5']);
    for (const args of commands) {
      const result = await db.cli(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(
        /^workout: sql\/migrations\/003_limits_and_row_level_security\.sql was changed after it was applied to this database .*\n$/,
      );
      expect(result.stdout).toBe('');
    }
    expect(await recorded()).toEqual(before);
    expect(await db.query('SELECT id FROM workout_log')).toEqual([]);
  });

  test('a database migrated before checksums were kept gets them on its next migrate', async () => {
    await db.query('ALTER TABLE workout_migration DROP COLUMN checksum');
    const status = await db.cli(['db', 'status']);
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);

    const migrate = await db.cli(['db', 'migrate']);
    expect(migrate.stderr).toBe('');
    expect(migrate.stdout).toContain('nothing to apply');
    expect(await recorded()).toEqual(shippedChecksums());
  });
});
