import { UsageError } from '../../errors.js';
import type { RowMapper, RowOutcome } from './types.js';

/** A CSV header: finds columns by name, whatever their order, case and surrounding spaces. */
export type Header = {
  /** The names as written, for messages. */
  readonly names: readonly string[];
  /** Index of the first of `names` present, else -1. */
  find: (...names: string[]) => number;
  /** Like find, but a missing column is a UsageError naming the format. */
  require: (format: string, ...names: string[]) => number;
  /** The name of the column at `index` as written, '' for an absent one (-1): for messages. */
  name: (index: number) => string;
};

/**
 * The names a format's columns go by, by role: each role lists its accepted names,
 * first the one to name in messages. Another language of the same format is another
 * table with the same roles.
 */
export type ColumnNames<Required extends string, Optional extends string> = {
  required: Record<Required, readonly string[]>;
  optional: Record<Optional, readonly string[]>;
};

/** Each role's column index (-1: absent); a missing required column is a UsageError naming `format`. */
export function findColumns<Required extends string, Optional extends string>(
  header: Header,
  format: string,
  names: ColumnNames<Required, Optional>,
): Record<Required | Optional, number> {
  const found = {} as Record<Required | Optional, number>;
  for (const [role, accepted] of Object.entries(names.required) as Array<[Required, readonly string[]]>) {
    found[role] = header.require(format, ...accepted);
  }
  for (const [role, accepted] of Object.entries(names.optional) as Array<[Optional, readonly string[]]>) {
    found[role] = header.find(...accepted);
  }
  return found;
}

export function normalizeName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

export function readHeader(fields: readonly string[]): Header {
  const positions = new Map<string, number>();
  fields.forEach((field, index) => {
    const key = normalizeName(field);
    if (!positions.has(key)) positions.set(key, index);
  });
  const find = (...names: string[]) => {
    for (const name of names) {
      const index = positions.get(normalizeName(name));
      if (index !== undefined) return index;
    }
    return -1;
  };
  const names = fields.map((field) => field.replace(/^\uFEFF/, '').trim());
  return {
    names,
    find,
    name: (index) => names[index] ?? '',
    require: (format, ...names) => {
      const index = find(...names);
      if (index < 0) throw new UsageError(`the header has no "${names[0]}" column, which ${format} files have`);
      return index;
    },
  };
}

/** A problem with one field; the mapper turns it into a RowProblem with its line. */
export class FieldProblem extends Error {
  constructor(
    readonly column: string,
    readonly problem: string,
  ) {
    super(`${column}: ${problem}`);
  }
}

export function fieldProblem(column: string, problem: string): never {
  throw new FieldProblem(column, problem);
}

/** The field at `index`, or '' when the column is absent or the row is short. */
export function fieldAt(record: readonly string[], index: number): string {
  return index < 0 ? '' : (record[index] ?? '');
}

/**
 * Wraps a row body that throws FieldProblem: a row whose field count differs from the
 * header's, or a field that fails, becomes a `problem` outcome.
 */
export function rowMapper(header: Header, body: (record: readonly string[], line: number) => RowOutcome): RowMapper {
  const width = header.names.length;
  return (record, line) => {
    if (record.length !== width) {
      return {
        kind: 'problem',
        problem: { line, column: 'row', problem: `has ${record.length} field(s), the header has ${width}` },
      };
    }
    try {
      return body(record, line);
    } catch (error) {
      if (error instanceof FieldProblem)
        return { kind: 'problem', problem: { line, column: error.column, problem: error.problem } };
      throw error;
    }
  };
}
