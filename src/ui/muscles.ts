import type { MuscleVolume } from '../db/queries/muscleVolume.js';

/** "chest 3, triceps 1.5, shoulders 1.5": working sets per muscle (a secondary muscle counts half). */
export function musclesWorked(rows: readonly MuscleVolume[]): string {
  return rows.map((row) => `${row.muscle ?? `no muscles (${row.exercises.join(', ')})`} ${row.sets}`).join(', ');
}

/** The JSON of one muscle's row: volume in kilograms (and, with a unit to show, in it). */
export function muscleJson(row: MuscleVolume) {
  return { muscle: row.muscle, sets: row.sets, volume_kg: row.volume, exercises: row.exercises };
}
