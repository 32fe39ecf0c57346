import type { Command } from 'commander';

/**
 * The command groups. Each module declares its subcommands, options, help and input
 * schemas; it is loaded only when argv names its group: `workout --help` loads none
 * (nor zod), `workout set add` only the set group.
 */
export const GROUPS: Record<string, [description: string, load: () => Promise<{ define: (group: Command) => void }>]> =
  {
    session: ['start, end and look at workout sessions', () => import('./session.js')],
    routine: ['plans as text: one exercise per line with sets, weight and progression', () => import('./routine.js')],
    set: ['log sets', () => import('./set.js')],
    next: ['the next set of the routine you follow, its weight; --log logs it', () => import('./next.js')],
    rest: ["a rest timer: the routine's rest, else 2m, or DURATION", () => import('./rest.js')],
    exercise: [
      'the exercise catalog and your own exercises: list, show, add, alias, rename',
      () => import('./exercise.js'),
    ],
    pr: ['personal records', () => import('./pr.js')],
    import: [
      'import workouts from a Strong, Hevy, FitNotes or workout CSV export (FILE, or stdin for - or a pipe)',
      () => import('./import.js'),
    ],
    export: ['write your sets to stdout: workout CSV (lossless), Strong 5.x CSV or JSON', () => import('./export.js')],
    config: ['your settings, kept in the database (unit)', () => import('./config.js')],
    last: ["an exercise's sets last time, and today's so far", () => import('./last.js')],
    history: ["an exercise's sessions: sets, top set, estimated 1RM, volume, records", () => import('./history.js')],
    progress: [
      "a chart of an exercise's estimated 1RM, heaviest weight, volume or reps over time",
      () => import('./progress.js'),
    ],
    stats: [
      'sessions, working sets, reps and volume per week or month; top exercises, streak, records',
      () => import('./stats.js'),
    ],
    db: ['schema and indexes', () => import('./db.js')],
  };
