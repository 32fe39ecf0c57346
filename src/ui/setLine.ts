import type { SetType } from '../domain/limits.js';
import { formatWeight, type Unit } from '../domain/units.js';

type ShownSet = {
  id: number;
  set_number: number;
  weight: number;
  unit: Unit;
  bodyweight: boolean;
  reps: number;
  rpe: number | null;
  set_type: SetType;
  notes: string | null;
};

/** One set as logged, on its own line: `   2. 102.5 kg x 5  (RPE 8.5, felt fast)  [id 17]`. */
export function setLine(set: ShownSet): string {
  const extras = [
    set.rpe === null ? '' : `RPE ${set.rpe}`,
    set.set_type === 'normal' ? '' : set.set_type,
    set.notes ?? '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    `  ${String(set.set_number).padStart(2)}. ${formatWeight(set.weight, set.unit, set.bodyweight)} x ${set.reps}` +
    (extras ? `  (${extras})` : '') +
    `  [id ${set.id}]`
  );
}
