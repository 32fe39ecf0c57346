import { deleteSession } from '../../db/queries/deleteSession.js';
import { editSession } from '../../db/queries/editSession.js';
import { UsageError } from '../../errors.js';
import { formatLocal } from '../../ui/time.js';
import { type CommandContext, interactive, withDatabase } from '../context.js';
import type { DeleteSessionInput, EditSessionInput } from './editInput.js';

export async function editSessionCommand(context: CommandContext, { id, changes }: EditSessionInput) {
  const session = await withDatabase(context, (pool) => editSession(pool, context.config.userName, id, changes));
  context.output.result(session, (s) => {
    const name = s.name ? ` "${s.name}"` : '';
    const end = s.end_time ? `ended ${formatLocal(s.end_time)}` : 'active';
    return `Changed session ${s.id}${name}: started ${formatLocal(s.start_time)}, ${end}.`;
  });
}

export async function deleteSessionCommand(context: CommandContext, { id, yes }: DeleteSessionInput) {
  // Asked before the database is opened: a person deciding never holds it.
  if (!yes) {
    if (!interactive())
      throw new UsageError(`session delete removes session ${id} and all its sets: add --yes to confirm`);
    const { confirm } = await import('@inquirer/prompts');
    if (!(await confirm({ message: `Delete session ${id} and all its sets?`, default: false }))) {
      context.output.note('Nothing deleted.');
      return;
    }
  }
  const deleted = await withDatabase(context, (pool) => deleteSession(pool, context.config.userName, id));
  context.output.result(
    deleted,
    (s) =>
      `Deleted session ${s.id}${s.name ? ` "${s.name}"` : ''} (started ${formatLocal(s.start_time)}) and its ${s.set_count} set(s).`,
  );
}
