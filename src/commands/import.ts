import type { Command } from 'commander';
import { z } from 'zod';
import { SOURCE_FORMATS } from '../domain/formats/types.js';
import { action } from './action.js';
import { timeZoneOption, unitOption } from './parseInput.js';

const importInput = z.object({
  file: z.string().optional(),
  format: z.enum(['auto', ...SOURCE_FORMATS], {
    errorMap: () => ({ message: `--format must be one of auto, ${SOURCE_FORMATS.join(', ')}` }),
  }),
  unit: unitOption.optional(),
  tz: timeZoneOption.optional(),
  dryRun: z.boolean().default(false),
  skipInvalid: z.boolean().default(false),
});

export type ImportInput = z.output<typeof importInput>;

export function define(command: Command): void {
  command
    .argument('[file]')
    .option('--format <format>', 'auto, workout, strong, hevy or fitnotes', 'auto')
    .option('--unit <unit>', 'kg or lb: the weight unit of files that do not say (Strong 5.x)')
    .option('--tz <zone>', "time zone of dates written without one, e.g. Europe/Berlin (default: the system's)")
    .option('--dry-run', 'check every row and report what would be added; write nothing')
    .option(
      '--skip-invalid',
      'import the valid rows and list the invalid ones (default: any invalid row stops the import)',
    )
    .addHelpText(
      'after',
      `
The format and the delimiter (, or ;) are read from the header line. One import is one
transaction: it lands whole or not at all. Each workout of the file becomes a session;
a workout imported before is skipped, so importing a file twice, or a newer export that
overlaps an older one, adds only what is new, whichever Strong dialect each came in.
Rest timers, unfilled sets and cardio rows are not sets: they are skipped and counted;
a Strong exercise note goes onto that exercise's next set.

Examples:
  $ workout import strong.csv --unit lb
  $ workout import < hevy_workouts.csv
  $ cat fitnotes.csv | workout import --tz Europe/Berlin --dry-run
  $ workout import export.csv --skip-invalid --json`,
    )
    .action(action(importInput, async () => (await import('./import/actions.js')).importCommand));
}
