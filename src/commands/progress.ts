import type { Command } from 'commander';
import { z } from 'zod';
import { nameSchema } from '../domain/limits.js';
import { PERIODS } from '../domain/period.js';
import { METRICS } from '../domain/progress.js';
import { action } from './action.js';
import { readInput, readOptions } from './readOptions.js';

const progressInput = readInput({
  exercise: nameSchema('EXERCISE'),
  metric: z.enum(METRICS, { errorMap: () => ({ message: `--metric must be one of ${METRICS.join(', ')}` }) }),
  by: z.enum(['session', ...PERIODS], {
    errorMap: () => ({ message: `--by must be one of session, ${PERIODS.join(', ')}` }),
  }),
});

export type ProgressInput = z.output<typeof progressInput>;

export function define(command: Command): void {
  readOptions(command.argument('<exercise>', 'the exercise, e.g. "Bench Press"'))
    .option('--metric <metric>', 'e1rm (best estimated 1RM), heaviest, volume or reps', 'e1rm')
    .option('--by <period>', 'one point per session, week or month', 'session')
    .addHelpText(
      'after',
      `
A line chart that fits the terminal (80 columns when unknown): the y axis in your unit
(--unit overrides), dates under the x axis, ▲ where a record was set. --json prints the
numbers behind it. Warm-ups never count.

Examples:
  $ workout progress "Bench Press"
  $ workout progress squat --metric volume --by week --from 6m
  $ workout progress deadlift --metric heaviest --by month --from 1y --json | jq '.points[-1]'`,
    )
    .action(action(progressInput, async () => (await import('./progress/actions.js')).progressCommand));
}
