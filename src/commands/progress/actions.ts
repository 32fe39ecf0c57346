import { exerciseSessions } from '../../db/queries/exerciseHistory.js';
import { DEFAULT_UNIT, readingUser } from '../../db/queries/readingUser.js';
import { progressPoints } from '../../domain/progress.js';
import { fromKg } from '../../domain/units.js';
// asciichart comes with this module only: the progress command's own chunk.
import { lineChart } from '../../ui/chart.js';
import { type CommandContext, withDatabase } from '../context.js';
import type { ProgressInput } from '../progress.js';

const CHART_HEIGHT = 12;
/** Columns when stdout is not a terminal. */
const DEFAULT_WIDTH = 80;
const LABELS = { e1rm: 'best estimated 1RM', heaviest: 'heaviest weight', volume: 'volume', reps: 'reps' } as const;

export async function progressCommand(context: CommandContext, { exercise, metric, by, range, unit }: ProgressInput) {
  const { sessions, shown } = await withDatabase(context, async (pool) => {
    const user = await readingUser(pool, context.config.userName);
    return {
      sessions: user === undefined ? [] : await exerciseSessions(pool, user.id, exercise, range),
      shown: unit ?? user?.unit ?? DEFAULT_UNIT,
    };
  });
  const points = progressPoints(sessions, metric, by);
  const inUnit = (kg: number) => (metric === 'reps' ? kg : fromKg(kg, shown));
  // JSON: values in the unit shown, the exact kilograms beside them (null for reps).
  const json = points.map((point) => ({
    date: point.date,
    value: inUnit(point.value),
    value_kg: metric === 'reps' ? null : point.value,
    record: point.record,
  }));
  context.output.result({ exercise, metric, by, unit: shown, points: json }, () => {
    if (points.length === 0) return `No sets of ${exercise} in this range.`;
    const label = `${exercise}: ${LABELS[metric]} per ${by}${metric === 'reps' ? '' : ` (${shown})`}`;
    const width = process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : DEFAULT_WIDTH;
    return lineChart(
      points.map((point) => ({ ...point, value: inUnit(point.value) })),
      { width, height: CHART_HEIGHT, label },
    );
  });
}
