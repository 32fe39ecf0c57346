import { type AddedSets, addSets, UnknownExerciseError } from '../../db/queries/addSet.js';
import { lastSets } from '../../db/queries/lastSets.js';
import { readingUser } from '../../db/queries/readingUser.js';
import { type UndoneSet, undoLastSet } from '../../db/queries/undoSet.js';
import { userExercises } from '../../db/queries/userExercises.js';
import { lastTimeAnswer } from '../../domain/lastTime.js';
import type { NewSets } from '../../domain/newSet.js';
import { formatRecordValue, recordLabel, recordValueIn } from '../../domain/records.js';
import { parseSessionGap } from '../../domain/sessionGap.js';
import { parseSetList } from '../../domain/setList.js';
import { formatWeight, weightInUnit } from '../../domain/units.js';
import { UsageError } from '../../errors.js';
import { palette } from '../../ui/color.js';
import { formatLocal } from '../../ui/time.js';
import { type CommandContext, interactive, withDatabase } from '../context.js';
import { idleSessionNote } from '../session/idleNote.js';
import type { AddSetInput, UndoSetInput } from '../set.js';
import { parseSetCommand } from './setInput.js';

export async function addSetCommand(context: CommandContext, input: AddSetInput) {
  const gapMinutes = parseSessionGap(process.env.WORKOUT_SESSION_GAP);
  const newSets = await readSets(context, input);
  // On a terminal a name typed on the command line that names no exercise is asked about
  // ("did you mean …?") before it is created: the first visit writes nothing then.
  const askFirst = input.exercise !== undefined && interactive();
  // The schema version is read inside set add's one transaction: no round trip of its own.
  const first = await withDatabase(
    context,
    async (pool) => {
      try {
        return await addSets(pool, newSets, gapMinutes, askFirst ? 'refuse' : 'create');
      } catch (error) {
        if (!(error instanceof UnknownExerciseError)) throw error;
        return { unknown: await userExercises(pool, context.config.userName) };
      }
    },
    'current-read-by-work',
  );
  if (!('unknown' in first)) {
    report(context, first, gapMinutes);
    if (first.exercise_created) await noteNearName(context, first.exercise);
    return;
  }
  const exercise = await confirmNewExercise(newSets.exercise, first.unknown);
  const added = await withDatabase(
    context,
    (pool) => addSets(pool, { ...newSets, exercise }, gapMinutes),
    'current-read-by-work',
  );
  report(context, added, gapMinutes);
}

/** Asks whether a new name was meant as a known one near it; the name to log under. */
async function confirmNewExercise(name: string, own: string[]): Promise<string> {
  const [{ catalogNames }, { closestName }, { confirm }] = await Promise.all([
    import('../../domain/catalog/catalogNames.js'),
    import('../../domain/catalog/closestName.js'),
    import('@inquirer/prompts'),
  ]);
  const near = closestName(name, [...own.map((known) => ({ name: known, exercise: known })), ...catalogNames()]);
  if (near === undefined) return name;
  return (await confirm({ message: `${name} is new. Did you mean ${near}?`, default: true })) ? near : name;
}

/** In a script a new name is created as given; one line on stderr names the catalog entry it is near. */
async function noteNearName({ output }: CommandContext, name: string): Promise<void> {
  const [{ catalogNames }, { closestName }] = await Promise.all([
    import('../../domain/catalog/catalogNames.js'),
    import('../../domain/catalog/closestName.js'),
  ]);
  const near = closestName(name, catalogNames());
  if (near !== undefined) output.note(`${name} is a new exercise; did you mean ${near}?`);
}

/**
 * set add takes the words commander does not know as arguments, so that `-5x8` reaches
 * SET; anything else that looks like an option is still an option it does not know.
 */
function refuseUnknownOptions(exercise: string | undefined, notation: string | undefined): void {
  const option = exercise?.startsWith('-') ? exercise : notation?.split(' ').find((word) => /^-(?![\d.])./.test(word));
  if (option !== undefined) throw new UsageError(`unknown option '${option}' (see workout set add --help)`);
}

/**
 * The sets to log, from argv, with what is missing asked for on a terminal. This runs
 * before the database is opened for the write: a person typing never holds it (an
 * embedded database admits one process at a time, a server connection waits idle).
 */
