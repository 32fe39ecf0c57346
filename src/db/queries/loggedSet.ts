import { z } from 'zod';
import { SET_TYPES } from '../../domain/limits.js';
import { UNITS } from '../../domain/units.js';

/** A workout_log row as the commands show it (weight in kg, with the unit it was entered in). */
export const loggedSet = z.object({
  id: z.number(),
  session_id: z.number(),
  set_number: z.number(),
  weight: z.number(),
  unit: z.enum(UNITS),
  bodyweight: z.boolean(),
  reps: z.number(),
  rpe: z.number().nullable(),
  set_type: z.enum(SET_TYPES),
  performed_at: z.date(),
  notes: z.string().nullable(),
});
