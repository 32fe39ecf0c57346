import type { Command } from 'commander';
import { z } from 'zod';
import { action } from './action.js';
import { readLogChoice } from './next/logInput.js';
import { checkedText } from './parseInput.js';

const nextInput = z.object({
  log: z
    .union([z.literal(true), z.string()])
    .optional()
    .pipe(z.union([z.undefined(), z.literal(true).transform(() => readLogChoice(true)), checkedText(readLogChoice)])),
});

export type NextInput = z.output<typeof nextInput>;

export function define(next: Command): void {
  next
    .description('the next planned set of the routine your session follows, and its weight')
    .option('--log [reps-or-set]', 'log it: as planned, with the reps done (--log 4), or as done (--log 97.5x5)')
    .addHelpText(
      'after',
      `
The next set is the first one of the routine not yet logged in the active session
(exercises in order, warm-ups first). Its weight comes from the routine's last session
by the exercise's progression rule (see \`workout routine --help\`), and what you did
last time is shown beside it. --log writes it in one transaction, exactly as
\`workout set add\` would (records included); a plan with a rep range needs the reps.

Examples:
  $ workout session start --routine "Push A"
  $ workout next
  $ workout next --log            # done as planned
  $ workout next --log 4          # one rep short
  $ workout next --log 97.5x5     # lighter than planned
  $ workout next --json | jq .weight`,
    )
    .action(action(nextInput, async () => (await import('./next/actions.js')).nextCommand));
}
