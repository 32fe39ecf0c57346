import fs from 'node:fs';
import { CATALOG } from '../../src/domain/catalog/exercises.js';

/**
 * The catalog's rows as SQL, between the markers of migration 011. Written into the
 * migration once (`npx vite-node test/helpers/catalogSql.ts -- --write`) and committed, so that the
 * migration stays one checksummed file; test/unit/catalog.test.ts checks the two agree.
 */
export const MIGRATION = new URL('../../sql/migrations/011_exercise_catalog.sql', import.meta.url);
const BEGIN = '-- BEGIN catalog rows';
const END = '-- END catalog rows';

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const array = (items: readonly string[]) =>
  items.length === 0 ? `'{}'::text[]` : `ARRAY[${items.map(literal).join(', ')}]`;

export function catalogRows(): string {
  const rows = CATALOG.map(
    (entry, index) =>
      `  (${index + 1}, ${literal(entry.name)}, ${literal(entry.equipment)}, ${array(entry.primary)}, ${array(entry.secondary)}, ${array(entry.aliases)})`,
  );
  return `${BEGIN} (generated from src/domain/catalog/exercises.ts by test/helpers/catalogSql.ts)
INSERT INTO catalog_entry (position, name, equipment, primary_muscles, secondary_muscles, aliases) VALUES
${rows.join(',\n')};
${END}`;
}

/** The rows as the migration file holds them now. */
export function committedRows(text: string): string {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  return start < 0 || end < 0 ? '' : text.slice(start, end + END.length);
}

if (process.argv.includes('--write')) {
  const text = fs.readFileSync(MIGRATION, 'utf8');
  fs.writeFileSync(MIGRATION, text.replace(committedRows(text), catalogRows()));
}
