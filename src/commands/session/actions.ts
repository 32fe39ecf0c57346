import { endSession, listSessions, showSession, startSession, type SessionSummary } from '../../db/queries/sessions.js';
import { sessionRoutine } from '../../db/queries/routineSession.js';
import { formatWeight, weightInUnit } from '../../domain/units.js';
import { palette } from '../../ui/color.js';
import { formatLocal } from '../../ui/time.js';
import { withDatabase, type CommandContext } from '../context.js';
import { plannedAgainstDone, renderPlanProgress } from '../routine/plannedAgainstDone.js';
import type { EndInput, ListInput, ShowInput, StartInput } from '../session.js';

function describe(session: SessionSummary): string {
  const name = session.name ? ` "${session.name}"` : '';
  const state = session.end_time ? `ended ${formatLocal(session.end_time)}` : 'active';
  return `session ${session.id}${name}: started ${formatLocal(session.start_time)}, ${state}, ${session.set_count} set(s)`;
}

export async function startSessionCommand(context: CommandContext, { name, at, routine }: StartInput) {
  const session = await withDatabase(context, (pool) => startSession(pool, context.config.userName, { name, at, routine }));
  context.output.result(session, (s) => `Started ${describe(s)}.`);
}

export async function endSessionCommand(context: CommandContext, { at }: EndInput) {
  const session = await withDatabase(context, (pool) => endSession(pool, context.config.userName, at));
  context.output.result(session, (s) => `Ended ${describe(s)}.`);
}

export async function listSessionsCommand(context: CommandContext, { limit }: ListInput) {
  const sessions = await withDatabase(context, (pool) => listSessions(pool, context.config.userName, limit));
  context.output.result(sessions, (rows) =>
    rows.length === 0 ? 'No sessions yet. Log a set with `workout set add EXERCISE SET`.' : rows.map(describe).join('\n'),
  );
}

export async function showSessionCommand(context: CommandContext, { id }: ShowInput) {
  const { session, sets, routine } = await withDatabase(context, async (pool) => {
    const shown = await showSession(pool, context.config.userName, id);
    return { ...shown, routine: await sessionRoutine(pool, shown.session.id) };
  });
  const plan = routine && plannedAgainstDone(routine, sets);
  // JSON: weights in each set's unit, like the text (the exact kilograms in weight_kg).
  context.output.result({ session, sets: sets.map(weightInUnit), ...(plan && { plan }) }, () => {
    const c = palette(context.output.color);
    const lines = [c.bold(describe(session))];
    const byExercise = new Map<string, typeof sets>();
    for (const set of sets) byExercise.set(set.exercise, [...(byExercise.get(set.exercise) ?? []), set]);
    for (const [exercise, exerciseSets] of byExercise) {
      lines.push('', c.bold(exercise));
      for (const set of exerciseSets) {
        const extras = [set.rpe === null ? '' : `RPE ${set.rpe}`, set.set_type === 'normal' ? '' : set.set_type, set.notes ?? '']
          .filter(Boolean)
          .join(', ');
        lines.push(
          `  ${String(set.set_number).padStart(2)}. ${formatWeight(set.weight, set.unit, set.bodyweight)} x ${set.reps}` +
            (extras ? `  (${extras})` : ''),
        );
      }
    }
    if (plan) lines.push('', ...renderPlanProgress(plan));
    return lines.join('\n');
  });
}
