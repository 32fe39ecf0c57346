import { DEFAULT_UNIT, readingUser } from '../../db/queries/readingUser.js';
import { setUserUnit } from '../../db/queries/setUserUnit.js';
import type { GetSettingInput, SetSettingInput } from '../config.js';
import { type CommandContext, withDatabase } from '../context.js';

type Settings = { unit: string };

async function readSettings(context: CommandContext): Promise<Settings> {
  const user = await withDatabase(context, (pool) => readingUser(pool, context.config.userName));
  return { unit: user?.unit ?? DEFAULT_UNIT };
}

export async function setSettingCommand(context: CommandContext, { value }: SetSettingInput) {
  await withDatabase(context, (pool) => setUserUnit(pool, context.config.userName, value));
  context.output.result({ unit: value }, () => `unit = ${value}`);
}

export async function getSettingCommand(context: CommandContext, { key }: GetSettingInput) {
  const settings = await readSettings(context);
  context.output.result({ [key]: settings[key] }, () => settings[key]);
}

export async function listSettingsCommand(context: CommandContext) {
  const settings = await readSettings(context);
  context.output.result(settings, (shown) =>
    Object.entries(shown)
      .map(([key, value]) => `${key} = ${value}`)
      .join('\n'),
  );
}
