/**
 * Training totals computed again from `workout export --format json`, independently of
 * the app's SQL: tests compare what history and stats print with these.
 */
export type ExportedSet = {
  session_key: string;
  session_start: string;
  exercise: string;
  set_number: number;
  set_type: string;
  weight: number;
  unit: 'kg' | 'lb';
  bodyweight: boolean;
  reps: number;
  performed_at: string;
};

const kilograms = (set: ExportedSet) => (set.unit === 'lb' ? set.weight * 0.45359237 : set.weight);

/** Weight x reps of the sets that are not warm-ups, in kilograms (a bodyweight set counts its added load). */
export function volumeKg(sets: ExportedSet[]): number {
  return sets.filter((set) => set.set_type !== 'warmup').reduce((sum, set) => sum + kilograms(set) * set.reps, 0);
}

/** The best Epley estimate of the sets that are not warm-ups, 12 reps or fewer; null when none. */
export function bestE1rmKg(sets: ExportedSet[]): number | null {
  const estimates = sets
    .filter((set) => set.set_type !== 'warmup' && set.reps <= 12 && kilograms(set) > 0)
    .map((set) => (set.reps === 1 ? kilograms(set) : kilograms(set) * (1 + set.reps / 30)));
  return estimates.length === 0 ? null : Math.max(...estimates);
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
