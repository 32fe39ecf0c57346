import type { Command } from 'commander';
import { z } from 'zod';
import { nameSchema } from '../domain/limits.js';
import { RECORD_RULES_HELP } from '../domain/records.js';
import { action } from './action.js';

const listInput = z.object({ exercise: nameSchema('--exercise').optional() });

export type ListRecordsInput = z.output<typeof listInput>;

export function define(pr: Command): void {
  pr.command('list')
    .description('your records per exercise')
    .option('--exercise <name>', 'only this exercise')
    .addHelpText('after', `\n${RECORD_RULES_HELP}`)
    .action(action(listInput, async () => (await import('./pr/actions.js')).listRecordsCommand));
}
