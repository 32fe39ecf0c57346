import type { Command } from 'commander';
import { z } from 'zod';
import { parseDuration } from '../domain/routine/duration.js';
import { action } from './action.js';
import { checkedText } from './parseInput.js';

const restInput = z.object({
  duration: checkedText((text) => parseDuration(text)).optional(),
});

export type RestInput = z.output<typeof restInput>;

export function define(rest: Command): void {
  rest
    .argument('[duration]', 'how long: 90, 90s, 3m or 2m30s (at most 60m)')
    .description("a rest timer: the routine's rest (else 2m), or DURATION")
    .addHelpText(
      'after',
      `
Without DURATION: the rest of the next planned exercise of the routine your session
follows (its \`rest\` item, else the routine's \`rest\` line), else 2m.
On a terminal, a countdown on stderr and a bell at the end; Ctrl-C ends the rest early
(exit 0: you are ready). Without a terminal it waits silently. Then one line on stdout,
or with --json {"seconds", "completed"}.

Examples:
  $ workout rest
  $ workout rest 90s
  $ workout set add Squat 140x5 && workout rest 3m && workout next`,
    )
    .action(action(restInput, async () => (await import('./rest/actions.js')).restCommand));
}
