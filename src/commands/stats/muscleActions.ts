import { type MuscleVolume, muscleVolume } from '../../db/queries/muscleVolume.js';
import { DEFAULT_UNIT, readingUser } from '../../db/queries/readingUser.js';
import { fromKg } from '../../domain/units.js';
import { renderTable } from '../../ui/table.js';
import { type CommandContext, withDatabase } from '../context.js';
import type { StatsInput } from '../stats.js';

/** `stats --by-muscle`: working sets and volume per muscle over the range. */
export async function muscleStatsCommand(context: CommandContext, { range, unit }: StatsInput) {
  const { rows, shown } = await withDatabase(context, async (pool) => {
    const user = await readingUser(pool, context.config.userName);
    const rows: MuscleVolume[] = user === undefined ? [] : await muscleVolume(pool, { userId: user.id, range });
    return { rows, shown: unit ?? user?.unit ?? DEFAULT_UNIT };
  });
  const muscles = rows.map((row) => ({
    muscle: row.muscle,
    sets: row.sets,
    volume: fromKg(row.volume, shown),
    volume_kg: row.volume,
    exercises: row.exercises,
  }));
  context.output.result({ unit: shown, from: range.from, to: range.to, muscles }, () =>
    muscles.length === 0
      ? 'No working sets in this range.'
      : renderTable(
          ['muscle', 'working sets', `volume (${shown})`],
          muscles.map((row) => [
            row.muscle ?? `no muscles: ${row.exercises.join(', ')}`,
            String(row.sets),
            String(row.volume),
          ]),
          context.output.color,
        ),
  );
}
