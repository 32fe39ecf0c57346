import { z } from 'zod';
import { checkTimeZone } from '../domain/time.js';
import { unitFromWord } from '../domain/units.js';
import { UsageError } from '../errors.js';

/** Validates one input with its zod schema; the first problem becomes a UsageError (exit 2). */
export function parseInput<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(result.error.issues[0]?.message ?? 'invalid input');
  return result.data;
}

/**
 * Text read by a domain function that throws UsageError: its message becomes a zod
 * issue, so the first problem in a command's input is reported, whichever check found it.
 */
export function checkedText<T>(read: (text: string) => T) {
  return z.string().transform((text, issues) => {
    try {
      return read(text);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      issues.addIssue({ code: z.ZodIssueCode.custom, message: error.message });
      return z.NEVER;
    }
  });
}

/** `--unit kg|lb` (also kgs, lbs). */
export const unitOption = z
  .string()
  .transform((word) => unitFromWord(word.trim()))
  .refine((unit) => unit !== undefined, '--unit must be kg or lb');

/** `--tz ZONE`: an IANA time zone name. */
export const timeZoneOption = checkedText(checkTimeZone);
