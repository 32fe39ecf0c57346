import { type DatabasePool, sql } from 'slonik';
import { z } from 'zod';

/**
 * The tables whose policies (sql/migrations/003_limits_and_row_level_security.sql; 010 for
 * routine; 011 for exercises and aliases; 012 for session_exercise_totals) the switch turns on or off.
 */
export const ROW_LEVEL_SECURITY_TABLES = [
  'app_user',
  'exercise',
  'exercise_alias',
  'workout_session',
  'workout_log',
  'personal_record',
  'routine',
  'session_exercise_totals',
] as const;

export type RowLevelSecurityState = 'on' | 'off' | 'partly on';

/** Turns row-level security on or off for every workout table at once, in one transaction. */
export async function setRowLevelSecurity(pool: DatabasePool, enabled: boolean): Promise<void> {
  await pool.transaction(async (tx) => {
    for (const table of ROW_LEVEL_SECURITY_TABLES) {
      await tx.query(
        enabled
          ? sql.unsafe`ALTER TABLE ${sql.identifier([table])} ENABLE ROW LEVEL SECURITY`
          : sql.unsafe`ALTER TABLE ${sql.identifier([table])} DISABLE ROW LEVEL SECURITY`,
      );
    }
  });
}

export async function rowLevelSecurityState(pool: Pick<DatabasePool, 'any'>): Promise<RowLevelSecurityState> {
  const rows = await pool.any(sql.type(z.object({ enabled: z.boolean() }))`
    SELECT relrowsecurity AS enabled FROM pg_class
    WHERE relname = ANY(${sql.array([...ROW_LEVEL_SECURITY_TABLES], 'text')})
      AND relnamespace = current_schema()::regnamespace AND relkind = 'r'`);
  const on = rows.filter((row) => row.enabled).length;
  return on === 0 ? 'off' : on === ROW_LEVEL_SECURITY_TABLES.length ? 'on' : 'partly on';
}
