import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';
import { UNITS, type Unit } from '../../domain/units.js';

const userRow = z.object({ id: z.number(), unit: z.enum(UNITS) });

export type ReadingUser = z.infer<typeof userRow>;

/** The user a read is for, with their unit; undefined when the user has never logged anything. */
export async function readingUser(
  pool: Pick<DatabasePool, 'maybeOne'>,
  userName: string,
): Promise<ReadingUser | undefined> {
  return (await pool.maybeOne(sql.type(userRow)`SELECT id, unit FROM app_user WHERE name = ${userName}`)) ?? undefined;
}

/** The unit new users start with, until `workout config set unit`. */
export const DEFAULT_UNIT: Unit = 'kg';
