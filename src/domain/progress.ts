import { groupByPeriod, type Period } from './period.js';

export const METRICS = ['e1rm', 'heaviest', 'volume', 'reps'] as const;
export type Metric = (typeof METRICS)[number];

/** What a session holds for the progress chart (weights in kilograms; of its working sets, null when none). */
export type SessionSummary = {
  started_at: Date;
  e1rm: number | null;
  heaviest: number | null;
  volume: number;
  reps: number | null;
  records: readonly unknown[];
};

export type ProgressPoint = { date: Date; value: number; record: boolean };

/** A session's value of `metric`; null when it has none (no set counts for an e1RM, only warm-ups). */
function sessionValue(session: SessionSummary, metric: Metric): number | null {
  return metric === 'volume' ? session.volume : session[metric];
}

/**
 * The points of a progress chart, oldest first: per session, or per week or month (the
 * best e1RM or heaviest weight of the period, the total volume or reps). A point is a
 * record when a session in it set one.
 */
export function progressPoints(
  sessions: readonly SessionSummary[],
  metric: Metric,
  by: 'session' | Period,
): ProgressPoint[] {
  const points = sessions
    .map((session) => ({
      date: session.started_at,
      value: sessionValue(session, metric),
      record: session.records.length > 0,
    }))
    .filter((point): point is ProgressPoint => point.value !== null)
    .sort((a, b) => a.date.getTime() - b.date.getTime());
  if (by === 'session') return points;
  const total = metric === 'volume' || metric === 'reps';
  return groupByPeriod(points, (point) => point.date, by).map(({ start, items }) => ({
    date: start,
    value: total ? items.reduce((sum, point) => sum + point.value, 0) : Math.max(...items.map((point) => point.value)),
    record: items.some((point) => point.record),
  }));
}
