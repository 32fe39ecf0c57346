import { type ExportedSet, STRONG_COLUMNS, strongWorkoutLines } from '../domain/formats/exportRows.js';

/**
 * Strong's lines, a workout at a time: sets arrive in time order, and a workout's rows
 * are written once its last set has been read (Strong groups them by exercise). Strong
 * ends a line with `\n` only before the next one: the file has no newline at its end.
 */
export function strongEncoder() {
  let workout: ExportedSet[] = [];
  let typedSets = 0;
  const flush = () => {
    const lines = strongWorkoutLines(workout);
    workout = [];
    return lines.map((line) => `\n${line}`).join('');
  };
  return {
    head: STRONG_COLUMNS.join(','),
    row(set: ExportedSet): string {
      if (set.set_type !== 'normal') typedSets += 1;
      const text = workout.length > 0 && workout[0]!.session_key !== set.session_key ? flush() : '';
      workout.push(set);
      return text;
    },
    tail: flush,
    /** Warm-up, drop and failure sets, which Strong 5.x writes as plain numbered sets. */
    typedSets: () => typedSets,
  };
}
