import type { SetType } from './limits.js';
import type { Unit } from './units.js';

/** What `set edit` changes; an absent field keeps its value. */
export type SetChanges = {
  /** The load in `unit` (else the set's own unit), as exact decimal text, with whether it is bodyweight. */
  load?: { weight: string; bodyweight: boolean };
  unit?: Unit;
  reps?: number;
  /** null clears it. */
  rpe?: number | null;
  setType?: SetType;
  /** null clears it. */
  notes?: string | null;
  performedAt?: Date;
  /** Moves the set to this exercise (created if new), as the last set of it in the session. */
  exercise?: string;
};
