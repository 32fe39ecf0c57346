import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliBatch } from '../helpers/cliWorkers.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

describe('--json', () => {
  test('--json output of every command uses snake_case keys', async () => {
    const runs = await runCliBatch(db, [
      ['--json', 'session', 'start', '--name', 'Pull day', '--at', new Date(Date.now() - 20 * 60_000).toISOString()],
      ['--json', 'set', 'add', 'Row', '60x10'],
      ['--json', 'set', 'add', 'Row', '70x8', '--rpe', '8'],
      ['--json', 'set', 'undo'],
      ['--json', 'session', 'show'],
      ['--json', 'session', 'end'],
      ['--json', 'session', 'list'],
      ['--json', 'pr', 'list'],
      ['--json', 'export'],
      ['--json', 'db', 'status'],
      ['--json', 'db', 'migrate'],
      ['--json', 'db', 'migrate-indexes', '--dry-run'],
    ]);
    const csv = await db.cli(['export']);
    runs.push(await db.cli(['--json', 'import', '--dry-run'], { stdin: csv.stdout }));
    const badKeys: string[] = [];
    const walk = (value: unknown, where: string) => {
      if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) walk(item, `${where}[${i}]`);
      } else if (value !== null && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(key)) badKeys.push(`${where}.${key}`);
          walk(inner, `${where}.${key}`);
        }
      }
    };
    for (const [i, result] of runs.entries()) {
      expect(result, result.stderr).toMatchObject({ code: 0 });
      walk(JSON.parse(result.stdout), `run ${i}`);
    }
    expect(badKeys).toEqual([]);
  });

  test('export --json with another --format is a contradiction: exit 2, one line', async () => {
    const [workout, strong, json] = await runCliBatch(db, [
      ['--json', 'export', '--format', 'workout'],
      ['--json', 'export', '--format', 'strong'],
      ['--json', 'export', '--format', 'json'],
    ]);
    expect(workout).toEqual({
      code: 2,
      stdout: '',
      stderr: 'workout: --json contradicts --format workout; give one of them\n',
      signal: null,
    });
    expect(strong).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'workout: --json contradicts --format strong; give one of them\n',
    });
    expect(json).toMatchObject({ code: 0, stdout: '[]\n' });
  });
});
