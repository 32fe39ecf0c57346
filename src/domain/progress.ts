import { groupByPeriod, type Period } from './period.js';

export const METRICS = ['e1rm', 'heaviest', 'volume', 'reps'] as const;
export type Metric = (typeof METRICS)[number];

/** What a session holds for the progress chart (weights in kilograms). */
export type SessionSummary = {
  started_at: Date;
  e1rm: number | null;
  volume: number;
  sets: ReadonlyArray<{ weight: number; reps: number; set_type: string }>;
  records: readonly unknown[];
};

export type ProgressPoint = { date: Date; value: number; record: boolean };

/** A session's value of `metric`; null when it has none (no set counts for an e1RM, only warm-ups). */
function sessionValue(session: SessionSummary, metric: Metric): number | null {
  const working = session.sets.filter((set) => set.set_type !== 'warmup');
  switch (metric) {
    case 'e1rm':
      return session.e1rm;
    case 'volume':
      return session.volume;
    case 'heaviest': {
      const heaviest = Math.max(0, ...working.map((set) => set.weight));
      return heaviest > 0 ? heaviest : null;
    }
    case 'reps':
      return working.length > 0 ? working.reduce((sum, set) => sum + set.reps, 0) : null;
  }
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
