import { deleteSet } from '../../db/queries/deleteSet.js';
import { editSet } from '../../db/queries/editSet.js';
import { weightInUnit } from '../../domain/units.js';
import { setLine } from '../../ui/setLine.js';
import { type CommandContext, withDatabase } from '../context.js';
import type { DeleteSetInput, EditSetInput } from './editInput.js';

export async function editSetCommand(context: CommandContext, { id, changes }: EditSetInput) {
  const edited = await withDatabase(context, (pool) => editSet(pool, context.config.userName, id, changes));
  // JSON: the weight as logged (the exact kilograms in weight_kg).
  context.output.result(
    weightInUnit(edited),
    () => `Changed set ${id} (session ${edited.session_id}, ${edited.exercise}):\n${setLine(edited)}`,
  );
}

export async function deleteSetCommand(context: CommandContext, { id }: DeleteSetInput) {
  const deleted = await withDatabase(context, (pool) => deleteSet(pool, context.config.userName, id));
  context.output.result(
    weightInUnit(deleted),
    () => `Deleted set ${id} (session ${deleted.session_id}, ${deleted.exercise}):\n${setLine(deleted)}`,
  );
}
