import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { strongExportText } from '../helpers/generateStrong.js';
import { createTestDatabase } from '../helpers/testDatabase.js';

// The embedded data folder on a full disk, its modes, and read-only: whichever backend this run tests.
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A migrated data folder with one set, copied from the test template. */
async function migratedHome(): Promise<string> {
  const db = await createTestDatabase('embedded');
  cleanup.push(() => db.drop());
  expect((await db.cli(['set', 'add', 'Bench Press (Barbell)', '100x5'])).code).toBe(0);
  // Nothing holding it open: the tests copy it, remount it and read its modes.
  expect((await db.cli(['db', 'stop'])).code).toBe(0);
  return db.env.WORKOUT_HOME!;
}

function mount(args: string[]): void {
  execFileSync('mount', args);
}

/** A tmpfs of `size` at a new folder, unmounted after the test whatever happens. */
function smallDisk(size: string): string {
  const dir = tempDir('workout-disk-');
  mount(['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  cleanup.push(() => void spawnSync('umount', ['-l', dir]));
  return dir;
}

/** Leaves `megabytes` free on the file system holding `dir`. */
function fillUpTo(dir: string, megabytes: number): void {
  const freeMb = Math.floor((fs.statfsSync(dir).bavail * fs.statfsSync(dir).bsize) / 2 ** 20);
  fs.writeFileSync(path.join(dir, 'filler'), Buffer.alloc((freeMb - megabytes) * 2 ** 20));
}

const isRoot = process.getuid?.() === 0;
const env = (home: string) => ({ WORKOUT_HOME: home, DATABASE_URL: undefined });

describe('the embedded data folder', () => {
  test.runIf(isRoot)(
    'a full disk: "disk full" naming the folder, exit 3, in bounded time; intact once there is space',
    async () => {
      const disk = smallDisk('60m');
      const home = path.join(disk, 'home');
      fs.cpSync(await migratedHome(), home, { recursive: true });
      const csv = path.join(tempDir('workout-csv-'), 'strong.csv');
      fs.writeFileSync(csv, await strongExportText(20_000));
      fillUpTo(disk, 15);
      const diskFull = `workout: disk full: no space left for the data folder ${home}; free some space and try again (what was not finished was not saved)\n`;

      // PostgreSQL PANICs when its WAL cannot grow: that used to hang with no output.
      const imported = await runCli(['import', '--unit', 'kg', csv], { env: env(home), timeoutMs: 90_000 });
      expect(imported).toMatchObject({ code: 3, stderr: diskFull, signal: null });
      fillUpTo(disk, 0);
      // Opening replays the WAL, which needs space too: it used to fail as "PGlite failed to initialize properly" and hang.
      expect(await runCli(['session', 'list'], { env: env(home), timeoutMs: 60_000 })).toMatchObject({
        code: 3,
        stderr: diskFull,
      });

      mount(['-o', 'remount,size=200m', disk]);
      const listed = await runCli(['--json', 'session', 'list'], { env: env(home) });
      expect(listed).toMatchObject({ code: 0, stderr: '' });
      // The one set from before; nothing of the import.
      expect((JSON.parse(listed.stdout) as Array<{ set_count: number }>).map((session) => session.set_count)).toEqual([
        1,
      ]);
      expect(await runCli(['set', 'add', 'Squat', '140x3'], { env: env(home) })).toMatchObject({ code: 0 });
    },
    240_000,
  );

  test.runIf(isRoot)(
    'a new folder on a disk too small for it: "disk full", exit 3; created once there is space',
    async () => {
      const disk = smallDisk('20m');
      const home = path.join(disk, 'home');
      const started = await runCli(['set', 'add', 'Bench Press (Barbell)', '100x5'], {
        env: env(home),
        timeoutMs: 90_000,
      });
      expect(started).toMatchObject({
        code: 3,
        stdout: '',
        stderr: `workout: disk full: no space left for the data folder ${home}; free some space and try again (what was not finished was not saved)\n`,
      });
      mount(['-o', 'remount,size=100m', disk]);
      expect(
        await runCli(['set', 'add', 'Bench Press (Barbell)', '100x5'], { env: env(home), timeoutMs: 90_000 }),
      ).toMatchObject({ code: 0, stderr: 'Started session 1.\n' });
    },
    240_000,
  );

  function modes(home: string): Record<string, string[]> {
    const found: Record<string, string[]> = {};
    const visit = (entry: string) => {
      const stats = fs.lstatSync(entry);
      const key = `${stats.isDirectory() ? 'folder' : 'file'} ${(stats.mode & 0o777).toString(8)}`;
      found[key] = [...(found[key] ?? []), path.relative(home, entry)];
      if (stats.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    };
    visit(home);
    return found;
  }

  test('a new folder is private: folders 0700, files 0600, whatever the umask', async () => {
    const home = path.join(tempDir('workout-fresh-'), 'home');
    expect(
      await runCli(['set', 'add', 'Bench Press (Barbell)', '100x5'], { env: env(home), timeoutMs: 120_000 }),
    ).toMatchObject({
      code: 0,
    });
    // The background server's sockets (the lock's among them) go with it.
    expect(await runCli(['db', 'stop'], { env: env(home) })).toMatchObject({ code: 0 });
    expect(Object.keys(modes(home)).sort()).toEqual(['file 600', 'folder 700']);
  }, 150_000);

  test('an existing world-readable folder is made private, said once on stderr', async () => {
    const home = await migratedHome();
    execFileSync('chmod', ['-R', 'go+rwX', home]);
    expect(Object.keys(modes(home)).sort()).toEqual(['file 666', 'folder 777']);
    const first = await runCli(['session', 'list'], { env: env(home) });
    expect(first).toMatchObject({
      code: 0,
      stderr: `workout: made the data folder ${home} private to its user (other users could read it)\n`,
    });
    expect(await runCli(['db', 'stop'], { env: env(home) })).toMatchObject({ code: 0 });
    expect(Object.keys(modes(home)).sort()).toEqual(['file 600', 'folder 700']);
    expect(await runCli(['session', 'list'], { env: env(home) })).toMatchObject({ code: 0, stderr: '' });
  });

  test.runIf(isRoot)(
    'a read-only folder serves reading commands; writing ones, a file or a read-only parent: one line, exit 3',
    async () => {
      const home = await migratedHome();
      // Root ignores mode bits: a read-only bind mount is read-only for root too.
      const readOnly = tempDir('workout-ro-');
      mount(['--bind', home, readOnly]);
      cleanup.push(() => void spawnSync('umount', ['-l', readOnly]));
      mount(['-o', 'remount,ro,bind', readOnly]);
      const before = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('workout-readonly-'));

      for (const command of [['pr', 'list'], ['session', 'list'], ['session', 'show'], ['export'], ['db', 'status']]) {
        const result = await runCli(command, { env: env(readOnly) });
        expect({ command, code: result.code, stderr: result.stderr }).toEqual({ command, code: 0, stderr: '' });
        expect(result.stdout).not.toBe('');
      }
      expect(await runCli(['set', 'add', 'Squat', '140x3'], { env: env(readOnly) })).toEqual({
        code: 3,
        stdout: '',
        signal: null,
        stderr: `workout: ${readOnly} is read-only: only commands that read work; nothing was written\n`,
      });
      // The private copies it read are gone.
      expect(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('workout-readonly-'))).toEqual(before);

      const file = path.join(tempDir('workout-file-'), 'home');
      fs.writeFileSync(file, '');
      expect(await runCli(['pr', 'list'], { env: env(file) })).toMatchObject({
        code: 3,
        stderr: `workout: cannot use the data folder ${file}: it is a file, not a folder\n`,
      });
      const under = path.join(readOnly, 'sub', 'home');
      expect(await runCli(['pr', 'list'], { env: env(under) })).toMatchObject({
        code: 3,
        stderr: `workout: cannot use the data folder ${under}: cannot create it: a parent folder is read-only\n`,
      });
    },
  );
});
