import { type AddedSet, addSet } from '../../db/queries/addSet.js';
import { lastSets } from '../../db/queries/lastSets.js';
import { readingUser } from '../../db/queries/readingUser.js';
import { type UndoneSet, undoLastSet } from '../../db/queries/undoSet.js';
import { userExercises } from '../../db/queries/userExercises.js';
import { lastTimeAnswer } from '../../domain/lastTime.js';
import type { NewSet } from '../../domain/newSet.js';
import { formatRecordValue, recordLabel, recordValueIn } from '../../domain/records.js';
import { parseSessionGap } from '../../domain/sessionGap.js';
import { formatWeight, weightInUnit } from '../../domain/units.js';
import { UsageError } from '../../errors.js';
import { palette } from '../../ui/color.js';
import { formatLocal } from '../../ui/time.js';
import { type CommandContext, interactive, withDatabase } from '../context.js';
import { idleSessionNote } from '../session/idleNote.js';
import type { AddSetInput } from '../set.js';
import { parseSetOptions } from './setInput.js';

export async function addSetCommand(context: CommandContext, input: AddSetInput) {
  const gapMinutes = parseSessionGap(process.env.WORKOUT_SESSION_GAP);
  const newSet = await readSet(context, input);
  // The schema version is read inside set add's one transaction: no round trip of its own.
  const added = await withDatabase(context, (pool) => addSet(pool, newSet, gapMinutes), 'current-read-by-work');
  report(context, added, gapMinutes);
}

/**
 * The set to log, from argv, with what is missing asked for on a terminal. This runs
 * before the database is opened for the write: a person typing never holds it (an
 * embedded database admits one process at a time, a server connection waits idle).
 */
async function readSet(context: CommandContext, { exercise, set: notation, ...options }: AddSetInput): Promise<NewSet> {
  const { userName } = context.config;
  const hasSet = notation !== undefined || options.weight !== undefined || options.reps !== undefined;
  if ((exercise !== undefined && hasSet) || !interactive()) {
    if (exercise === undefined) {
      throw new UsageError(
        'missing EXERCISE; usage: workout set add EXERCISE SET (e.g. workout set add "Bench Press" 100x5)',
      );
    }
    return parseSetOptions(userName, exercise, notation, options);
  }
  // The exercise prompt offers the user's own, the set prompt last time's set: each read in a
  // short visit that closes the database before the question is asked.
  const known = exercise === undefined ? await withDatabase(context, (pool) => userExercises(pool, userName)) : [];
  const { promptExercise, promptSetNotation } = await import('./setPrompt.js');
  const chosen = exercise ?? (await promptExercise(known));
  if (hasSet) return parseSetOptions(userName, chosen, notation, options);
  const answer = await withDatabase(context, async (pool) => {
    const user = await readingUser(pool, userName);
    const sets = user === undefined ? [] : await lastSets(pool, user.id, chosen);
    return lastTimeAnswer(
      sets.filter((set) => !set.active),
      sets.filter((set) => set.active),
    );
  });
  return parseSetOptions(userName, chosen, await promptSetNotation(chosen, answer), options);
}

function report({ output }: CommandContext, added: AddedSet, gapMinutes: number) {
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
  // A record can move to an equal but older (backdated) set: that is not a new PR.
  const beaten = added.records.filter((record) => record.previous !== null && record.value > record.previous);
  // JSON: weights in the set's unit, like the text (the exact kilograms in weight_kg).
  const shown = {
    ...weightInUnit(added),
    records: added.records.map((record) => ({
      ...record,
      value: recordValueIn(record.kind, record.value, added.unit),
      previous: record.previous === null ? null : recordValueIn(record.kind, record.previous, added.unit),
    })),
  };
  output.result(shown, () => renderAdded(added, beaten, output.color));
}

function renderAdded(set: AddedSet, beaten: AddedSet['records'], color: boolean): string {
  const c = palette(color);
  const rpe = set.rpe === null ? '' : ` @ RPE ${set.rpe}`;
  const type = set.set_type === 'normal' ? '' : ` (${set.set_type})`;
  const lines = [
    `${c.bold(set.exercise)}: set ${set.set_number}, ${formatWeight(set.weight, set.unit, set.bodyweight)} x ${set.reps}${rpe}${type}`,
  ];
  for (const record of beaten) {
    lines.push(
      c.green(
        `New PR: ${recordLabel(record.kind, record.reps)} ${formatRecordValue(record.kind, record.value, set.unit)}, ` +
          `was ${formatRecordValue(record.kind, record.previous!, set.unit)}`,
      ),
    );
  }
  return lines.join('\n');
}

export async function undoSetCommand(context: CommandContext) {
  const undone = await withDatabase(context, (pool) => undoLastSet(pool, context.config.userName));
  context.output.result(weightInUnit(undone), () => describeUndone(undone));
}

function describeUndone(result: UndoneSet): string {
  return `Removed ${result.exercise} set ${result.set_number} (${formatWeight(result.weight, result.unit, result.bodyweight)} x ${result.reps}) from session ${result.session_id}.`;
}
