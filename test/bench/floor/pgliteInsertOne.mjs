// The floor for `set add` on the embedded database: open PGlite on a data folder (creating
// it when new), one INSERT in one transaction, close. Usage: node pgliteInsertOne.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const dir = process.argv[2];
const created = !fs.existsSync(path.join(dir, 'PG_VERSION'));
const db = await PGlite.create(dir);
if (created) await db.exec('CREATE TABLE bench_floor (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)');
await db.transaction(async (tx) => {
  await tx.query('INSERT INTO bench_floor (note) VALUES ($1)', ['floor']);
});
await db.close();
