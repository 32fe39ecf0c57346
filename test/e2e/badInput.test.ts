import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCliBatch } from '../helpers/cliWorkers.js';
import { snapshotDatabase } from '../helpers/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

const INJECTION = "Bench'); DROP TABLE workout_log;--";

/** Malformed arguments, and what the one line on stderr must name. */
const MALFORMED: Array<[args: string[], names: RegExp]> = [
  // Weight
  // Relative to the seeded 100 kg set: below zero.
  [['set', 'add', 'Bench', '-200x5'], /^workout: SET: set 1 would weigh -100 kg; a weight is from 0 to 1000 kg\n/],
  [['set', 'add', 'Bench', '-200', 'x', '5'], /^workout: SET: set 1 would weigh -100 kg/],
  [['set', 'edit', '1', '-100x5'], /^workout: SET "-100x5" is not a set: a weight cannot be negative/],
  [['set', 'add', 'Bench', '--weight', '-100', '--reps', '5'], /^workout: --weight must be a plain decimal number/],
  [['set', 'add', 'Bench', 'abcx5'], /^workout: SET "abcx5" is not a set/],
  [['set', 'add', 'Bench', '--weight', 'heavy', '--reps', '5'], /^workout: --weight must be a plain decimal/],
  [['set', 'add', 'Bench', '1e309x5'], /^workout: SET "1e309x5" is not a set/],
  [['set', 'add', 'Bench', '--weight', '1e309', '--reps', '5'], /^workout: --weight must be a plain decimal/],
  [['set', 'add', 'Bench', '100x'], /^workout: SET "100x" is not a set/],
  [['set', 'add', 'Bench', '1001x1'], /^workout: SET weight must be at most 1000 kg/],
  [['set', 'add', 'Bench', '2205lb', 'x', '1'], /^workout: SET weight must be at most 1000 kg \(2205 lb is more\)/],
  [
    ['set', 'add', 'Bench', '--weight', '2205', '--reps', '1', '--unit', 'lb'],
    /^workout: --weight must be at most 1000 kg/,
  ],
  // Reps
  [['set', 'add', 'Bench', '100x0'], /^workout: SET reps must be a whole number from 1 to 1000/],
  [['set', 'add', 'Bench', '100x1001'], /^workout: SET reps must be a whole number/],
  [['set', 'add', 'Bench', '--weight', '100', '--reps', '0'], /^workout: --reps must be a whole number/],
  [['set', 'add', 'Bench', '--weight', '100', '--reps', '1.5'], /^workout: --reps must be a whole number/],
  [['set', 'add', 'Bench', '--weight', '100', '--reps', '-5'], /^workout: --reps must be a whole number/],
  // Unit
  [['set', 'add', 'Bench', '100stone', 'x', '5'], /^workout: SET has unknown unit "stone"; use kg or lb/],
  [['set', 'add', 'Bench', '100constructor x 5'], /^workout: SET has unknown unit "constructor"/],
  [['set', 'add', 'Bench', '100x5', '--unit', 'stone'], /^workout: --unit has unknown unit "stone"/],
  [['set', 'add', 'Bench', '100x5', '--unit', '__proto__'], /^workout: --unit has unknown unit "__proto__"/],
  [['set', 'add', 'Bench', '100lb x 5', '--unit', 'kg'], /^workout: SET says lb but --unit says kg/],
  [
    ['set', 'add', 'Bench', '100x5', '--weight', '100', '--reps', '5'],
    /^workout: give the set either as SET .* or as --weight and --reps/,
  ],
  // Exercise name
  [['set', 'add', '', '100x5'], /^workout: EXERCISE must not be empty/],
  [['set', 'add', ' \t ', '100x5'], /^workout: EXERCISE must not be empty/],
  [['set', 'add', 'x'.repeat(10_240), '100x5'], /^workout: EXERCISE must be at most 100 characters/],
  [['set', 'add', `${INJECTION}\n`.repeat(2), '100x5'], /^workout: EXERCISE must not contain control characters/],
  [['set', 'add', `${INJECTION} `.repeat(4), '100x5'], /^workout: EXERCISE must be at most 100 characters/],
  [
    ['set', 'add', 'Bench\u0000Press'.replace('\u0000', '\u001b'), '100x5'],
    /^workout: EXERCISE must not contain control characters/,
  ],
  // Dates
  [['set', 'add', 'Bench', '100x5', '--at', '2025-02-30'], /^workout: --at "2025-02-30" is not a real date/],
  [
    ['set', 'add', 'Bench', '100x5', '--at', '2025-13-01T10:00'],
    /^workout: --at "2025-13-01T10:00" is not a real date/,
  ],
  [['set', 'add', 'Bench', '100x5', '--at', 'yesterday'], /^workout: --at "yesterday" is not a date; accepted forms:/],
  [['set', 'add', 'Bench', '100x5', '--at', '2025-07-23T19:16+02:75'], /^workout: --at has an invalid offset/],
  [['session', 'start', '--at', '2025-02-29'], /^workout: --at "2025-02-29" is not a real date/],
  [['session', 'end', '--at', '1899-12-31'], /^workout: --at "1899-12-31" is not a real date between 1900 and 2200/],
  // Type, RPE, note
  [
    ['set', 'add', 'Bench', '100x5', '--type', 'heavy'],
    /^workout: --type must be one of normal, warmup, drop, failure/,
  ],
  [['set', 'add', 'Bench', '100x5', '--type', 'WARMUP '], /^workout: --type must be one of/],
  [['set', 'add', 'Bench', '100x5', '--rpe', '11'], /^workout: --rpe must be from 1 to 10/],
  [['set', 'add', 'Bench', '100x5', '--rpe', '8.3'], /^workout: --rpe must be a number from 1 to 10 in steps of 0.5/],
  [['set', 'add', 'Bench', '100x5', '--rpe', 'hard'], /^workout: --rpe must be a number/],
  [['set', 'add', 'Bench', '100x5', '--rpe', '0.5'], /^workout: --rpe must be from 1 to 10/],
  [['set', 'add', 'Bench', '100x5', '--note', 'n'.repeat(1001)], /^workout: --note must be at most 1000 characters/],
  [['set', 'add', 'Bench', '100x5', '--note', 'beep\u0007'], /^workout: --note must not contain control characters/],
  // Other commands and global options
  [
    ['--user', 'Ann\nBob', 'set', 'add', 'Bench', '100x5'],
    /^workout: the user name \(--user, WORKOUT_USER\) must not contain control characters/,
  ],
  [
    ['--user', '  ', 'set', 'add', 'Bench', '100x5'],
    /^workout: the user name \(--user, WORKOUT_USER\) must not be empty/,
  ],
  [['session', 'start', '--name', ''], /^workout: --name must not be empty/],
  [['session', 'list', '--limit', '0'], /^workout: --limit must be from 1 to 10000/],
  [['session', 'list', '--limit', 'all'], /^workout: --limit must be a positive whole number/],
  [['session', 'show', 'latest'], /^workout: ID must be a positive whole number/],
  [['pr', 'list', '--exercise', ''], /^workout: --exercise must not be empty/],
  [['--lock-timeout', 'soon', 'session', 'list'], /^workout: --lock-timeout must be a number of seconds/],
  // Missing arguments with no terminal: an error, never a prompt
  [['set', 'add'], /^workout: missing EXERCISE; usage: workout set add EXERCISE SET/],
  [['set', 'add', 'Bench'], /^workout: missing SET; give it as 100x5, .* or as --weight W --reps R/],
  [['set', 'add', 'Bench', '--weight', '100'], /^workout: missing SET; .*--reps R/],
  // Usage errors commander finds
  [['set', 'add', 'Bench', '100x5', '--bogus'], /^workout: unknown option '--bogus'/],
  [['set', 'add', 'Bench', '100x5', '--rpe'], /^workout: option '--rpe <r>' argument missing/],
  [['db', 'migrate-indexes', '--force'], /^workout: unknown option '--force'/],
  [['sesion', 'list'], /^workout: unknown command 'sesion'/],
  [['session', 'show', '1', '2'], /^workout: too many arguments for 'show'/],
];

