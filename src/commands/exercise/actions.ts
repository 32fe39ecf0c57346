import { exerciseDetails } from '../../db/queries/exerciseDetails.js';
import { addAlias, addExercise, renameExercise } from '../../db/queries/exerciseWrites.js';
import { type ExerciseRow, listExercises } from '../../db/queries/listExercises.js';
import { userExercises } from '../../db/queries/userExercises.js';
import { catalogNames } from '../../domain/catalog/catalogNames.js';
import { closestName } from '../../domain/catalog/closestName.js';
import { UsageError } from '../../errors.js';
import { palette } from '../../ui/color.js';
import { renderTable } from '../../ui/table.js';
import { formatLocal } from '../../ui/time.js';
import { type CommandContext, withDatabase } from '../context.js';
import type {
  AddExerciseInput,
  AliasExerciseInput,
  ListExercisesInput,
  RenameExerciseInput,
  ShowExerciseInput,
} from '../exercise.js';

const muscles = (list: readonly string[]) => (list.length === 0 ? '-' : list.join(', '));

export async function listExercisesCommand(context: CommandContext, filter: ListExercisesInput) {
  const rows = await withDatabase(context, (pool) => listExercises(pool, context.config.userName, filter));
  context.output.result(rows, () =>
    rows.length === 0
      ? 'No exercise matches.'
      : renderTable(
          ['exercise', 'equipment', 'primary', 'secondary', 'aliases'],
          rows.map((row) => [
            row.shared ? row.name : `${row.name} (yours)`,
            row.equipment ?? '-',
            muscles(row.primary_muscles),
            muscles(row.secondary_muscles),
            row.aliases.join(', '),
          ]),
          context.output.color,
        ),
  );
}

export async function showExerciseCommand(context: CommandContext, { name }: ShowExerciseInput) {
  const { userName } = context.config;
  const found = await withDatabase(context, async (pool) => ({
    details: await exerciseDetails(pool, userName, name),
    own: await userExercises(pool, userName),
  }));
  if (found.details === undefined) {
    const near = closestName(name, [...found.own.map((own) => ({ name: own, exercise: own })), ...catalogNames()]);
    throw new UsageError(`no exercise named ${name}${near === undefined ? '' : `; did you mean ${near}?`}`);
  }
  const details = found.details;
  context.output.result(details, () => {
    const c = palette(context.output.color);
    return [
      c.bold(details.name),
      ...describe(details),
      `sets logged: ${details.sets}${details.last_performed_at ? `, last ${formatLocal(details.last_performed_at)}` : ''}`,
    ].join('\n');
  });
}

function describe(row: ExerciseRow): string[] {
  return [
    `  ${row.shared ? 'shared (catalog)' : 'yours'}, equipment: ${row.equipment ?? '-'}`,
    `  primary muscles: ${muscles(row.primary_muscles)}`,
    `  secondary muscles: ${muscles(row.secondary_muscles)}`,
    `  aliases: ${row.aliases.length === 0 ? '-' : row.aliases.join(', ')}`,
  ];
}

export async function addExerciseCommand(context: CommandContext, input: AddExerciseInput) {
  const added = await withDatabase(context, (pool) => addExercise(pool, context.config.userName, input));
  context.output.result(added, () => [`Added ${added.name}.`, ...describe(added)].join('\n'));
}

export async function aliasExerciseCommand(context: CommandContext, { name, alias }: AliasExerciseInput) {
  const exercise = await withDatabase(context, (pool) => addAlias(pool, context.config.userName, name, alias));
  context.output.result({ ...exercise, alias }, () => `${alias} now means ${exercise.name}.`);
}

export async function renameExerciseCommand(context: CommandContext, input: RenameExerciseInput) {
  const renamed = await withDatabase(context, (pool) =>
    renameExercise(pool, context.config.userName, input.old, input.new),
  );
  context.output.result(
    renamed,
    () => `Renamed ${renamed.previous_name} to ${renamed.name}; its sets and records moved with it.`,
  );
}
