import type { Command } from 'commander';
import type { z } from 'zod';
import { COMPACT_HELP } from '../domain/compactSet.js';
import { nameSchema } from '../domain/limits.js';
import { action } from './action.js';
import { limitOption, readInput, readOptions } from './readOptions.js';

const historyInput = readInput({ exercise: nameSchema('EXERCISE'), limit: limitOption(100_000) });

export type HistoryInput = z.output<typeof historyInput>;

export function define(command: Command): void {
  readOptions(command.argument('<exercise>', 'the exercise, e.g. "Bench Press"'))
    .option('--limit <n>', 'how many sessions', '10')
    .addHelpText(
      'after',
      `
One row per session with EXERCISE, newest first: its sets, the top set (heaviest, not a
warm-up), the best estimated 1RM (Epley, sets of 12 reps or fewer), the volume (weight x
reps of the sets that are not warm-ups) and the records the session set (PR).
${COMPACT_HELP}

Examples:
  $ workout history "Bench Press"
  $ workout history squat --from 12w --unit lb
  $ workout history deadlift --from 2025-01-01 --to 2025-06-30 --limit 100 --json | jq '.sessions[].volume'`,
    )
    .action(action(historyInput, async () => (await import('./history/actions.js')).historyCommand));
}
