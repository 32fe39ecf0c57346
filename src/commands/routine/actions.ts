import { findRoutine, listRoutines, noSuchRoutine, type StoredRoutine } from '../../db/queries/routineRead.js';
import { deleteRoutine, saveRoutine } from '../../db/queries/routineWrite.js';
import { parseRoutine } from '../../domain/routine/parse.js';
import { UsageError } from '../../errors.js';
import { palette } from '../../ui/color.js';
import { renderTable } from '../../ui/table.js';
import { formatLocal } from '../../ui/time.js';
import { type CommandContext, withDatabase } from '../context.js';
import type { CreateInput, NamedInput } from '../routine.js';
import { chosenEditor, type Edited, editRoutine } from './editor.js';
import { routineJson, routineRows } from './render.js';
import { readStdin } from './stdin.js';

export async function createRoutineCommand(context: CommandContext, { name, replace }: CreateInput) {
  const { userName } = context.config;
  let edited: Edited;
  if (process.stdin.isTTY) {
    const editor = chosenEditor();
    if (!editor) {
      throw new UsageError(
        `no routine given: pipe it in (workout routine create NAME < FILE), or set $VISUAL or $EDITOR`,
      );
    }
    // A taken name is said before the person writes a whole routine (a short visit: open, read, close).
    const held = replace ? null : await withDatabase(context, (pool) => findRoutine(pool, userName, name));
    if (held)
      throw new UsageError(`routine ${held.name} already exists; change it with \`workout routine edit ${held.name}\``);
    const intro = [
      `new routine ${name}: one exercise per line, e.g.`,
      '  Bench Press: 3x5 @ 100kg, +2.5kg when all reps done',
      'the grammar: workout routine --help',
    ];
    edited = editRoutine(editor, name, '', intro);
  } else {
    const source = await readStdin();
    edited = { saved: true, source, routine: parseRoutine(source, '<stdin>') };
  }
  if (!edited.saved) return cancelled(context, name, edited.reason);
  const { source, routine } = edited;
  const saved = await withDatabase(context, (pool) => saveRoutine(pool, userName, { name, source }, { replace }));
  context.output.result(
    { ...summary(saved), saved: true, created: saved.created },
    () => `${saved.created ? 'Created' : 'Replaced'} routine ${saved.name} (${routine.exercises.length} exercise(s)).`,
  );
}

export async function editRoutineCommand(context: CommandContext, { name }: NamedInput) {
  const { userName } = context.config;
  const editor = chosenEditor();
  if (!editor)
    throw new UsageError(
      'set $VISUAL or $EDITOR to edit a routine (or replace it: workout routine create NAME --replace < FILE)',
    );
  // Open, read, close: the database is free while the editor runs.
  const held = await withDatabase(context, (pool) => findRoutine(pool, userName, name));
  if (!held) throw noSuchRoutine(name);
  const edited = editRoutine(editor, held.name, held.source);
  if (!edited.saved) return cancelled(context, held.name, edited.reason);
  const routine = { name: held.name, source: edited.source };
  const saved = await withDatabase(context, (pool) =>
    saveRoutine(pool, userName, routine, { replace: true, expected: held.source }),
  );
  context.output.result(
    { ...summary(saved), saved: true, created: false },
    () => `Saved routine ${saved.name} (${edited.routine.exercises.length} exercise(s)).`,
  );
}

function cancelled(context: CommandContext, name: string, reason: string) {
  context.output.note(`Routine ${name} not saved: ${reason}.`);
  context.output.result({ name, saved: false, reason }, () => '');
}

function summary(routine: StoredRoutine) {
  return { id: routine.id, name: routine.name, created_at: routine.created_at, updated_at: routine.updated_at };
}

async function storedRoutine(context: CommandContext, name: string): Promise<StoredRoutine> {
  const held = await withDatabase(context, (pool) => findRoutine(pool, context.config.userName, name));
  if (!held) throw noSuchRoutine(name);
  return held;
}

export async function showRoutineCommand(context: CommandContext, { name }: NamedInput) {
  const held = await storedRoutine(context, name);
  const routine = parseRoutine(held.source, held.name);
  context.output.result({ ...summary(held), ...routineJson(routine), source: held.source }, () => {
    const c = palette(context.output.color);
    const table = renderTable(['exercise', 'sets', 'progression', 'rest'], routineRows(routine), context.output.color);
    return `${c.bold(held.name)} (updated ${formatLocal(held.updated_at)})\n${table}`;
  });
}

export async function exportRoutineCommand(context: CommandContext, { name }: NamedInput) {
  const held = await storedRoutine(context, name);
  if (context.output.json) context.output.result({ name: held.name, source: held.source }, () => '');
  else process.stdout.write(held.source);
}

export async function listRoutinesCommand(context: CommandContext) {
  const routines = await withDatabase(context, (pool) => listRoutines(pool, context.config.userName));
  const rows = routines.map((held) => ({
    ...summary(held),
    exercises: parseRoutine(held.source, held.name).exercises.map((e) => e.name),
  }));
  context.output.result(rows, () =>
    rows.length === 0
      ? 'No routines yet. Create one with `workout routine create NAME < FILE` (see `workout routine --help`).'
      : renderTable(
          ['routine', 'exercises', 'updated'],
          rows.map((r) => [r.name, r.exercises.join(', '), formatLocal(r.updated_at)]),
          context.output.color,
        ),
  );
}

export async function deleteRoutineCommand(context: CommandContext, { name }: NamedInput) {
  const deleted = await withDatabase(context, (pool) => deleteRoutine(pool, context.config.userName, name));
  context.output.result(
    { ...deleted, deleted: true },
    () =>
      `Deleted routine ${deleted.name}${deleted.sessions_unlinked > 0 ? `; ${deleted.sessions_unlinked} session(s) keep their sets, unlinked` : ''}.`,
  );
}
