import fs from 'node:fs';
import { type QuerySqlToken, sql } from 'slonik';

/**
 * The project's sql/ folder: the nearest one up from this module, which sits in src/db/
 * (tests) or in dist/ or dist/chunks/ (the bundled CLI).
 */
export const SQL_DIR = findSqlDir(new URL('./', import.meta.url));

function findSqlDir(dir: URL): URL {
  if (fs.existsSync(new URL('sql/migrations/', dir))) return new URL('sql/', dir);
  const parent = new URL('../', dir);
  if (parent.href === dir.href) throw new Error(`no sql/migrations folder above ${import.meta.url}`);
  return findSqlDir(parent);
}

/** SQL statements as text, sent verbatim as one simple-protocol query. */
export function sqlText(text: string): QuerySqlToken {
  // slonik accepts only template-literal shapes: strings plus a frozen `raw`.
  const template = Object.assign([text], { raw: Object.freeze([text]) }) as unknown as TemplateStringsArray;
  return sql.unsafe(template);
}
