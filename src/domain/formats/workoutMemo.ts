import { fieldAt } from './header.js';
import type { SourceWorkout } from './types.js';

/**
 * Rows of one workout repeat its fields (`columns`): `build` reads the workout once per
 * run of rows with the same text in them.
 */
export function workoutMemo(columns: readonly number[], build: (record: readonly string[]) => SourceWorkout) {
  let lastText = '';
  let last: SourceWorkout | undefined;
  return (record: readonly string[]): SourceWorkout => {
    const text = columns.map((index) => fieldAt(record, index)).join('\u0000');
    if (last && text === lastText) return last;
    last = build(record);
    lastText = text;
    return last;
  };
}
