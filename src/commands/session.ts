import { z } from 'zod';
import { endSession, listSessions, showSession, startSession, type SessionSummary } from '../db/queries/sessions.js';
import { nameSchema } from '../domain/limits.js';
import { parseTimestamp } from '../domain/time.js';
import { formatWeight, weightInUnit } from '../domain/units.js';
import { palette } from '../ui/color.js';
import { formatLocal } from '../ui/time.js';
import { withDatabase, type CommandContext } from './context.js';
import { parseInput } from './parseInput.js';

const wholeNumber = (field: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, `${field} must be a positive whole number`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `${field} must be from 1 to ${max}`);

const atOption = (options: Record<string, unknown>) =>
  typeof options.at === 'string' ? parseTimestamp(options.at, '--at') : null;

function describe(session: SessionSummary): string {
  const name = session.name ? ` "${session.name}"` : '';
  const state = session.end_time ? `ended ${formatLocal(session.end_time)}` : 'active';
  return `session ${session.id}${name}: started ${formatLocal(session.start_time)}, ${state}, ${session.set_count} set(s)`;
}

export async function startSessionCommand(context: CommandContext, _args: unknown[], options: Record<string, unknown>) {
  const name = options.name === undefined ? null : parseInput(nameSchema('--name'), options.name);
  const at = atOption(options);
  const session = await withDatabase(context, (pool) => startSession(pool, context.config.userName, { name, at }));
  context.output.result(session, (s) => `Started ${describe(s)}.`);
}

export async function endSessionCommand(context: CommandContext, _args: unknown[], options: Record<string, unknown>) {
  const at = atOption(options);
  const session = await withDatabase(context, (pool) => endSession(pool, context.config.userName, at));
  context.output.result(session, (s) => `Ended ${describe(s)}.`);
}

export async function listSessionsCommand(context: CommandContext, _args: unknown[], options: Record<string, unknown>) {
  const limit = parseInput(wholeNumber('--limit', 10_000), String(options.limit ?? '20'));
  const sessions = await withDatabase(context, (pool) => listSessions(pool, context.config.userName, limit));
  context.output.result(sessions, (rows) =>
    rows.length === 0 ? 'No sessions yet. Log a set with `workout set add EXERCISE SET`.' : rows.map(describe).join('\n'),
  );
}

export async function showSessionCommand(context: CommandContext, args: unknown[]) {
  const [idArg] = args as [string | undefined];
  const id = idArg === undefined ? undefined : parseInput(wholeNumber('ID', Number.MAX_SAFE_INTEGER), idArg);
  const shown = await withDatabase(context, (pool) => showSession(pool, context.config.userName, id));
  const { session, sets } = shown;
  // JSON: weights in each set's unit, like the text (the exact kilograms in weight_kg).
  context.output.result({ session, sets: sets.map(weightInUnit) }, () => {
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
    return lines.join('\n');
  });
}
