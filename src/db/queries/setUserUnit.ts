import { type DatabasePool, sql } from 'slonik';
import type { Unit } from '../../domain/units.js';
import { lockUser } from './lockUser.js';

/** Stores the user's unit (creating the user on first use), in one transaction. */
export async function setUserUnit(pool: DatabasePool, userName: string, unit: Unit): Promise<void> {
  await pool.transaction(async (tx) => {
    const userId = await lockUser(tx, userName);
    await tx.query(sql.unsafe`UPDATE app_user SET unit = ${unit} WHERE id = ${userId}`);
  });
}
