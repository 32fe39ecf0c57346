import type { Command } from 'commander';
import { z } from 'zod';
import { nameSchema } from '../domain/limits.js';
import { parseTimestamp } from '../domain/time.js';
import { action } from './action.js';
import { checkedText } from './parseInput.js';

const wholeNumber = (field: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, `${field} must be a positive whole number`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `${field} must be from 1 to ${max}`);

const atOption = checkedText((text) => parseTimestamp(text, '--at'))
  .optional()
  .transform((at) => at ?? null);

const startInput = z.object({
  name: nameSchema('--name').optional().transform((name) => name ?? null),
  at: atOption,
  routine: nameSchema('--routine').optional().transform((routine) => routine ?? null),
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
    .option('--at <iso>', 'start time (ISO 8601; default now)')
    .option('--routine <name>', 'follow this routine (see `workout routine --help`); `workout next` tells what to lift')
    .addHelpText('after', '\nExamples:\n  $ workout session start --name "Push day"\n  $ workout session start --routine "Push A"')
    .action(action(startInput, async () => (await actions()).startSessionCommand));
  session
    .command('end')
    .description('end the active session')
    .option('--at <iso>', 'end time (ISO 8601; default now)')
    .action(action(endInput, async () => (await actions()).endSessionCommand));
  session
    .command('show [id]')
    .description("a session's sets grouped by exercise (default: the active or last session)")
    .action(action(showInput, async () => (await actions()).showSessionCommand));
  session
    .command('list')
    .description('your sessions, newest first')
    .option('--limit <n>', 'how many', '20')
    .action(action(listInput, async () => (await actions()).listSessionsCommand));
}
