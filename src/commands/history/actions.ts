import { exerciseHistory, type HistoryRow } from '../../db/queries/exerciseHistory.js';
import { DEFAULT_UNIT, readingUser } from '../../db/queries/readingUser.js';
import { compactSet, topSet } from '../../domain/compactSet.js';
import type { RecordKind } from '../../domain/records.js';
import { formatWeight, fromKg, type Unit, weightInUnit } from '../../domain/units.js';
import { palette } from '../../ui/color.js';
import { renderTable } from '../../ui/table.js';
import { formatDay } from '../../ui/time.js';
import { type CommandContext, withDatabase } from '../context.js';
import type { HistoryInput } from '../history.js';

export async function historyCommand(context: CommandContext, { exercise, limit, range, unit }: HistoryInput) {
  const { rows, shown } = await withDatabase(context, async (pool) => {
    const user = await readingUser(pool, context.config.userName);
    return {
      rows: user === undefined ? [] : await exerciseHistory(pool, user.id, exercise, range, limit),
      shown: unit ?? user?.unit ?? DEFAULT_UNIT,
    };
  });
  // JSON: sets as logged (exact kilograms in weight_kg); estimates and volume in the shown unit, and in kilograms.
  const sessions = rows.map((row) => {
    const top = topSet(row.sets);
    return {
      session_id: row.session_id,
      started_at: row.started_at,
      sets: row.sets.map(weightInUnit),
      top_set: top ? weightInUnit(top) : null,
      e1rm: row.e1rm === null ? null : fromKg(row.e1rm, shown),
      e1rm_kg: row.e1rm,
      volume: fromKg(row.volume, shown),
      volume_kg: row.volume,
      records: row.records,
    };
  });
  context.output.result({ exercise, unit: shown, sessions }, () =>
    renderHistory(exercise, rows, shown, context.output.color),
  );
}

/** A record's name in a table cell: e1RM, heaviest, volume, 5RM, reps. */
function shortLabel({ kind, reps }: { kind: RecordKind; reps: number }): string {
  if (kind === 'rep_max') return `${reps}RM`;
  if (kind === 'most_reps') return 'reps';
  return kind === 'e1rm' ? 'e1RM' : kind;
}

function renderHistory(exercise: string, rows: HistoryRow[], unit: Unit, color: boolean): string {
  if (rows.length === 0) return `No sets of ${exercise} in this range.`;
  const c = palette(color);
  const body = rows.map((row) => {
    const top = topSet(row.sets);
    return [
      formatDay(row.started_at),
      row.sets.map((set) => compactSet(set, unit)).join(', '),
      top ? `${formatWeight(top.weight, top.unit, top.bodyweight)} x ${top.reps}` : '-',
      row.e1rm === null ? '-' : String(fromKg(row.e1rm, unit)),
      String(fromKg(row.volume, unit)),
      row.records.length === 0 ? '' : c.green(`PR ${row.records.map(shortLabel).join(', ')}`),
    ];
  });
  return `${c.bold(exercise)}\n${renderTable(['date', 'sets', 'top set', `e1RM (${unit})`, `volume (${unit})`, 'records'], body, color)}`;
}
