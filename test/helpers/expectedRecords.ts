/**
 * The personal-record rules, written again here from the words, independently
 * of the app's SQL: tests compare what the app stored with what this computes from
 * the sets themselves.
 */
export type LoggedSet = { id: number; weight: number; reps: number; bodyweight: boolean; set_type: string; at_us: number };
export type ExpectedRecord = { kind: string; reps: number; value: number; log_id: number };

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

function candidates(set: LoggedSet): Array<{ kind: string; reps: number; value: number }> {
  if (set.set_type === 'warmup') return [];
  const w = set.weight;
  const all = [
    { kind: 'heaviest', reps: 0, value: w },
    // Epley, only up to 12 reps; one rep is the weight itself. Stored to 4 decimals.
    { kind: 'e1rm', reps: 0, value: set.reps === 1 ? w : set.reps <= 12 ? round((w * (30 + set.reps)) / 30, 4) : 0 },
    { kind: 'volume', reps: 0, value: w * set.reps },
    { kind: 'rep_max', reps: set.reps, value: w },
    { kind: 'most_reps', reps: 0, value: set.bodyweight && w === 0 ? set.reps : 0 },
  ];
  return all.filter((candidate) => candidate.value > 0);
}

/** Best value per (kind, reps); on a tie the older set (then the lower id) keeps it. */
export function expectedRecords(sets: LoggedSet[]): ExpectedRecord[] {
  const best = new Map<string, ExpectedRecord & { at_us: number }>();
  for (const set of sets) {
    for (const candidate of candidates(set)) {
      const key = `${candidate.kind}/${candidate.reps}`;
      const held = best.get(key);
      const value = round(candidate.value, 6);
      const beats =
        !held ||
        value > held.value ||
        (value === held.value && (set.at_us < held.at_us || (set.at_us === held.at_us && set.id < held.log_id)));
      if (beats) best.set(key, { ...candidate, value, log_id: set.id, at_us: set.at_us });
    }
  }
  return sortRecords([...best.values()].map(({ kind, reps, value, log_id }) => ({ kind, reps, value, log_id })));
}

export function sortRecords<T extends { kind: string; reps: number }>(records: T[]): T[] {
  return [...records].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.reps - b.reps));
}

/** SQL reading what expectedRecords needs; `$1` is the user's name, `$2` the exercise. */
export const LOGGED_SETS_SQL = `
  SELECT l.id::float8 AS id, l.weight::float8 AS weight, l.reps, l.bodyweight, l.set_type,
         (extract(epoch FROM l.performed_at) * 1000000)::float8 AS at_us
  FROM workout_log l JOIN app_user u ON u.id = l.user_id JOIN exercise e ON e.id = l.exercise_id
  WHERE u.name = $1 AND lower(e.name) = lower($2)`;

export const STORED_RECORDS_SQL = `
  SELECT p.kind, p.reps, round(p.value, 6)::float8 AS value, p.log_id::float8 AS log_id
  FROM personal_record p JOIN app_user u ON u.id = p.user_id JOIN exercise e ON e.id = p.exercise_id
  WHERE u.name = $1 AND lower(e.name) = lower($2)`;
