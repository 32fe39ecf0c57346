import { type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';

/**
 * Every write for a user starts by finding or creating the user's row and locking it
 * (FOR NO KEY UPDATE) until the transaction ends. Writers of one user therefore run one
 * after another, and each later statement sees what the previous writer committed;
 * other users are not held up.
 *
 * The CTEs `known_user` and `new_user`; `SELECT id FROM known_user UNION ALL SELECT id
 * FROM new_user` is the user's id, or nothing when another transaction created the same
 * user a moment ago (run the statement again: its new snapshot sees that user), or when
 * `create` is false and there is no such user.
 */
export function lockedUserCtes(userName: string, create = true) {
  return sql.fragment`
    known_user AS (
      SELECT id FROM app_user WHERE name = ${userName} FOR NO KEY UPDATE
    ), new_user AS (
      INSERT INTO app_user (name) SELECT ${userName} WHERE ${create} AND NOT EXISTS (SELECT 1 FROM known_user)
      ON CONFLICT (name) DO NOTHING
      RETURNING id
    )`;
}

/** How often a statement that lost a creation race is run again. */
export const CREATION_RACE_ATTEMPTS = 3;

export async function lockUser(tx: DatabaseTransactionConnection, userName: string): Promise<number> {
  for (let attempt = 0; attempt < CREATION_RACE_ATTEMPTS; attempt++) {
    const userId = await tx.oneFirst(sql.type(z.object({ user_id: z.number().nullable() }))`
      WITH ${lockedUserCtes(userName)}
      SELECT (SELECT id FROM known_user UNION ALL SELECT id FROM new_user) AS user_id`);
    if (userId !== null) return userId;
  }
  throw new Error(`could not create user ${userName}; try again`);
}

/** The user's id for reads; undefined when the user has never logged anything. */
export async function findUserId(
  connection: Pick<DatabaseTransactionConnection, 'maybeOneFirst'>,
  userName: string,
): Promise<number | undefined> {
  const id = await connection.maybeOneFirst(
    sql.type(z.object({ id: z.number() }))`SELECT id FROM app_user WHERE name = ${userName}`,
  );
  return id ?? undefined;
}
