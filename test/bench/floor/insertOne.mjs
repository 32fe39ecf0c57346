// The floor for `set add` on a server: connect with pg, one INSERT in one transaction, close.
// Plain JavaScript, run with `node`, so that it pays only what any Node program pays.
import pg from 'pg';

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
await client.query('BEGIN');
await client.query('INSERT INTO bench_floor (note) VALUES ($1)', ['floor']);
await client.query('COMMIT');
await client.end();
