import fs from 'node:fs';
import { pipeline, Readable, Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { type Delimiter, detectDelimiter } from '../domain/formats/detect.js';
import { UsageError } from '../errors.js';

/** Where the CSV comes from: a file, or stdin (`-`). */
export type InputSource = {
  /** As messages name it: the path given, or `<stdin>`. */
  name: string;
  stream: Readable;
  /** Bytes to read when known (a file, or stdin redirected from one): for the progress ETA. */
  size: number | undefined;
};

export const STDIN_NAME = '<stdin>';

/** Opens FILE, or stdin for `-`; a missing or unreadable file is a UsageError, before any database work. */
export function openInput(file: string): InputSource {
  if (file === '-') {
    let size: number | undefined;
    try {
      const stat = fs.fstatSync(0);
      size = stat.isFile() ? stat.size : undefined;
    } catch {
      size = undefined;
    }
    return { name: STDIN_NAME, stream: process.stdin, size };
  }
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`);
  }
  const stat = fs.fstatSync(fd);
  if (stat.isDirectory()) {
    fs.closeSync(fd);
    throw new UsageError(`cannot read ${file}: it is a directory`);
  }
  return { name: file, stream: fs.createReadStream('', { fd }), size: stat.isFile() ? stat.size : undefined };
}

/** A record with the line of the file where it starts (quoted fields may span lines). */
export type CsvRecord = { record: string[]; line: number };

export type CsvReader = {
  header: string[];
  delimiter: Delimiter;
  /** The records after the header, blank lines left out, a few hundred at a time. */
  records: AsyncIterable<CsvRecord[]>;
  /** Bytes handed to the parser so far. */
  bytesRead: () => number;
};

const HEAD_LIMIT = 1 << 20;

/**
 * Records are handed on in arrays of this many: each step through a stream or an async
 * generator costs promises (and, once slonik's transaction context is on, async hooks),
 * which per record were ~7 % of an import's CPU.
 */
const RECORDS_PER_GROUP = 500;

/** Groups the parser's records into arrays of `size` (the last one shorter). */
function inGroups(size: number): Transform {
  let group: string[][] = [];
  return new Transform({
    objectMode: true,
    // One group waiting to be read, not the default 16 (8,000 records: +24 MB of peak RSS).
    readableHighWaterMark: 1,
    transform(record: string[], _encoding, done) {
      group.push(record);
      if (group.length >= size) {
        this.push(group);
        group = [];
      }
      done();
    },
    flush(done) {
      if (group.length > 0) this.push(group);
      done();
    },
  });
}

function countNewlines(record: readonly string[]): number {
  let count = 0;
  for (const field of record) {
    for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) count++;
  }
  return count;
}

function csvProblem(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (a " is missing)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text follows the closing quote of a field';
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'text follows the closing quote of a field';
    default:
      return error.message.replace(/ at line \d+.*$/, '');
  }
}

/**
 * Reads the header line to choose the delimiter, then parses the whole input as a
 * stream with csv-parse: records are produced as the bytes arrive, with backpressure,
 * so memory does not grow with the file. Malformed CSV is a UsageError naming the line.
 */
export async function readCsv(input: InputSource): Promise<CsvReader> {
  const chunks = input.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  let headText = '';
  while (!headText.includes('\n') && headText.length < HEAD_LIMIT) {
    const next = await chunks.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    headText += chunk.toString('utf8');
  }
  const delimiter = detectDelimiter(headText.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0] ?? '');

  let bytes = 0;
  async function* allChunks() {
    for (const chunk of head) {
      bytes += chunk.length;
      yield chunk;
    }
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      bytes += next.value.length;
      yield next.value;
    }
  }
  const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: false });
  const parsed = pipeline(
    Readable.from(allChunks(), { objectMode: false }),
    parser,
    inGroups(RECORDS_PER_GROUP),
    () => undefined,
  );

  async function* records(): AsyncGenerator<CsvRecord[]> {
    let line = 1;
    try {
      for await (const group of parsed as AsyncIterable<string[][]>) {
        const read: CsvRecord[] = [];
        for (const record of group) {
          const start = line;
          line += 1 + countNewlines(record);
          if (!(record.length === 1 && record[0]!.trim() === '')) read.push({ record, line: start });
        }
        if (read.length > 0) yield read;
      }
    } catch (error) {
      if (error instanceof CsvError) {
        throw new UsageError(`${input.name}:${error.lines ?? line}: ${csvProblem(error)}; nothing was imported`);
      }
      throw error;
    }
  }

  const all = records();
  const first = await all.next();
  if (first.done) throw new UsageError(`${input.name} is empty: expected a CSV export with a header line`);
  const [header, ...rest] = first.value;
  async function* afterHeader(): AsyncGenerator<CsvRecord[]> {
    if (rest.length > 0) yield rest;
    yield* all;
  }
  return { header: header!.record, delimiter, records: afterHeader(), bytesRead: () => bytes };
}
