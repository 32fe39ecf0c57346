import type { DatabasePool } from 'slonik';
import type { ImportPlan, NotSetReason, RowProblem } from '../domain/formats/types.js';
import type { Progress } from '../ui/progress.js';
import type { CsvReader } from './csvSource.js';
import { importSets } from './importSets.js';
import { mapRecords, newTally, rowRejecter } from './mapRecords.js';

export type ImportSummary = {
  file: string;
  format: string;
  dry_run: boolean;
  sessions_added: number;
  sets_added: number;
  new_records: number;
  already_present: { sessions: number; sets: number };
  not_sets: Record<NotSetReason, number>;
  invalid: { count: number; rows: RowProblem[] };
};

export type ImportRequest = {
  file: string;
  reader: CsvReader;
  plan: ImportPlan;
  userName: string;
  dryRun: boolean;
  skipInvalid: boolean;
  progress: Progress | undefined;
  /** The embedded database (see ImportSetsOptions.embedded). */
  embedded: boolean;
};

/** Streams the file's records through the format's mapper into one import transaction. */
export async function importCsv(pool: DatabasePool, request: ImportRequest): Promise<ImportSummary> {
  const { reader, plan, progress } = request;
  const tally = newTally();
  const reject = rowRejecter(request.file, request.skipInvalid, tally);
  const onRow = progress ? () => tally.rows % 256 === 0 && progress.update(tally.rows, reader.bytesRead()) : undefined;
  try {
    const counts = await importSets(pool, {
      userName: request.userName,
      sets: mapRecords(reader.records, plan, tally, reject, onRow),
      dryRun: request.dryRun,
      reject,
      embedded: request.embedded,
    });
    return {
      file: request.file,
      format: plan.label,
      dry_run: request.dryRun,
      sessions_added: counts.sessionsAdded,
      sets_added: counts.setsAdded,
      new_records: counts.newRecords,
      already_present: { sessions: counts.sessionsPresent, sets: counts.setsPresent },
      not_sets: { ...tally.notSets },
      invalid: { count: tally.invalid.count, rows: tally.invalid.listed },
    };
  } finally {
    progress?.done();
  }
}
