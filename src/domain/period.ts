/** How the training views group time: by ISO week (Monday first) or calendar month, in the local zone. */
export const PERIODS = ['week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

/** Local midnight starting the week (Monday) or month that holds `date`. */
export function periodStart(date: Date, period: Period): Date {
  if (period === 'month') return new Date(date.getFullYear(), date.getMonth(), 1);
  const daysSinceMonday = (date.getDay() + 6) % 7;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - daysSinceMonday);
}

/** The start of the period after the one starting at `start`. */
export function nextPeriod(start: Date, period: Period): Date {
  return period === 'month'
    ? new Date(start.getFullYear(), start.getMonth() + 1, 1)
    : new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7);
}

/** Groups items by the period their date falls in, in time order. */
export function groupByPeriod<T>(
  items: readonly T[],
  dateOf: (item: T) => Date,
  period: Period,
): Array<{ start: Date; items: T[] }> {
  const groups = new Map<number, { start: Date; items: T[] }>();
  for (const item of items) {
    const start = periodStart(dateOf(item), period);
    const group = groups.get(start.getTime()) ?? { start, items: [] };
    group.items.push(item);
    groups.set(start.getTime(), group);
  }
  return [...groups.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * Weeks in a row, up to the one holding `today`, with at least one of `dates` in them;
 * a week not yet trained in does not break the streak until it is over.
 */
export function weekStreak(dates: readonly Date[], today: Date): number {
  const trained = new Set(dates.map((date) => periodStart(date, 'week').getTime()));
  let week = periodStart(today, 'week');
  if (!trained.has(week.getTime())) week = new Date(week.getFullYear(), week.getMonth(), week.getDate() - 7);
  let streak = 0;
  while (trained.has(week.getTime())) {
    streak++;
    week = new Date(week.getFullYear(), week.getMonth(), week.getDate() - 7);
  }
  return streak;
}
