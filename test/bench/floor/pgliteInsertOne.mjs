// The floor for `set add` on the embedded database: open PGlite on a data folder (creating
// it when new), one INSERT in one transaction, close. Usage: node pgliteInsertOne.mjs DIR
// With WASM_TIERING_BUDGET set, V8's wasm tiering budget is set as the CLI sets it.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

if (process.env.WASM_TIERING_BUDGET) v8.setFlagsFromString(`--wasm-tiering-budget=${process.env.WASM_TIERING_BUDGET}`);
const { PGlite } = await import('@electric-sql/pglite');

const dir = process.argv[2];
const created = !fs.existsSync(path.join(dir, 'PG_VERSION'));
const db = await PGlite.create(dir);
if (created) await db.exec('CREATE TABLE bench_floor (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)');
await db.transaction(async (tx) => {
  await tx.query('INSERT INTO bench_floor (note) VALUES ($1)', ['floor']);
});
await db.close();
