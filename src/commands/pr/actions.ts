import { listRecords, type RecordRow } from '../../db/queries/records.js';
import { formatRecordValue, recordLabel, recordOrder, recordValueIn } from '../../domain/records.js';
import { palette } from '../../ui/color.js';
import { renderTable } from '../../ui/table.js';
import { formatDay } from '../../ui/time.js';
import { type CommandContext, withDatabase } from '../context.js';
import type { ListRecordsInput } from '../pr.js';

export async function listRecordsCommand(context: CommandContext, { exercise }: ListRecordsInput) {
  const records = await withDatabase(context, (pool) => listRecords(pool, context.config.userName, exercise));
  // JSON: values in the unit of the set that holds the record, like the table (exact kilograms in value_kg).
  const shown = records.map((row) => ({
    ...row,
    value: recordValueIn(row.kind, row.value, row.unit),
    value_kg: row.kind === 'most_reps' ? null : row.value,
  }));
  context.output.result(shown, () => renderRecords(records, context.output.color));
}

function renderRecords(rows: RecordRow[], color: boolean): string {
  if (rows.length === 0) return 'No records yet. Log a set with `workout set add EXERCISE SET`.';
  const c = palette(color);
  const byExercise = new Map<string, RecordRow[]>();
  for (const row of rows) byExercise.set(row.exercise, [...(byExercise.get(row.exercise) ?? []), row]);
  const tables: string[] = [];
  for (const [exercise, records] of byExercise) {
    const body = [...records]
      .sort((a, b) => recordOrder(a) - recordOrder(b))
      .map((r) => [recordLabel(r.kind, r.reps), formatRecordValue(r.kind, r.value, r.unit), formatDay(r.achieved_at)]);
    tables.push(`${c.bold(exercise)}\n${renderTable(['record', 'value', 'date'], body, color)}`);
  }
  return tables.join('\n\n');
}
