import type { Command } from 'commander';
import { z } from 'zod';
import { nameSchema } from '../domain/limits.js';
import { action } from './action.js';

const lastInput = z.object({ exercise: nameSchema('EXERCISE') });

export type LastInput = z.output<typeof lastInput>;

export function define(command: Command): void {
  command
    .argument('<exercise>', 'the exercise, e.g. "Bench Press"')
    .addHelpText(
      'after',
      `
Shows the sets of the latest session with EXERCISE before the active one, each as it was
logged (with its id, for \`workout set edit\`), and the sets already done in the active session.

Examples:
  $ workout last "Bench Press"
  $ workout last squat --json | jq '.previous.sets[-1]'`,
    )
    .action(action(lastInput, async () => (await import('./last/actions.js')).lastCommand));
}
