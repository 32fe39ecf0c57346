import type { Command } from 'commander';
import { z } from 'zod';
import { nameSchema } from '../domain/limits.js';
import { RECORD_RULES_HELP } from '../domain/records.js';
import { action } from './action.js';
import { unitOption } from './parseInput.js';
import { shownUnitOption } from './readOptions.js';

const listInput = z.object({ exercise: nameSchema('--exercise').optional(), unit: unitOption.optional() });

export type ListRecordsInput = z.output<typeof listInput>;

export function define(pr: Command): void {
  shownUnitOption(
    pr.command('list').description('your records per exercise').option('--exercise <name>', 'only this exercise'),
  )
    .addHelpText(
      'after',
      `
Values are in your unit (workout config set unit lb), or in --unit; --json adds the exact
kilograms (value_kg).
${RECORD_RULES_HELP}

Examples:
  $ workout pr list
  $ workout pr list --exercise squat --unit lb
  $ workout pr list --json | jq '.[] | select(.kind == "heaviest")'`,
    )
    .action(action(listInput, async () => (await import('./pr/actions.js')).listRecordsCommand));
}
