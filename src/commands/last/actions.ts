import { type LastSet, lastSets } from '../../db/queries/lastSets.js';
import { readingUser } from '../../db/queries/readingUser.js';
import { weightInUnit } from '../../domain/units.js';
import { palette } from '../../ui/color.js';
import { setLine } from '../../ui/setLine.js';
import { formatDay } from '../../ui/time.js';
import { type CommandContext, withDatabase } from '../context.js';
import type { LastInput } from '../last.js';

type ShownSession = { session_id: number; session_name: string | null; started_at: Date; sets: LastSet[] };

function sessionOf(sets: LastSet[]): ShownSession | null {
  const first = sets[0];
  if (!first) return null;
  return { session_id: first.session_id, session_name: first.session_name, started_at: first.session_start, sets };
}

export async function lastCommand(context: CommandContext, { exercise }: LastInput) {
  const sets = await withDatabase(context, async (pool) => {
    const user = await readingUser(pool, context.config.userName);
    return user === undefined ? [] : lastSets(pool, user.id, exercise);
  });
  const previous = sessionOf(sets.filter((set) => !set.active));
  const today = sessionOf(sets.filter((set) => set.active));
  const name = sets[0]?.exercise ?? exercise;
  // JSON: each set in its own unit, as logged (the exact kilograms in weight_kg).
  const json = (session: ShownSession | null) =>
    session && {
      ...session,
      sets: session.sets.map(({ id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at, notes }) =>
        weightInUnit({ id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at, notes }),
      ),
    };
  context.output.result({ exercise: name, previous: json(previous), active: json(today) }, () => {
    const c = palette(context.output.color);
    const block = (title: string, session: ShownSession) => [c.bold(title), ...session.sets.map(setLine)].join('\n');
    const blocks: string[] = [];
    if (previous) {
      const named = previous.session_name ? ` "${previous.session_name}"` : '';
      blocks.push(
        block(
          `${name}, last time: ${formatDay(previous.started_at)} (session ${previous.session_id}${named})`,
          previous,
        ),
      );
    } else {
      blocks.push(`No earlier session with ${name}.`);
    }
    if (today) blocks.push(block(`Today (session ${today.session_id}):`, today));
    return blocks.join('\n\n');
  });
}
