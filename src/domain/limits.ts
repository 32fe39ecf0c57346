import { z } from 'zod';

/** Input limits, enforced here at the boundary and again by CHECK constraints in sql/migrations. */
export const LIMITS = {
  nameLength: 100,
  notesLength: 1000,
  maxWeightKg: 1000,
  maxReps: 1000,
} as const;

// C0 and C1 control characters; notes may still hold line breaks and tabs.
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /(?![\t\n\r])\p{Cc}/u;

const nfcTrimmed = z.string().transform((value) => value.normalize('NFC').trim());

/** Characters as PostgreSQL's char_length counts them: code points, so 😀 is one, not two UTF-16 units. */
const characters = (text: string) => [...text].length;

/** A name (user, exercise, session): trimmed, NFC, 1–100 characters, no control characters (also workout_clean_name in SQL). */
export const nameSchema = (field: string) =>
  nfcTrimmed.pipe(
    z
      .string()
      .min(1, `${field} must not be empty`)
      .refine(
        (name) => characters(name) <= LIMITS.nameLength,
        `${field} must be at most ${LIMITS.nameLength} characters`,
      )
      .refine((name) => !CONTROL.test(name), `${field} must not contain control characters`),
  );

export const notesSchema = (field: string) =>
  nfcTrimmed.pipe(
    z
      .string()
      .refine(
        (notes) => characters(notes) <= LIMITS.notesLength,
        `${field} must be at most ${LIMITS.notesLength} characters`,
      )
      .refine((notes) => !CONTROL_BUT_LINES.test(notes), `${field} must not contain control characters`),
  );

export const SET_TYPES = ['normal', 'warmup', 'drop', 'failure'] as const;
export type SetType = (typeof SET_TYPES)[number];

export const setTypeSchema = z.enum(SET_TYPES, {
  errorMap: () => ({ message: `--type must be one of ${SET_TYPES.join(', ')}` }),
});

/** RPE 1–10 in steps of 0.5, written plainly (`8`, `8.5`). */
export const rpeSchema = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\.[05])?$/, '--rpe must be a number from 1 to 10 in steps of 0.5 (e.g. 8 or 8.5)')
  .transform(Number)
  .refine((rpe) => rpe >= 1 && rpe <= 10, '--rpe must be from 1 to 10');