describe('bad input', () => {
  test(`${MALFORMED.length} malformed arguments: exit 2, one line naming the field, nothing written`, async () => {
    const seeded = await db.cli(['set', 'add', 'Bench', '100x5', '--note', 'seed']);
    expect(seeded.code).toBe(0);
    const before = await snapshotDatabase(db);
    // One CLI run per case, through main() in one process: a Node start-up per case would cost ~20 s.
    const results = await runCliBatch(
      db,
      MALFORMED.map(([args]) => args),
    );
    const failures = MALFORMED.flatMap(([args, names], index) => {
      const { code, stdout, stderr } = results[index]!;
      const ok = code === 2 && stdout === '' && /^workout: [^\n]+\n$/.test(stderr) && names.test(stderr);
      return ok
        ? []
        : [
            `${JSON.stringify(args).slice(0, 120)} -> exit ${code}, stdout ${JSON.stringify(stdout.slice(0, 80))}, stderr ${JSON.stringify(stderr.slice(0, 300))}`,
          ];
    });
    expect(failures).toEqual([]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test('a command group without its command is a usage error (exit 2), not success; help asked for is not', async () => {
    const groups = [[], ['session'], ['set'], ['db']];
    const helps = [['--help'], ['help'], ['session', '--help'], ['help', 'set']];
    const results = await runCliBatch(db, [...groups, ...helps]);
    expect(
      results
        .slice(0, groups.length)
        .map(({ code, stdout, stderr }) => ({ code, stdout, usage: stderr.startsWith('Usage: workout') })),
    ).toEqual(Array(groups.length).fill({ code: 2, stdout: '', usage: true }));
    expect(
      results.slice(groups.length).map(({ code, stdout }) => ({ code, usage: stdout.startsWith('Usage: workout') })),
    ).toEqual(Array(helps.length).fill({ code: 0, usage: true }));
  });

  test('as a real process: missing arguments exit 2 without a prompt, stdin piped', async () => {
    const missing = await db.cli(['set', 'add', 'Bench Press'], { stdin: '100x5\n' });
    expect(missing).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^workout: missing SET; [^\n]+\n$/),
    });
  });

  test('an exercise named with quotes and SQL is just a name: stored and shown verbatim', async () => {
    const [added, again, records] = await runCliBatch(db, [
      ['set', 'add', INJECTION, '100x5'],
      ['set', 'add', INJECTION.toUpperCase(), '90x5'],
      ['--json', 'pr', 'list', '--exercise', INJECTION],
    ]);
    expect(added).toMatchObject({ code: 0, stdout: `${INJECTION}: set 1, 100 kg x 5\n` });
    expect(again!.stdout).toBe(`${INJECTION}: set 2, 90 kg x 5\n`);
    expect((JSON.parse(records!.stdout) as Array<{ exercise: string }>).map((row) => row.exercise)).toContain(
      INJECTION,
    );
    const rows = await db.query<{ name: string; sets: number }>(
      `SELECT e.name, (SELECT count(*)::int FROM workout_log l WHERE l.exercise_id = e.id) AS sets FROM exercise e WHERE e.user_id IS NOT NULL`,
    );
    expect(rows).toEqual([{ name: INJECTION, sets: 2 }]);
  });
});
