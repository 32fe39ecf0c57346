import type { Command } from 'commander';
import { z } from 'zod';
import { parseUnit } from '../domain/setNotation.js';
import { action } from './action.js';
import { checkedText } from './parseInput.js';

/** The settings a user has; each is stored with the user in the database. */
export const SETTINGS = ['unit'] as const;

const settingName = z.enum(SETTINGS, {
  errorMap: () => ({ message: `KEY must be one of: ${SETTINGS.join(', ')}` }),
});

// The one setting is the unit: VALUE is read as one.
const setInput = z.object({ key: settingName, value: checkedText((text) => parseUnit(text.trim(), 'VALUE')) });
const getInput = z.object({ key: settingName });

export type SetSettingInput = z.output<typeof setInput>;
export type GetSettingInput = z.output<typeof getInput>;

const actions = () => import('./config/actions.js');

export function define(config: Command): void {
  config
    .command('set <key> <value>')
    .description('change a setting (stored with your user, on every machine that uses this database)')
    .addHelpText(
      'after',
      `
Settings:
  unit   kg or lb: the unit of a set logged without one, and of records, charts and stats
         (every read also takes --unit)

Example:
  $ workout config set unit lb`,
    )
    .action(action(setInput, async () => (await actions()).setSettingCommand));
  config
    .command('get <key>')
    .description('one setting')
    .addHelpText('after', '\nExample:\n  $ workout config get unit')
    .action(action(getInput, async () => (await actions()).getSettingCommand));
  config
    .command('list')
    .description('every setting')
    .addHelpText('after', '\nExample:\n  $ workout config list --json')
    .action(action(z.object({}), async () => (await actions()).listSettingsCommand));
}
