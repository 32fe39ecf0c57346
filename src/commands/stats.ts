import type { Command } from 'commander';
import { z } from 'zod';
import { PERIODS } from '../domain/period.js';
import { action } from './action.js';
import { readInput, readOptions } from './readOptions.js';

const statsInput = readInput({
  by: z.enum(PERIODS, { errorMap: () => ({ message: `--by must be one of ${PERIODS.join(', ')}` }) }),
  byMuscle: z.boolean().default(false),
});

export type StatsInput = z.output<typeof statsInput>;

export function define(command: Command): void {
  readOptions(command)
    .option('--by <period>', 'week (Monday first) or month', 'week')
    .option('--by-muscle', 'working sets and volume per muscle over the range instead')
    .addHelpText(
      'after',
      `
Per week or month: sessions, working sets (not warm-ups), their reps and volume (weight x
reps), with a bar chart of the volume; your top exercises by volume; the current streak
(weeks in a row with a session, up to this one); the records still standing that were set
in the range. Without --from and --to: all your history.

--by-muscle: per muscle, the working sets and volume of the exercises that work it (the
muscles of \`workout exercise show\`): a set counts whole for each primary muscle and half
for each secondary one; the sets of exercises with no muscles are listed apart.

Examples:
  $ workout stats --from 12w
  $ workout stats --by month --from 1y --unit lb
  $ workout stats --from 2025-01-01 --to 2025-03-31 --json | jq '.periods[] | .volume'
  $ workout stats --by-muscle --from 4w`,
    )
    .action(
      // Which module runs depends on --by-muscle: each is loaded only when it is the one.
      action(statsInput, async () => async (context, input) => {
        if (input.byMuscle) return (await import('./stats/muscleActions.js')).muscleStatsCommand(context, input);
        return (await import('./stats/actions.js')).statsCommand(context, input);
      }),
    );
}
