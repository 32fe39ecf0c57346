/**
 * Every error the CLI expects carries its exit code; `cli.ts` prints its message as
 * one line on stderr. Anything else is a bug and exits 1 (stack only with --verbose).
 */
export class WorkoutError extends Error {
  readonly exitCode: number = 1;
  override name = 'WorkoutError';
}

/** Bad usage or input: exit 2, nothing written. */
export class UsageError extends WorkoutError {
  override readonly exitCode = 2;
  override name = 'UsageError';
}

/** The database cannot be reached or opened: exit 3. */
export class DatabaseUnavailableError extends WorkoutError {
  override readonly exitCode = 3;
  override name = 'DatabaseUnavailableError';
}

/** The schema is behind the code: run `workout db migrate`. */
export class PendingMigrationsError extends WorkoutError {
  override name = 'PendingMigrationsError';
}

/** A query waited longer than lock_timeout / statement_timeout allow. */
export class DatabaseTimeoutError extends WorkoutError {
  override name = 'DatabaseTimeoutError';
}
