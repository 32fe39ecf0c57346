import type { SetType } from './limits.js';
import type { Unit } from './units.js';

/** One set to log, validated: what `set add` hands to the database. */
export type NewSet = {
  userName: string;
  exercise: string;
  /** In `unit`, as exact decimal text. */
  weight: string;
  /** null: none was given; the set is in the user's unit (`workout config set unit`). */
  unit: Unit | null;
  bodyweight: boolean;
  reps: number;
  rpe: number | null;
  setType: SetType;
  notes: string | null;
  /** null: now, by the database's clock. */
  performedAt: Date | null;
};
