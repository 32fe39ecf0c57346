import fs from 'node:fs';
import { sql, type QuerySqlToken } from 'slonik';

/** The project's sql/ folder, the same from src/ (tests) and from dist/ (the CLI). */
export const SQL_DIR = new URL('../../sql/', import.meta.url);

/** A file of SQL statements, read verbatim: sent as one simple-protocol query. */
export function sqlFile(relativePath: string): QuerySqlToken {
  const text = fs.readFileSync(new URL(relativePath, SQL_DIR), 'utf8');
  // slonik accepts only template-literal shapes: strings plus a frozen `raw`.
  const template = Object.assign([text], { raw: Object.freeze([text]) }) as unknown as TemplateStringsArray;
  return sql.unsafe(template);
}
