import type { z } from 'zod';
import { UsageError } from '../errors.js';

/** Validates one input with its zod schema; the first problem becomes a UsageError (exit 2). */
export function parseInput<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(result.error.issues[0]?.message ?? 'invalid input');
  return result.data;
}
