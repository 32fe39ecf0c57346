import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { BIN } from '../helpers/paths.js';
import { snapshotDatabase } from '../helpers/snapshot.js';
import { HAS_SCRIPT, runOnTerminal } from '../helpers/terminal.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const PUSH = `# Push A
rest 3m
Bench Press: 3x5 @ 100kg, +2.5kg when all reps done
Overhead Press:   3x8-12 @ 40kg, double progression +2.5kg   # the text is kept as written
Dip: 3x10 bw
`;

let db: TestDatabase;
let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-editor-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

/**
 * A stand-in editor: a shell script that, on its Nth call, copies what it was shown to
 * seen.N, runs `meanwhile` (a shell command) if given, and writes the Nth of `versions`
 * into the file (null: saves it untouched).
 */
function standInEditor(
  name: string,
  versions: Array<string | null>,
  meanwhile = '',
): { editor: string; seen: (call: number) => string } {
  const folder = fs.mkdtempSync(path.join(scratch, `${name}-`));
  versions.forEach((text, index) => {
    if (text !== null) fs.writeFileSync(path.join(folder, `version.${index + 1}`), text);
  });
  const editor = path.join(folder, 'editor.sh');
  fs.writeFileSync(
    editor,
    `#!/bin/sh
# The file is the last argument (options such as --wait come first).
for file; do :; done
dir=$(dirname "$0")
n=$(($(cat "$dir/calls" 2>/dev/null || echo 0) + 1))
echo "$n" > "$dir/calls"
cp "$file" "$dir/seen.$n"
${meanwhile}
if [ -f "$dir/version.$n" ]; then cp "$dir/version.$n" "$file"; fi
`,
    { mode: 0o755 },
  );
  return { editor, seen: (call) => fs.readFileSync(path.join(folder, `seen.${call}`), 'utf8') };
}

describe('routines', () => {
  test('create from stdin, export gives the same text, show, list; bad input writes nothing', async () => {
    const created = await db.cli(['routine', 'create', 'Push A'], { stdin: PUSH });
    expect(created).toMatchObject({ code: 0, stdout: 'Created routine Push A (3 exercise(s)).\n', stderr: '' });
    const exported = await db.cli(['routine', 'export', 'push a']);
    expect(exported).toMatchObject({ code: 0, stdout: PUSH, stderr: '' });

    const shown = JSON.parse((await db.cli(['--json', 'routine', 'show', 'Push A'])).stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({ name: 'Push A', source: PUSH, rest_seconds: 180 });
    expect(shown.exercises).toEqual([
      {
        name: 'Bench Press',
        warmups: [],
        sets: 3,
        min_reps: 5,
        max_reps: 5,
        load: { kind: 'weight', weight: 100, unit: 'kg' },
        progression: { kind: 'linear', step: 2.5, unit: 'kg' },
        deload: null,
        rest_seconds: null,
      },
      {
        name: 'Overhead Press',
        warmups: [],
        sets: 3,
        min_reps: 8,
        max_reps: 12,
        load: { kind: 'weight', weight: 40, unit: 'kg' },
        progression: { kind: 'double', step: 2.5, unit: 'kg' },
        deload: null,
        rest_seconds: null,
      },
      {
        name: 'Dip',
        warmups: [],
        sets: 3,
        min_reps: 10,
        max_reps: 10,
        load: { kind: 'bodyweight', added: 0, unit: 'kg' },
        progression: { kind: 'none' },
        deload: null,
        rest_seconds: null,
      },
    ]);
    const listed = JSON.parse((await db.cli(['--json', 'routine', 'list'])).stdout) as Array<{
      name: string;
      exercises: string[];
    }>;
    expect(listed.map(({ name, exercises }) => ({ name, exercises }))).toEqual([
      { name: 'Push A', exercises: ['Bench Press', 'Overhead Press', 'Dip'] },
    ]);

    const before = await snapshotDatabase(db);
    const refused = [
      [
        ['routine', 'create', 'PUSH A'],
        PUSH,
        'workout: routine Push A already exists; change it with `workout routine edit Push A` (or create --replace)\n',
      ],
      [
        ['routine', 'create', 'Legs'],
        'Squat: 3x5 @ 100kg\nDeadlift 1x5\n',
        'workout: <stdin>:2: expected "EXERCISE: SETS" (e.g. "Bench Press: 3x5 @ 100kg") or "rest DURATION", found "deadlift"\n',
      ],
      [
        ['routine', 'create', 'Legs'],
        'Squat: 3x5 @ 100kg, +2.5\n',
        "workout: <stdin>:1: expected the step's unit (kg or lb), e.g. +2.5kg, found the end of the line\n",
      ],
      [
        ['routine', 'create', 'Legs'],
        '',
        'workout: <stdin> is empty: pipe in a routine, e.g. "Bench Press: 3x5 @ 100kg" (see workout routine --help)\n',
      ],
      [['routine', 'create', ' '], PUSH, 'workout: NAME must not be empty\n'],
      [['routine', 'show', 'Legs'], '', 'workout: no routine named "Legs"; see `workout routine list`\n'],
      [['routine', 'delete', 'Legs'], '', 'workout: no routine named "Legs"; see `workout routine list`\n'],
      [
        ['--user', 'someone else', 'routine', 'export', 'Push A'],
        '',
        'workout: no routine named "Push A"; see `workout routine list`\n',
      ],
    ] as const;
    for (const [args, stdin, stderr] of refused) {
      expect(await db.cli([...args], { stdin }), args.join(' ')).toMatchObject({ code: 2, stdout: '', stderr });
    }
    expect((await snapshotDatabase(db)).tables).toEqual(before.tables);

    const replaced = await db.cli(['routine', 'create', 'push a', '--replace'], { stdin: 'Squat: 5x5 @ 100kg\n' });
    expect(replaced).toMatchObject({ code: 0, stdout: 'Replaced routine Push A (1 exercise(s)).\n' });
    expect((await db.cli(['routine', 'export', 'Push A'])).stdout).toBe('Squat: 5x5 @ 100kg\n');
    expect(await db.cli(['routine', 'delete', 'Push A'])).toMatchObject({
      code: 0,
      stdout: 'Deleted routine Push A.\n',
    });
    expect((await db.cli(['routine', 'list'])).stdout).toMatch(/^No routines yet/);
  });

  test('edit in $EDITOR: an invalid file is reopened with its problem on top; unchanged or empty cancels', async () => {
    expect((await db.cli(['routine', 'create', 'Push A'], { stdin: PUSH })).code).toBe(0);
    const fixed = `${PUSH}Squat: 3x5 @ 140kg, +5kg\n`;
    const twice = standInEditor('twice', [`${PUSH}Squat 3x5 @ 140kg\n`, fixed]);
    const edited = await db.cli(['routine', 'edit', 'Push A'], { env: { EDITOR: twice.editor, VISUAL: undefined } });
    expect(edited).toMatchObject({ code: 0, stdout: 'Saved routine Push A (4 exercise(s)).\n', stderr: '' });
    expect(twice.seen(1)).toBe(PUSH);
    // Reopened with the problem on top, numbered as that file shows the line.
    expect(twice.seen(2)).toBe(
      '# workout: Push_A.routine:8: expected "EXERCISE: SETS" (e.g. "Bench Press: 3x5 @ 100kg") or "rest DURATION", found "squat"\n' +
        `# workout: fix the routine below, or empty the file to cancel\n${PUSH}Squat 3x5 @ 140kg\n`,
    );
    expect((await db.cli(['routine', 'export', 'Push A'])).stdout).toBe(fixed);

    // $VISUAL comes before $EDITOR, and may carry arguments.
    const before = await snapshotDatabase(db);
    const untouched = standInEditor('untouched', [null]);
    const cancels = [
      [
        { VISUAL: `${untouched.editor} --wait`, EDITOR: '/nonexistent' },
        'Routine Push A not saved: the routine is unchanged.\n',
      ],
      [{ EDITOR: standInEditor('empty', ['\n\n']).editor }, 'Routine Push A not saved: the file is empty.\n'],
    ] as const;
    for (const [env, note] of cancels) {
      expect(await db.cli(['routine', 'edit', 'Push A'], { env })).toMatchObject({ code: 0, stdout: '', stderr: note });
    }
    expect(untouched.seen(1)).toBe(fixed);
    // An invalid file saved again unchanged is refused with its problem; a failing editor writes nothing.
    const stubborn = standInEditor('stubborn', ['Squat: 3x5 @ 140kg, deload 10%\n', null]);
    expect(await db.cli(['routine', 'edit', 'Push A'], { env: { EDITOR: stubborn.editor } })).toMatchObject({
      code: 2,
      stderr:
        'workout: Push_A.routine:3: expected "after", e.g. deload 10% after 3 misses, found the end of the line\n',
    });
    expect(await db.cli(['routine', 'edit', 'Push A'], { env: { EDITOR: 'false' } })).toMatchObject({
      code: 1,
      stderr: 'workout: the editor false exited with 1; nothing was written\n',
    });
    expect(
      await db.cli(['routine', 'edit', 'Push A'], { env: { EDITOR: undefined, VISUAL: undefined } }),
    ).toMatchObject({ code: 2 });
    expect((await snapshotDatabase(db)).tables).toEqual(before.tables);
  });

  test('the database is free while the editor runs; a routine changed meanwhile is not overwritten', async () => {
    expect((await db.cli(['routine', 'create', 'Push A'], { stdin: PUSH })).code).toBe(0);
    await db.release();
    // The editor itself replaces the routine through the CLI: an embedded database held by
    // the waiting `edit` would make that wait for its lock and fail.
    const other = path.join(scratch, 'other.routine');
    fs.writeFileSync(other, 'Squat: 5x5 @ 100kg\n');
    const cli = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`;
    const meddler = standInEditor(
      'meddler',
      ['Dip: 3x10 bw\n'],
      `${cli} routine create "Push A" --replace < ${JSON.stringify(other)} || exit 9`,
    );
    const edited = await db.cli(['routine', 'edit', 'Push A'], {
      env: { EDITOR: meddler.editor, WORKOUT_LOCK_TIMEOUT: '2' },
    });
    expect(edited).toMatchObject({
      code: 1,
      // The editor's own CLI run, which got the database while the edit waited.
      stdout: 'Replaced routine Push A (1 exercise(s)).\n',
      stderr:
        'workout: routine Push A was changed or deleted while you edited it; nothing was written, edit it again\n',
    });
    expect((await db.cli(['routine', 'export', 'Push A'])).stdout).toBe('Squat: 5x5 @ 100kg\n');
  });

  test.skipIf(!HAS_SCRIPT)('create on a terminal opens the editor on a commented template', async () => {
    const editor = standInEditor('terminal', ['Squat: 3x5 @ 100kg, +2.5kg\n']);
    const terminal = runOnTerminal(['routine', 'create', 'Legs'], {
      ...db.env,
      EDITOR: editor.editor,
      VISUAL: undefined,
      WORKOUT_USER: 'tester',
      NO_COLOR: '1',
    });
    expect(await terminal.exited).toBe(0);
    expect(terminal.screen()).toContain('Created routine Legs (1 exercise(s)).');
    expect(editor.seen(1)).toBe(
      '# workout: new routine Legs: one exercise per line, e.g.\n# workout:   Bench Press: 3x5 @ 100kg, +2.5kg when all reps done\n' +
        '# workout: the grammar: workout routine --help\n',
    );
    expect((await db.cli(['routine', 'export', 'Legs'])).stdout).toBe('Squat: 3x5 @ 100kg, +2.5kg\n');
  });
});
