import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { serverUrl } from '../helpers/serverUrl.js';
import { withClient } from '../helpers/withClient.js';

// What `npm install -g workout-cli` gives a user: the packed tarball installed into an empty
// prefix in a temporary folder, with no node_modules above it, so the installed `workout` can
// only load what the package ships. The package has no runtime dependencies, so the install
// runs offline. The tarball is packed from the dist/ that `npm test` has just built
// (--ignore-scripts: packing would otherwise rebuild dist/ under the other tests' feet).

/** What `npm pack --json` says about the one tarball it wrote. */
type Packed = { filename: string; files: Array<{ path: string }> };
type Run = { code: number | null; stdout: string; stderr: string };

let work: string;
let prefix: string;
let packedFiles: string[];

/** The installed `workout`, started through its `#!/usr/bin/env node` line with the node running this test first on PATH. */
function workout(args: string[], env: Record<string, string>): Run {
  const childEnv: Record<string, string> = { WORKOUT_USER: 'tester', NO_COLOR: '1' };
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'DATABASE_URL' && key !== 'WORKOUT_HOME') childEnv[key] = value;
  }
  childEnv.PATH = [path.join(prefix, 'bin'), path.dirname(process.execPath), process.env.PATH].join(path.delimiter);
  const run = spawnSync('workout', args, {
    cwd: work,
    env: { ...childEnv, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function npm(args: string[]): string {
  return execFileSync('npm', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-package-'));
  prefix = path.join(work, 'prefix');
  const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work])) as [Packed];
  packedFiles = packed.files.map((file) => file.path);
  npm([
    'install',
    '--global',
    '--offline',
    '--no-audit',
    '--no-fund',
    '--prefix',
    prefix,
    path.join(work, packed.filename),
  ]);
}, 120_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  test('ships what runs, and nothing to build or test it', () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        'bin/workout',
        'dist/cli.js',
        'dist/chunks/new-cluster.tar.gz',
        'sql/migrations/001_schema.sql',
        'README.md',
        'LICENSE',
        'CHANGELOG.md',
      ]),
    );
    const unexpected = packedFiles.filter(
      (file) =>
        !/^(bin\/workout|dist\/.+\.(js|wasm|data)|dist\/chunks\/new-cluster\.tar\.gz|sql\/migrations\/.+\.sql|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/.test(
          file,
        ),
    );
    expect(unexpected).toEqual([]);
  });

  test('installs with no dependencies, and the installed `workout` runs', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'workout-cli');
    expect(fs.existsSync(path.join(installed, 'dist', 'cli.js'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'node_modules'))).toBe(false);
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(workout(['--version'], {})).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  // Creating the embedded database takes ~6 s on an idle machine; 35 s was seen under a loaded CI run.
  test('on a new embedded database: set add, then pr list --json', () => {
    const env = { WORKOUT_HOME: path.join(work, 'home') };
    const added = workout(['set', 'add', 'Bench Press', '100x5'], env);
    expect(added).toEqual({
      code: 0,
      stdout: 'Bench Press: set 1, 100 kg x 5\n',
      // The catalog (migration 011) came with the package: the name is near one of its entries.
      stderr: 'Started session 1.\nBench Press is a new exercise; did you mean Bench Press (Barbell)?\n',
    });
    const records = workout(['pr', 'list', '--json'], env);
    expect(records.code).toBe(0);
    expect(JSON.parse(records.stdout)).toContainEqual(
      expect.objectContaining({ exercise: 'Bench Press', kind: 'heaviest', value: 100, unit: 'kg' }),
    );
  }, 120_000);

  test.skipIf(!process.env.TEST_DATABASE_URL)(
    'on a new database on the test server: db migrate, set add, then pr list --json',
    async () => {
      const adminUrl = process.env.TEST_DATABASE_URL as string;
      const name = `workout_package_${randomBytes(6).toString('hex')}`;
      await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
      try {
        const env = { DATABASE_URL: serverUrl(adminUrl, name) };
        expect(workout(['db', 'migrate'], env).code).toBe(0);
        expect(workout(['set', 'add', 'Squat', '140x5'], env)).toMatchObject({
          code: 0,
          stdout: 'Squat: set 1, 140 kg x 5\n',
        });
        const records = workout(['pr', 'list', '--json'], env);
        expect(records.code).toBe(0);
        expect(JSON.parse(records.stdout)).toContainEqual(
          expect.objectContaining({ exercise: 'Squat', kind: 'heaviest', value: 140, unit: 'kg' }),
        );
      } finally {
        await withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      }
    },
  );
});
