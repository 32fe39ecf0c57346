import { addSet, type AddedSet } from '../../db/queries/addSet.js';
import { undoLastSet, type UndoneSet } from '../../db/queries/undoSet.js';
import { formatRecordValue, recordLabel, recordValueIn } from '../../domain/records.js';
import { formatWeight, weightInUnit } from '../../domain/units.js';
import { UsageError } from '../../errors.js';
import { palette } from '../../ui/color.js';
import { interactive, withDatabase, type CommandContext } from '../context.js';
import type { AddSetInput } from '../set.js';
import { parseSetOptions } from './setInput.js';

export async function addSetCommand(context: CommandContext, input: AddSetInput) {
  const { exercise, set: notation, ...options } = input;
  const { userName } = context.config;
  const hasSet = notation !== undefined || options.weight !== undefined || options.reps !== undefined;

  if ((exercise === undefined || !hasSet) && interactive()) {
    const { promptSet } = await import('./setPrompt.js');
    const added = await withDatabase(context, async (pool) => {
      const answers = await promptSet(pool, userName, exercise);
      return addSet(pool, parseSetOptions(userName, answers.exercise, answers.set, options));
    });
    report(context, added);
    return;
  }
  if (exercise === undefined) {
    throw new UsageError('missing EXERCISE; usage: workout set add EXERCISE SET (e.g. workout set add "Bench Press" 100x5)');
  }
  // set add reads the schema version inside its one transaction: no extra round trip.
  const added = await withDatabase(context, (pool) => addSet(pool, parseSetOptions(userName, exercise, notation, options)), 'current-read-by-work');
  report(context, added);
}

function report({ output }: CommandContext, added: AddedSet) {
  if (added.session_started) output.note(`Started session ${added.session_id}.`);
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
  return (
    `Removed ${result.exercise} set ${result.set_number} (${formatWeight(result.weight, result.unit, result.bodyweight)} x ${result.reps}) from session ${result.session_id}.`
  );
}
