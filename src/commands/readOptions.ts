import type { Command } from 'commander';
import { z } from 'zod';
import { DATE_BOUND_FORMS, parseDateRange } from '../domain/dateRange.js';
import { unitOption } from './parseInput.js';

/**
 * The input of a training view: its own fields plus --from and --to, read as a range of
 * whole local days back from today (parseDateRange's UsageError passes through: exit 2),
 * and --unit, the unit to show (default: the user's, read with the data).
 */
export function readInput<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object({ ...shape, from: z.string().optional(), to: z.string().optional(), unit: unitOption.optional() })
    .transform(({ from, to, ...rest }) => ({ ...rest, range: parseDateRange(from, to, new Date()) }));
}

/** Declares --from, --to and --unit. */
export function readOptions(command: Command): Command {
  return shownUnitOption(
    command
      .option('--from <date>', `from this day on: ${DATE_BOUND_FORMS}`)
      .option('--to <date>', 'up to this day, inclusive (same forms)'),
  );
}

/** Declares --unit: the unit a read shows weights in, instead of the user's. */
export function shownUnitOption(command: Command): Command {
  return command.option(
    '--unit <unit>',
    'kg or lb: the unit to show estimates and volumes in (default: yours, see workout config)',
  );
}

/** --limit N: a whole number from 1 to `max`. */
export const limitOption = (max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, '--limit must be a positive whole number')
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `--limit must be from 1 to ${max}`);
