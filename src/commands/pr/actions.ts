import { DEFAULT_UNIT, readingUser } from '../../db/queries/readingUser.js';
import { listRecords, type RecordRow } from '../../db/queries/records.js';
import { formatRecordValue, recordLabel, recordOrder, recordValueIn } from '../../domain/records.js';
import type { Unit } from '../../domain/units.js';
import { palette } from '../../ui/color.js';
import { renderTable } from '../../ui/table.js';
import { formatDay } from '../../ui/time.js';
import { type CommandContext, withDatabase } from '../context.js';
import type { ListRecordsInput } from '../pr.js';

export async function listRecordsCommand(context: CommandContext, { exercise, unit }: ListRecordsInput) {
  const { records, shownUnit } = await withDatabase(context, async (pool) => {
    const user = await readingUser(pool, context.config.userName);
    return {
      records: user === undefined ? [] : await listRecords(pool, user.id, exercise),
      shownUnit: unit ?? user?.unit ?? DEFAULT_UNIT,
    };
  });
  // JSON: values in the unit shown, like the table (`unit`), the exact kilograms beside them (value_kg);
  // set_unit is the unit the set that holds the record was logged in.
  const shown = records.map(({ unit: setUnit, ...row }) => ({
    ...row,
    value: recordValueIn(row.kind, row.value, shownUnit),
    value_kg: row.kind === 'most_reps' ? null : row.value,
    unit: shownUnit,
    set_unit: setUnit,
  }));
  context.output.result(shown, () => renderRecords(records, shownUnit, context.output.color));
}

function renderRecords(rows: RecordRow[], unit: Unit, color: boolean): string {
  if (rows.length === 0) return 'No records yet. Log a set with `workout set add EXERCISE SET`.';
  const c = palette(color);
  const byExercise = new Map<string, RecordRow[]>();
  for (const row of rows) byExercise.set(row.exercise, [...(byExercise.get(row.exercise) ?? []), row]);
  const tables: string[] = [];
  for (const [exercise, records] of byExercise) {
    const body = [...records]
      .sort((a, b) => recordOrder(a) - recordOrder(b))
      .map((r) => [recordLabel(r.kind, r.reps), formatRecordValue(r.kind, r.value, unit), formatDay(r.achieved_at)]);
    tables.push(`${c.bold(exercise)}\n${renderTable(['record', 'value', 'date'], body, color)}`);
  }
  return tables.join('\n\n');
}
