import type { DatabaseTransactionConnection } from 'slonik';
import { routineHistory } from '../../db/queries/routineHistory.js';
import { followedRoutine } from '../../db/queries/routineSession.js';
import { DEFAULT_REST_SECONDS } from '../../domain/routine/duration.js';
import { nextPlannedSet, type PlannedSet, plannedLoad } from '../../domain/routine/nextSet.js';
import { parseRoutine } from '../../domain/routine/parse.js';
import { type DoneSet, nextTarget, type Target } from '../../domain/routine/progression.js';
import type { Unit } from '../../domain/units.js';

export type LastTime = { date: Date; sets: DoneSet[] };

export type NextStep = {
  sessionId: number;
  routine: string;
  /** null: every planned set is logged. */
  planned: (PlannedSet & { load: { weight: number | null; unit: Unit; bodyweight: boolean }; target: Target }) | null;
  lastTime: LastTime | null;
  restSeconds: number;
};

/**
 * The next planned set of the user's active routine session and its load: the routine
 * read from the session, the sets it holds, the routine's earlier sessions of that
 * exercise, then the rules (src/domain/routine). Reads only; `connection` may be a
 * transaction that then logs the set.
 */
export async function planNext(
  connection: Pick<DatabaseTransactionConnection, 'any' | 'maybeOne'>,
  userId: number,
): Promise<NextStep> {
  const followed = await followedRoutine(connection, userId);
  const routine = parseRoutine(followed.source, followed.routineName);
  const done = new Map(followed.done.map((count) => [count.exercise, count]));
  const set = nextPlannedSet(routine, (name) => done.get(name.toLowerCase()) ?? { warmups: 0, work: 0 });
  const step = { sessionId: followed.sessionId, routine: followed.routineName, planned: null, lastTime: null };
  if (!set) return { ...step, restSeconds: routine.restSeconds ?? DEFAULT_REST_SECONDS };
  const history = await routineHistory(connection, {
    userId,
    routineId: followed.routineId,
    beforeSession: followed.sessionId,
    exercise: set.exercise.name,
  });
  const past = history.map((session) => ({
    date: session.start_time,
    sets: session.sets.map((s) => ({ weightKg: s.weight, unit: s.unit, bodyweight: s.bodyweight, reps: s.reps })),
  }));
  const target = nextTarget(set.exercise, past);
  return {
    ...step,
    planned: { ...set, load: plannedLoad(set, target), target },
    lastTime: past.filter((session) => session.sets.length > 0).at(-1) ?? null,
    restSeconds: set.exercise.restSeconds ?? routine.restSeconds ?? DEFAULT_REST_SECONDS,
  };
}
