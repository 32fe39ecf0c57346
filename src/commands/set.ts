import { addSet, type AddedSet } from '../db/queries/addSet.js';
import { undoLastSet, type UndoneSet } from '../db/queries/undoSet.js';
import { formatRecordValue, recordLabel, recordValueIn } from '../domain/records.js';
import { formatWeight, weightInUnit } from '../domain/units.js';
import { UsageError } from '../errors.js';
import { palette } from '../ui/color.js';
import { interactive, withDatabase, type CommandContext } from './context.js';
import { parseSetOptions, type RawSetOptions } from './setInput.js';

export async function addSetCommand(context: CommandContext, args: unknown[], options: Record<string, unknown>) {
  const [exerciseArg, setWords] = args as [string | undefined, string[] | undefined];
  const notation = setWords && setWords.length > 0 ? setWords.join(' ') : undefined;
  const raw = options as RawSetOptions;
  const hasSet = notation !== undefined || raw.weight !== undefined || raw.reps !== undefined;
  const { config } = context;

  if ((exerciseArg === undefined || !hasSet) && interactive()) {
    const { promptSet } = await import('./setPrompt.js');
    const added = await withDatabase(context, async (pool) => {
      const answers = await promptSet(pool, config.userName, exerciseArg);
      return addSet(pool, parseSetOptions(config.userName, answers.exercise, answers.set, raw));
    });
    report(context, added);
    return;
  }
  if (exerciseArg === undefined) {
    throw new UsageError('missing EXERCISE; usage: workout set add EXERCISE SET (e.g. workout set add "Bench Press" 100x5)');
  }
  const input = parseSetOptions(config.userName, exerciseArg, notation, raw);
  // set add checks the schema version inside its one transaction: no extra round trip.
  const added = await withDatabase(context, (pool) => addSet(pool, input), { checkSchema: false });
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