async function readSets(
  context: CommandContext,
  { exercise, set: notation, ...options }: AddSetInput,
): Promise<NewSets> {
  refuseUnknownOptions(exercise, notation);
  const { userName } = context.config;
  const hasSet = notation !== undefined || options.weight !== undefined || options.reps !== undefined;
  if ((exercise !== undefined && hasSet) || !interactive()) {
    if (exercise === undefined) {
      throw new UsageError(
        'missing EXERCISE; usage: workout set add EXERCISE SET (e.g. workout set add "Bench Press" 100x5)',
      );
    }
    return parseSetCommand(userName, exercise, notation, options);
  }
  // The exercise prompt offers the user's own, the set prompt last time's set: each read in a
  // short visit that closes the database before the question is asked.
  const known = exercise === undefined ? await withDatabase(context, (pool) => userExercises(pool, userName)) : [];
  const { promptExercise, promptSetNotation } = await import('./setPrompt.js');
  const chosen = exercise ?? (await promptExercise(known));
  if (hasSet) return parseSetCommand(userName, chosen, notation, options);
  const answer = await withDatabase(context, async (pool) => {
    const user = await readingUser(pool, userName);
    const sets = user === undefined ? [] : await lastSets(pool, user.id, chosen);
    return lastTimeAnswer(
      sets.filter((set) => !set.active),
      sets.filter((set) => set.active),
    );
  });
  return parseSetCommand(userName, chosen, await promptSetNotation(chosen, parseSetList, answer), options);
}

function report({ output }: CommandContext, added: AddedSets, gapMinutes: number) {
  if (added.closed_session_id !== null && added.closed_at !== null) {
    output.note(idleSessionNote(added.closed_session_id, added.closed_at, gapMinutes));
  }
  if (added.session_started) {
    output.note(
      added.session_ended
        ? `Started session ${added.session_id} at ${formatLocal(added.performed_at)} and ended it there: the set is in the past.`
        : `Started session ${added.session_id}.`,
    );
  }
  // JSON: weights in each set's unit, like the text (the exact kilograms in weight_kg);
  // a record's value in the unit of the set that holds it.
  const records = added.records.map(({ log_id, ...record }) => {
    const { unit, set_number } = holder(added, log_id);
    const inUnit = {
      ...record,
      value: recordValueIn(record.kind, record.value, unit),
      previous: record.previous === null ? null : recordValueIn(record.kind, record.previous, unit),
    };
    return added.sets.length === 1 ? inUnit : { ...inUnit, set_number };
  });
  const { sets, records: _records, ...shared } = added;
  // One set keeps the shape `set add --json` always had; several are listed under `sets`.
  const shown =
    sets.length === 1
      ? { ...weightInUnit({ ...shared, ...sets[0]! }), records }
      : { ...shared, sets: sets.map((set) => weightInUnit(set)), records };
  output.result(shown, () => renderAdded(added, output.color));
}

/** The set of the command that holds a record. */
function holder(added: AddedSets, logId: number): AddedSets['sets'][number] {
  return added.sets.find((set) => set.id === logId)!;
}

function renderAdded(added: AddedSets, color: boolean): string {
  const c = palette(color);
  const rpe = added.rpe === null ? '' : ` @ RPE ${added.rpe}`;
  const type = added.set_type === 'normal' ? '' : ` (${added.set_type})`;
  const lines = added.sets.map(
    (set) =>
      `${c.bold(added.exercise)}: set ${set.set_number}, ${formatWeight(set.weight, set.unit, set.bodyweight)} x ${set.reps}${rpe}${type}`,
  );
  // A record can move to an equal but older (backdated) set: that is not a new PR.
  for (const record of added.records.filter((r) => r.previous !== null && r.value > r.previous)) {
    const set = holder(added, record.log_id);
    const which = added.sets.length === 1 ? '' : ` (set ${set.set_number})`;
    lines.push(
      c.green(
        `New PR: ${recordLabel(record.kind, record.reps)} ${formatRecordValue(record.kind, record.value, set.unit)}${which}, ` +
          `was ${formatRecordValue(record.kind, record.previous!, set.unit)}`,
      ),
    );
  }
  return lines.join('\n');
}

export async function undoSetCommand(context: CommandContext, { command }: UndoSetInput) {
  const undone = await withDatabase(context, (pool) => undoLastSet(pool, context.config.userName, { command }));
  // One set as `set undo` always printed it; --command lists the sets it removed.
  const shown = command ? { sets: undone.map((set) => weightInUnit(set)) } : weightInUnit(undone[0]!);
  context.output.result(shown, () => undone.map(describeUndone).join('\n'));
}

function describeUndone(result: UndoneSet): string {
  return `Removed ${result.exercise} set ${result.set_number} (${formatWeight(result.weight, result.unit, result.bodyweight)} x ${result.reps}) from session ${result.session_id}.`;
}
