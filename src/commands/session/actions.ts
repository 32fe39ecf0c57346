import { type MuscleVolume, muscleVolume } from '../../db/queries/muscleVolume.js';
import { sessionRoutine } from '../../db/queries/routineSession.js';
import { endSession, listSessions, type SessionSummary, showSession, startSession } from '../../db/queries/sessions.js';
import { parseSessionGap } from '../../domain/sessionGap.js';
import { weightInUnit } from '../../domain/units.js';
import { palette } from '../../ui/color.js';
import { muscleJson, musclesWorked } from '../../ui/muscles.js';
import { setLine } from '../../ui/setLine.js';
import { formatLocal } from '../../ui/time.js';
import { type CommandContext, withDatabase } from '../context.js';
import { plannedAgainstDone, renderPlanProgress } from '../routine/plannedAgainstDone.js';
import type { EndInput, ListInput, ShowInput, StartInput } from '../session.js';
import { idleSessionNote } from './idleNote.js';

function describe(session: SessionSummary): string {
  const name = session.name ? ` "${session.name}"` : '';
  const state = session.end_time ? `ended ${formatLocal(session.end_time)}` : 'active';
  return `session ${session.id}${name}: started ${formatLocal(session.start_time)}, ${state}, ${session.set_count} set(s)`;
}

export async function startSessionCommand(context: CommandContext, { name, at, routine }: StartInput) {
  const gapMinutes = parseSessionGap(process.env.WORKOUT_SESSION_GAP);
  const session = await withDatabase(context, (pool) =>
    startSession(pool, context.config.userName, { name, at, gapMinutes, routine }),
  );
  if (session.closed_session_id !== null && session.closed_at !== null) {
    context.output.note(idleSessionNote(session.closed_session_id, session.closed_at, gapMinutes));
  }
  context.output.result(session, (s) => `Started ${describe(s)}.`);
}

export async function endSessionCommand(context: CommandContext, { at }: EndInput) {
  const { session, muscles } = await withDatabase(context, async (pool) => {
    const ended = await endSession(pool, context.config.userName, at);
    return { session: ended, muscles: await muscleVolume(pool, { sessionId: ended.id }) };
  });
  context.output.result({ ...session, muscles: muscles.map(muscleJson) }, () =>
    [`Ended ${describe(session)}.`, ...musclesLine(muscles)].join('\n'),
  );
}

/** The muscles line, when an exercise of the session names its muscles. */
function musclesLine(muscles: readonly MuscleVolume[]): string[] {
  return muscles.some((row) => row.muscle !== null) ? [`Muscles worked (sets): ${musclesWorked(muscles)}`] : [];
}

export async function listSessionsCommand(context: CommandContext, { limit }: ListInput) {
  const sessions = await withDatabase(context, (pool) => listSessions(pool, context.config.userName, limit));
  context.output.result(sessions, (rows) =>
    rows.length === 0
      ? 'No sessions yet. Log a set with `workout set add EXERCISE SET`.'
      : rows.map(describe).join('\n'),
  );
}

export async function showSessionCommand(context: CommandContext, { id }: ShowInput) {
  const { session, sets, routine, muscles } = await withDatabase(context, async (pool) => {
    const shown = await showSession(pool, context.config.userName, id);
    return {
      ...shown,
      routine: await sessionRoutine(pool, shown.session.id),
      muscles: await muscleVolume(pool, { sessionId: shown.session.id }),
    };
  });
  const plan = routine && plannedAgainstDone(routine, sets);
  // JSON: weights in each set's unit, like the text (the exact kilograms in weight_kg).
  const shown = { session, sets: sets.map(weightInUnit), muscles: muscles.map(muscleJson), ...(plan && { plan }) };
  context.output.result(shown, () => {
    const c = palette(context.output.color);
    const lines = [c.bold(describe(session)), ...musclesLine(muscles)];
    const byExercise = new Map<string, typeof sets>();
    for (const set of sets) byExercise.set(set.exercise, [...(byExercise.get(set.exercise) ?? []), set]);
    for (const [exercise, exerciseSets] of byExercise) {
      lines.push('', c.bold(exercise));
      for (const set of exerciseSets) lines.push(setLine(set));
    }
    if (plan) lines.push('', ...renderPlanProgress(plan));
    return lines.join('\n');
  });
}
