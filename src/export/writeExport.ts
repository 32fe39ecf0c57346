import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { DatabasePool } from 'slonik';
import {
  type ExportCursor,
  type ExportFilter,
  exportPage,
  unitUsage,
  useExportZone,
} from '../db/queries/exportSets.js';
import { findUserId } from '../db/queries/lockUser.js';
import {
  csvLine,
  type ExportedSet,
  type ExportFormat,
  jsonRecord,
  workoutRecord,
} from '../domain/formats/exportRows.js';
import { WORKOUT_COLUMNS } from '../domain/formats/workout.js';
import type { Unit } from '../domain/units.js';
import { strongEncoder } from './strongEncoder.js';

export const EXPORT_PAGE_SIZE = 2_000;

export type ExportRequest = {
  userName: string;
  format: ExportFormat;
  zone: string;
  from: Date | null;
  to: Date | null;
  toInclusive: boolean;
  exercise: string | null;
  /** --unit, for --format strong. */
  unit: Unit | undefined;
  out: Writable;
  note: (message: string) => void;
};

/** Writes text, waiting when the reader is slower; false once the reader has gone (`| head`). */
function writer(out: Writable): (text: string) => Promise<boolean> {
  let closed = false;
  out.on('error', () => {
    closed = true;
  });
  return async (text) => {
    if (closed) return false;
    if (!out.write(text)) {
      // Whichever of 'drain' and 'close' comes first, the other's listeners (and the 'error'
      // listener each `once` adds) are removed: a long export to a pipe waits thousands of
      // times. `once` rejects on 'error' (EPIPE): that only means the reader is gone.
      const settled = new AbortController();
      const { signal } = settled;
      await Promise.race([once(out, 'drain', { signal }), once(out, 'close', { signal })]).catch(() => undefined);
      settled.abort();
    }
    return !closed;
  };
}

/** `tail` ends the file; `lost` says on stderr what the format could not hold. */
type Encoder = {
  head: string;
  /** A page of sets; `first`: the page starts the file. */
  rows: (sets: readonly ExportedSet[], first: boolean) => string;
  tail: () => string;
  lost?: () => string | null;
};

function encoder(format: ExportFormat): Encoder {
  switch (format) {
    case 'workout':
      return {
        head: csvLine(WORKOUT_COLUMNS),
        rows: (sets) => sets.map((set) => csvLine(workoutRecord(set))).join(''),
        tail: () => '',
      };
    case 'strong': {
      const strong = strongEncoder();
      const lost = () =>
        strong.typedSets() > 0
          ? `${strong.typedSets()} warm-up, drop or failure set(s) are plain numbered sets: Strong 5.x files have no set types.`
          : null;
      return {
        head: strong.head,
        rows: (sets) => sets.map((set) => strong.row(set)).join(''),
        tail: strong.tail,
        lost,
      };
    }
    case 'json':
      return {
        head: '[',
        rows: (sets, first) => `${first ? '' : ','}\n${sets.map((set) => JSON.stringify(jsonRecord(set))).join(',\n')}`,
        tail: () => '\n]\n',
      };
  }
}

/**
 * Streams the user's sets to `out` page by page (keyset pagination, no cursor held
 * open), so memory stays flat and a slow reader holds no transaction.
 */
export async function writeExport(pool: DatabasePool, request: ExportRequest): Promise<{ sets: number }> {
  const write = writer(request.out);
  const encode = encoder(request.format);
  return pool.connect(async (connection) => {
    await useExportZone(connection, request.zone);
    const userId = await findUserId(connection, request.userName);
    const unit = request.format === 'strong' ? await strongUnit(connection, userId, request) : null;
    let sets = 0;
    if (!(await write(encode.head))) return { sets };
    if (userId !== undefined) {
      const filter: ExportFilter = {
        userId,
        from: request.from,
        to: request.to,
        toInclusive: request.toInclusive,
        exercise: request.exercise,
        unit,
      };
      const fetchAfter = (cursor: ExportCursor | null) => exportPage(connection, filter, cursor, EXPORT_PAGE_SIZE);
      let page = await fetchAfter(null);
      while (page.length > 0) {
        const last = page[page.length - 1]!;
        // The server reads the next page while this one is encoded and written.
        const next =
          page.length === EXPORT_PAGE_SIZE ? fetchAfter({ performedAt: last.performed_at, id: last.id }) : undefined;
        next?.catch(() => undefined); // awaited below, or abandoned with the reader
        const text = encode.rows(page, sets === 0);
        sets += page.length;
        if (!(await write(text))) {
          // The reader has gone (`| head`): the connection is released only once its query is answered.
          await next?.catch(() => undefined);
          return { sets };
        }
        page = next ? await next : [];
      }
    }
    if (await write(request.format === 'json' && sets === 0 ? ']\n' : encode.tail())) {
      const lost = encode.lost?.();
      if (lost) request.note(lost);
    }
    return { sets };
  });
}

/**
 * Strong files hold one unit: --unit, else the unit the user logs most. Strong 5.x
 * files never say it and the apps that read them assume kilograms: a file in pounds
 * says so on stderr, as does a conversion.
 */
async function strongUnit(
  connection: Parameters<typeof unitUsage>[0],
  userId: number | undefined,
  request: ExportRequest,
): Promise<Unit> {
  const usage = userId === undefined ? [] : await unitUsage(connection, userId);
  const unit = request.unit ?? usage[0]?.unit ?? 'kg';
  const converted = usage.filter((entry) => entry.unit !== unit).reduce((sum, entry) => sum + entry.sets, 0);
  const notes = [
    unit === 'lb'
      ? 'This Strong file is in pounds: apps that read Strong files assume kilograms unless told (workout import: --unit lb).'
      : '',
    converted > 0
      ? `${converted} set(s) logged in ${unit === 'kg' ? 'lb' : 'kg'} were converted to ${unit} (rounded to 3 decimals).`
      : '',
  ].filter((note) => note !== '');
  if (notes.length > 0) request.note(notes.join(' '));
  return unit;
}
