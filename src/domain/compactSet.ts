import type { SetType } from './limits.js';
import { fromKg, type Unit } from './units.js';

type CompactSet = { weight: number; unit: Unit; bodyweight: boolean; reps: number; set_type: SetType };

/** Marks after a set in compact notation; a normal set has none. */
const TYPE_MARKS: Record<SetType, string> = { normal: '', warmup: 'w', drop: 'd', failure: 'f' };

export const COMPACT_HELP =
  'Sets: 100x5, as logged; the unit is written when it is not the one shown (225lbx5); w warm-up, d drop set, f to failure.';

/**
 * A set as logged, in a few characters: `100x5`, `bw x 12` as `bwx12`, `bw+10x6`,
 * `225lbx5` when its unit is not `shownUnit`, `60x10w` for a warm-up.
 */
export function compactSet(set: CompactSet, shownUnit: Unit): string {
  const amount = fromKg(set.weight, set.unit);
  const unit = set.unit === shownUnit ? '' : set.unit;
  const load = set.bodyweight ? (amount === 0 ? 'bw' : `bw+${amount}${unit}`) : `${amount}${unit}`;
  return `${load}x${set.reps}${TYPE_MARKS[set.set_type]}`;
}

/** The heaviest set that is not a warm-up (more reps, then the earlier, on a tie); undefined when none. */
export function topSet<T extends CompactSet & { set_number: number }>(sets: readonly T[]): T | undefined {
  let top: T | undefined;
  for (const set of sets) {
    if (set.set_type === 'warmup') continue;
    if (!top || set.weight > top.weight || (set.weight === top.weight && set.reps > top.reps)) top = set;
  }
  return top;
}
