import { findUserId } from '../../db/queries/lockUser.js';
import { NoRoutineSessionError } from '../../db/queries/routineSession.js';
import { DEFAULT_REST_SECONDS, formatDuration } from '../../domain/routine/duration.js';
import { type CommandContext, withDatabase } from '../context.js';
import { planNext } from '../next/plan.js';
import type { RestInput } from '../rest.js';
import { countdown } from './countdown.js';

export async function restCommand(context: CommandContext, { duration }: RestInput) {
  // Read, then close: the database is not held while the timer runs.
  const seconds = duration ?? (await withDatabase(context, (pool) => routineRest(pool, context.config.userName)));
  const end = await countdown(seconds, process.stderr.isTTY ? process.stderr : null);
  context.output.result({ seconds, completed: end.completed, elapsed_seconds: end.elapsedSeconds }, () =>
    end.completed
      ? `Rest over: ${formatDuration(seconds)}.`
      : `Rest stopped after ${formatDuration(Math.max(1, end.elapsedSeconds))} of ${formatDuration(seconds)}.`,
  );
}

/** The next planned exercise's rest in the routine the active session follows, else the default. */
async function routineRest(
  pool: Parameters<typeof findUserId>[0] & Parameters<typeof planNext>[0],
  userName: string,
): Promise<number> {
  const userId = await findUserId(pool, userName);
  if (userId === undefined) return DEFAULT_REST_SECONDS;
  try {
    return (await planNext(pool, userId)).restSeconds;
  } catch (error) {
    if (error instanceof NoRoutineSessionError) return DEFAULT_REST_SECONDS;
    throw error;
  }
}
