import type { Command } from 'commander';
import { z } from 'zod';
import { nameSchema } from '../domain/limits.js';
import { DEFAULT_SESSION_GAP_MINUTES, formatGap } from '../domain/sessionGap.js';
import { FUTURE_LIMIT_MINUTES, notInFuture, parseTypedTime } from '../domain/time.js';
import { action } from './action.js';
import { checkedText } from './parseInput.js';
import { deleteSessionInput, editSessionInput } from './session/editInput.js';

const wholeNumber = (field: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, `${field} must be a positive whole number`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `${field} must be from 1 to ${max}`);

const atOption = checkedText((text) => notInFuture(parseTypedTime(text, '--at'), '--at'))
  .optional()
  .transform((at) => at ?? null);

const startInput = z.object({
  name: nameSchema('--name')
    .optional()
    .transform((name) => name ?? null),
  at: atOption,
  routine: nameSchema('--routine')
    .optional()
    .transform((routine) => routine ?? null),
});
const endInput = z.object({ at: atOption });
const listInput = z.object({ limit: wholeNumber('--limit', 10_000) });
const showInput = z.object({ id: wholeNumber('ID', Number.MAX_SAFE_INTEGER).optional() });

export type StartInput = z.output<typeof startInput>;
export type EndInput = z.output<typeof endInput>;
export type ListInput = z.output<typeof listInput>;
export type ShowInput = z.output<typeof showInput>;

const actions = () => import('./session/actions.js');

export function define(session: Command): void {
  session
    .command('start')
    .description('start a session (fails if one is already active)')
    .option('--name <name>', 'a name for the session, e.g. "Push day"')
    .option(
      '--at <iso>',
      `start time (ISO 8601, local unless it has an offset; default now; at most ${FUTURE_LIMIT_MINUTES} min ahead)`,
    )
    .option('--routine <name>', 'follow this routine (see `workout routine --help`); `workout next` tells what to lift')
    .addHelpText(
      'after',
      `
An active session idle for longer than the session gap (WORKOUT_SESSION_GAP, default ${formatGap(DEFAULT_SESSION_GAP_MINUTES)})
is over: it is ended at its last set and the new one starts.

Examples:
  $ workout session start --name "Push day"
  $ workout session start --routine "Push A"`,
    )
    .action(action(startInput, async () => (await actions()).startSessionCommand));
  session
    .command('end')
    .description('end the active session')
    .option('--at <iso>', 'end time (ISO 8601, local unless it has an offset; default now); not before its last set')
    .action(action(endInput, async () => (await actions()).endSessionCommand));
  session
    .command('show [id]')
    .description("a session's sets grouped by exercise, in time order (default: the active or last session)")
    .action(action(showInput, async () => (await actions()).showSessionCommand));
  session
    .command('list')
    .description('your sessions, newest first')
    .option('--limit <n>', 'how many', '20')
    .action(action(listInput, async () => (await actions()).listSessionsCommand));
  session
    .command('edit <id>')
    .description('change a session: its name, start, end or note')
    .option('--name <name>', 'a new name ("" clears it)')
    .option('--start <iso>', 'a new start time (ISO 8601)')
    .option('--end <iso>', 'a new end time (ISO 8601); ends an active session')
    .option('--note <text>', 'a note on the session ("" clears it)')
    .addHelpText(
      'after',
      `
Another user's session is "not found" (exit 2), like an id that does not exist.

Examples:
  $ workout session edit 12 --name "Pull day"
  $ workout session edit 12 --start 2025-07-23T18:00 --end 2025-07-23T19:15`,
    )
    .action(action(editSessionInput, async () => (await import('./session/editActions.js')).editSessionCommand));
  session
    .command('delete <id>')
    .description('delete a session and its sets; records are recomputed')
    .option('--yes', 'do not ask (required when not on a terminal)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ workout session delete 12\n  $ workout session delete 12 --yes   # in a script',
    )
    .action(action(deleteSessionInput, async () => (await import('./session/editActions.js')).deleteSessionCommand));
}
