import type { SetType } from './limits.js';
import type { WrittenSet } from './setList.js';
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

/** The sets of one `set add` command: one exercise, one time, rpe, type and note for them all. */
export type NewSets = Omit<NewSet, 'weight' | 'unit' | 'bodyweight' | 'reps'> & {
  /** A weight without a unit is in the user's unit. */
  sets: WrittenSet[];
};
