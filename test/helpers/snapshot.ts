import type { TestDatabase } from './testDatabase.js';

/** Every row of every table in the public schema, and every sequence's position. */
export type DatabaseSnapshot = { tables: Record<string, string>; sequences: Record<string, string> };

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A comparable picture of the whole database: equal snapshots mean nothing was written. */
export async function snapshotDatabase(db: TestDatabase): Promise<DatabaseSnapshot> {
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const snapshot: DatabaseSnapshot = { tables: {}, sequences: {} };
  for (const { name } of tables) {
    const [row] = await db.query<{ rows: string | null }>(
      `SELECT coalesce(json_agg(t ORDER BY t::text)::text, '[]') AS rows FROM ${quoteIdent(name)} t`,
    );
    snapshot.tables[name] = row?.rows ?? '[]';
  }
  const sequences = await db.query<{ name: string; position: string }>(
    `SELECT sequencename AS name, coalesce(last_value::text, 'unused') AS position
     FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  for (const { name, position } of sequences) snapshot.sequences[name] = position;
  return snapshot;
}
