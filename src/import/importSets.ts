import type { DatabasePool, DatabaseTransactionConnection } from 'slonik';
import { raiseImportWorkMem } from '../db/queries/importWorkMem.js';
import { lockUser } from '../db/queries/lockUser.js';
import type { ImportedSet, RowProblem } from '../domain/formats/types.js';
import { BatchWriter, type ImportCounts } from './batchWriter.js';

export type { ImportCounts };

/** Sets per INSERT: large enough that round trips do not matter, small enough to stay flat in memory. */
export const IMPORT_BATCH_SIZE = 5_000;

export type ImportSetsOptions = {
  userName: string;
  /** The sets in file order, a few hundred at a time. */
  sets: AsyncIterable<readonly ImportedSet[]>;
  /** Roll back at the end: count everything, write nothing. */
  dryRun: boolean;
  /** A row the database refuses (a repeated set number): throws to abort, or records it. */
  reject: (problem: RowProblem) => void;
  /**
   * The embedded database: its sorts keep the default work_mem, as its WebAssembly memory
   * grows to the largest sort and never gives it back (a 100k-set import: 306 -> 264 MB RSS).
   */
  embedded: boolean;
};

class DryRunRollback extends Error {
  constructor(readonly counts: ImportCounts) {
    super('dry run: rolled back');
  }
}

/**
 * One import, one transaction: lock the user, write sessions and sets in batches as
 * they arrive, rebuild the records of the touched exercises once at the end. Parsing
 * and building the next batch overlap with writing the previous one, so the database
 * waits on the client only between statements. A failure anywhere, or a killed process,
 * leaves the database as it was.
 */
export async function importSets(pool: DatabasePool, options: ImportSetsOptions): Promise<ImportCounts> {
  const work = async (tx: DatabaseTransactionConnection) => {
    if (!options.embedded) await raiseImportWorkMem(tx);
    const userId = await lockUser(tx, options.userName);
    const writer = new BatchWriter(tx, userId, options.reject);
    let batch: ImportedSet[] = [];
    let writing: Promise<void> | undefined;
    try {
      for await (const sets of options.sets) {
        for (const set of sets) {
          batch.push(set);
          if (batch.length >= IMPORT_BATCH_SIZE) {
            const built = await writer.build(batch, writing);
            await writing;
            writing = writer.write(built);
            // Its failure is raised by the next `await writing`, not as an unhandled rejection meanwhile.
            writing.catch(() => undefined);
            batch = [];
          }
        }
      }
      await writing;
      await writer.write(await writer.build(batch, undefined));
    } finally {
      // A bad row met while a batch is being written: let that statement end first.
      await writing?.catch(() => undefined);
    }
    return writer.finish();
  };
  // No automatic retry: the input is a stream that cannot be read twice.
  if (!options.dryRun) return pool.transaction(work, 0);
  try {
    await pool.transaction(async (tx) => {
      throw new DryRunRollback(await work(tx));
    }, 0);
  } catch (error) {
    if (error instanceof DryRunRollback) return error.counts;
    throw error;
  }
  throw new Error('unreachable: a dry run always rolls back');
}
