import type { Command } from 'commander';
import { z } from 'zod';
import { PERIODS } from '../domain/period.js';
import { action } from './action.js';
import { readInput, readOptions } from './readOptions.js';

const statsInput = readInput({
  by: z.enum(PERIODS, { errorMap: () => ({ message: `--by must be one of ${PERIODS.join(', ')}` }) }),
});

export type StatsInput = z.output<typeof statsInput>;

export function define(command: Command): void {
  readOptions(command)
    .option('--by <period>', 'week (Monday first) or month', 'week')
    .addHelpText(
      'after',
      `
Per week or month: sessions, working sets (not warm-ups), their reps and volume (weight x
reps), with a bar chart of the volume; your top exercises by volume; the current streak
(weeks in a row with a session, up to this one); the records still standing that were set
in the range. Without --from and --to: all your history.

Examples:
  $ workout stats --from 12w
  $ workout stats --by month --from 1y --unit lb
  $ workout stats --from 2025-01-01 --to 2025-03-31 --json | jq '.periods[] | .volume'`,
    )
    .action(action(statsInput, async () => (await import('./stats/actions.js')).statsCommand));
}
