import type { Command } from 'commander';
import { z } from 'zod';
import { EXPORT_FORMATS } from '../domain/formats/exportRows.js';
import { nameSchema } from '../domain/limits.js';
import { action } from './action.js';
import { timeZoneOption, unitOption } from './parseInput.js';

/** --from and --to are read against the time zone (--tz), so they are read once it is known. */
const exportInput = z.object({
  format: z
    .enum(EXPORT_FORMATS, { errorMap: () => ({ message: `--format must be one of ${EXPORT_FORMATS.join(', ')}` }) })
    .optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  exercise: nameSchema('--exercise').optional(),
  unit: unitOption.optional(),
  tz: timeZoneOption.optional(),
});

export type ExportInput = z.output<typeof exportInput>;

export function define(command: Command): void {
  command
    .option('--format <format>', 'workout (default), strong or json (also --json)')
    .option('--from <date>', 'only sets from this day or time on (ISO 8601)')
    .option('--to <date>', 'only sets up to this day (inclusive) or time (ISO 8601)')
    .option('--exercise <name>', 'only this exercise')
    .option('--unit <unit>', 'kg or lb: the weight unit of --format strong (default: the unit you log most)')
    .option('--tz <zone>', "time zone of the times written (default: the system's)")
    .addHelpText(
      'after',
      `
workout's own format keeps every field (times with their offset, the unit of each set)
and imports back unchanged. Strong files carry no unit: import them with the same --unit
(other apps assume kg). As Strong does, an unnamed workout is named by the hour it started
in --tz: Morning (5-11 h), Midday (12-13 h), Afternoon (14-17 h), Evening (18-22 h) or
Night Workout; warm-up, drop and failure sets are numbered like the others.

Examples:
  $ workout export > backup.csv
  $ workout export --format strong --unit lb --from 2025-01-01 > strong.csv
  $ workout export --format json --exercise "Bench Press" | jq length`,
    )
    .action(action(exportInput, async () => (await import('./export/actions.js')).exportCommand));
}
