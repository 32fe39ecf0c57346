import type { Interceptor, Query, QueryResultRow } from 'slonik';
import { ZodFirstPartyTypeKind, type ZodIssue, type ZodTypeAny } from 'zod';
import { WorkoutError } from '../errors.js';

/** A row that does not match its query's `sql.type(schema)`: the code and the schema disagree (exit 1). */
export class RowSchemaError extends WorkoutError {
  override name = 'RowSchemaError';
}

/** The query's first line of SQL, shortened: enough to find it in src/db/queries, one printable line. */
function queryName(query: Query): string {
  const firstLine =
    query.sql
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
}

/**
 * sql.unsafe's `z.any()` comes from slonik's CommonJS copy of zod, not our ESM one, so
 * `instanceof ZodAny` would be false: ask the schema its kind instead.
 */
function acceptsAnything(schema: ZodTypeAny): boolean {
  return (schema._def as { typeName?: unknown }).typeName === ZodFirstPartyTypeKind.ZodAny;
}

function describeIssue(issue: ZodIssue | undefined): string {
  if (!issue) return 'invalid row';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/**
 * slonik 47 only hands `sql.type(schema)` to interceptors: without this one a row type is
 * an annotation, and a drifted schema surfaces later as `undefined` or NaN. Each row is
 * parsed with its query's schema and the parsed row is what the caller gets (so a schema's
 * transforms apply). `sql.unsafe` queries carry `z.any()`: nothing to check, no copy made.
 * The error names the query and the first mismatch, never the row's values.
 */
export function createRowSchemaInterceptor(): Interceptor {
  return {
    name: 'workout-row-schema',
    transformRow: ({ resultParser }, query, row) => {
      if (!resultParser || acceptsAnything(resultParser)) return row;
      const parsed = resultParser.safeParse(row);
      if (parsed.success) return parsed.data as QueryResultRow;
      throw new RowSchemaError(
        `a row of the query "${queryName(query)}" does not match its schema (${describeIssue(parsed.error.issues[0])}); ` +
          'this is a bug in workout, please report it',
      );
    },
  };
}
