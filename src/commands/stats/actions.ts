import { DEFAULT_UNIT, readingUser } from '../../db/queries/readingUser.js';
import { listRecords, type RecordRow } from '../../db/queries/records.js';
import { sessionStarts } from '../../db/queries/sessionStarts.js';
import { type SessionTotals, sessionTotals } from '../../db/queries/sessionTotals.js';
import { type TopExercise, topExercises } from '../../db/queries/topExercises.js';
import { groupByPeriod, weekStreak } from '../../domain/period.js';
import { formatRecordValue, recordLabel, recordValueIn } from '../../domain/records.js';
import { fromKg, type Unit } from '../../domain/units.js';
import { barChart } from '../../ui/barChart.js';
import { palette } from '../../ui/color.js';
import { renderTable } from '../../ui/table.js';
import { formatDay } from '../../ui/time.js';
import { type CommandContext, withDatabase } from '../context.js';
import type { StatsInput } from '../stats.js';

const TOP_EXERCISES = 5;
const DEFAULT_WIDTH = 80;

type Collected = { sessions: SessionTotals[]; top: TopExercise[]; starts: Date[]; records: RecordRow[]; unit: Unit };

async function collect(context: CommandContext, { range, unit }: StatsInput): Promise<Collected> {
  return withDatabase(context, async (pool) => {
    const user = await readingUser(pool, context.config.userName);
    const shown = unit ?? user?.unit ?? DEFAULT_UNIT;
    if (user === undefined) return { sessions: [], top: [], starts: [], records: [], unit: shown };
    const inRange = (date: Date) => (!range.from || date >= range.from) && (!range.to || date < range.to);
    return {
      sessions: await sessionTotals(pool, user.id, range),
      top: await topExercises(pool, user.id, range, TOP_EXERCISES),
      starts: await sessionStarts(pool, user.id),
      records: (await listRecords(pool, user.id, undefined)).filter((record) => inRange(record.achieved_at)),
      unit: shown,
    };
  });
}

export async function statsCommand(context: CommandContext, input: StatsInput) {
  const { sessions, top, starts, records, unit } = await collect(context, input);
  const periods = groupByPeriod(sessions, (session) => session.first_at, input.by).map(({ start, items }) => {
    const volume = items.reduce((sum, session) => sum + session.volume, 0);
    return {
      start,
      sessions: items.length,
      working_sets: items.reduce((sum, session) => sum + session.working_sets, 0),
      reps: items.reduce((sum, session) => sum + session.reps, 0),
      volume: fromKg(volume, unit),
      volume_kg: volume,
    };
  });
  const stats = {
    by: input.by,
    unit,
    from: input.range.from,
    to: input.range.to,
    periods,
    top_exercises: top.map((row) => ({ ...row, volume: fromKg(row.volume, unit), volume_kg: row.volume })),
    streak_weeks: weekStreak(starts, new Date()),
    // Records in the unit shown (value_kg exact); `unit` stays the unit of the set that holds each.
    records: records.map((row) => ({
      ...row,
      value: recordValueIn(row.kind, row.value, unit),
      value_kg: row.kind === 'most_reps' ? null : row.value,
    })),
  };
  context.output.result(stats, () => {
    if (periods.length === 0) return `No sets in this range. Current streak: ${stats.streak_weeks} week(s).`;
    const c = palette(context.output.color);
    const width = process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : DEFAULT_WIDTH;
    const table = renderTable(
      [input.by, 'sessions', 'working sets', 'reps', `volume (${unit})`],
      periods.map((p) => [
        formatDay(p.start),
        String(p.sessions),
        String(p.working_sets),
        String(p.reps),
        String(p.volume),
      ]),
      context.output.color,
    );
    const bars = barChart(
      periods.map((p) => ({ label: formatDay(p.start), value: p.volume_kg, text: String(p.volume) })),
      width,
    );
    const topLines = stats.top_exercises.map(
      (row) => `  ${row.exercise}: ${row.volume} ${unit} (${row.working_sets} working sets)`,
    );
    const recordLines = records.map(
      (row) =>
        `  ${formatDay(row.achieved_at)}  ${row.exercise}: ${recordLabel(row.kind, row.reps)} ${formatRecordValue(row.kind, row.value, unit)}`,
    );
    return [
      table,
      '',
      c.bold(`Volume per ${input.by} (${unit})`),
      bars,
      '',
      c.bold('Top exercises by volume'),
      ...topLines,
      '',
      `${c.bold('Current streak:')} ${stats.streak_weeks} week(s) in a row with a session`,
      '',
      c.bold(`Records set in this range, still standing: ${records.length}`),
      ...recordLines,
    ].join('\n');
  });
}
