import { type ExportedSet, STRONG_COLUMNS, strongWorkoutLines } from '../domain/formats/exportRows.js';

const RECENT_SESSIONS = 64;

/**
 * Strong's lines, a workout at a time: sets arrive in time order, and a workout's rows
 * are written once its last set has been read (Strong groups them by exercise). Strong
 * ends a line with `\n` only before the next one: the file has no newline at its end.
 */
export function strongEncoder() {
  let workout: ExportedSet[] = [];
  let typedSets = 0;
  // Sets written per exercise of the last sessions: a session whose times overlap
  // another's comes back after it, and its numbers go on (never 1 twice).
  const written = new Map<string, Map<string, number>>();
  const flush = () => {
    const key = workout[0]?.session_key;
    if (key === undefined) return '';
    const counts = written.get(key) ?? new Map<string, number>();
    written.delete(key);
    written.set(key, counts);
    if (written.size > RECENT_SESSIONS) written.delete(written.keys().next().value!);
    const lines = strongWorkoutLines(workout, counts);
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
