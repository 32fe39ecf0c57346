/**
 * The personal-record rules, written again here from the words, independently
 * of the app's SQL: tests compare what the app stored with what this computes from
 * the sets themselves. Arithmetic is exact (BigInt, 12 decimal places), as the
 * database's numeric is: floats would make equal volumes unequal and break ties.
 */
export type LoggedSet = {
  id: number;
  weight: string;
  reps: number;
  bodyweight: boolean;
  set_type: string;
  at_us: number;
};
export type ExpectedRecord = { kind: string; reps: number; value: string; log_id: number };

const PLACES = 12;
const SCALE = 10n ** BigInt(PLACES);

/** A non-negative decimal's text (e.g. numeric::text) as an integer count of 10^-12. */
export function toScaled(text: string): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a non-negative decimal: ${text}`);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > PLACES) throw new Error(`more than ${PLACES} decimals: ${text}`);
  return BigInt(match[1]!) * SCALE + BigInt(fraction.padEnd(PLACES, '0'));
}

/** Canonical decimal text: no trailing fractional zeros ("140.0000" and "140" are both "140"). */
export function fromScaled(value: bigint): string {
  const whole = value / SCALE;
  const fraction = (value % SCALE).toString().padStart(PLACES, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** Rounds a positive numerator/denominator to `places` decimals, halves away from zero (numeric's round). */
function roundDivide(numerator: bigint, denominator: bigint, places: number): bigint {
  const unit = 10n ** BigInt(PLACES - places);
  const steps = (2n * numerator + denominator * unit) / (2n * denominator * unit);
  return steps * unit;
}

function candidates(set: LoggedSet): Array<{ kind: string; reps: number; value: bigint }> {
  if (set.set_type === 'warmup') return [];
  const w = toScaled(set.weight);
  const reps = BigInt(set.reps);
  const all = [
    { kind: 'heaviest', reps: 0, value: w },
    // Epley, only up to 12 reps; one rep is the weight itself. Stored to 4 decimals.
    { kind: 'e1rm', reps: 0, value: set.reps === 1 ? w : set.reps <= 12 ? roundDivide(w * (30n + reps), 30n, 4) : 0n },
    { kind: 'volume', reps: 0, value: w * reps },
    { kind: 'rep_max', reps: set.reps, value: w },
    { kind: 'most_reps', reps: 0, value: set.bodyweight && w === 0n ? reps * SCALE : 0n },
  ];
  return all.filter((candidate) => candidate.value > 0n);
}

/** Best value per (kind, reps); on a tie the older set (then the lower id) keeps it. */
export function expectedRecords(sets: LoggedSet[]): ExpectedRecord[] {
  const best = new Map<string, { kind: string; reps: number; value: bigint; log_id: number; at_us: number }>();
  for (const set of sets) {
    for (const candidate of candidates(set)) {
      const key = `${candidate.kind}/${candidate.reps}`;
      const held = best.get(key);
      const beats =
        !held ||
        candidate.value > held.value ||
        (candidate.value === held.value &&
          (set.at_us < held.at_us || (set.at_us === held.at_us && set.id < held.log_id)));
      if (beats) best.set(key, { ...candidate, log_id: set.id, at_us: set.at_us });
    }
  }
  return sortRecords(
    [...best.values()].map(({ kind, reps, value, log_id }) => ({ kind, reps, value: fromScaled(value), log_id })),
  );
}

/** Stored rows (value as numeric::text) in the same canonical shape and order. */
export function canonicalRecords(rows: ExpectedRecord[]): ExpectedRecord[] {
  return sortRecords(rows.map((row) => ({ ...row, value: fromScaled(toScaled(row.value)) })));
}

export function sortRecords<T extends { kind: string; reps: number }>(records: T[]): T[] {
  return [...records].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.reps - b.reps));
}

/** SQL reading what expectedRecords needs; `$1` is the user's name, `$2` the exercise. */
export const LOGGED_SETS_SQL = `
  SELECT l.id::float8 AS id, l.weight::text AS weight, l.reps, l.bodyweight, l.set_type,
         (extract(epoch FROM l.performed_at) * 1000000)::float8 AS at_us
  FROM workout_log l JOIN app_user u ON u.id = l.user_id JOIN exercise e ON e.id = l.exercise_id
  WHERE u.name = $1 AND lower(e.name) = lower($2)`;

/** The records the app stored, for canonicalRecords; same parameters. */
export const STORED_RECORDS_SQL = `
  SELECT p.kind, p.reps, p.value::text AS value, p.log_id::float8 AS log_id
  FROM personal_record p JOIN app_user u ON u.id = p.user_id JOIN exercise e ON e.id = p.exercise_id
  WHERE u.name = $1 AND lower(e.name) = lower($2)`;
