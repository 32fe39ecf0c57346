import { describe, expect, test } from 'vitest';
import type { ExportedSet } from '../../src/domain/formats/exportRows.js';
import { strongEncoder } from '../../src/export/strongEncoder.js';

const set: ExportedSet = {
  session_key: 'workout:a',
  session_name: 'A',
  session_start: '2025-03-01 10:00:00+00',
  session_end: '2025-03-01 11:00:00+00',
  session_seconds: 3600,
  session_notes: null,
  exercise: 'Bench',
  set_number: 1,
  set_type: 'normal',
  weight: '100',
  unit: 'kg',
  bodyweight: false,
  reps: 5,
  rpe: null,
  performed_at: '2025-03-01 10:05:00+00',
  notes: null,
};

/** The file an encoder writes for `sets`, given in time order. */
function encode(sets: ExportedSet[]) {
  const encoder = strongEncoder();
  const text = encoder.head + sets.map((each) => encoder.row(each)).join('') + encoder.tail();
  return { text, typedSets: encoder.typedSets() };
}

describe('Strong encoder', () => {
  test('a workout at a time, exercises together, no newline at the end', () => {
    const { text, typedSets } = encode([
      set,
      { ...set, exercise: 'Row', set_type: 'warmup' },
      { ...set, set_type: 'failure', weight: '90' },
      { ...set, session_key: 'workout:b', session_name: 'B', session_start: '2025-03-02 10:00:00+00' },
    ]);
    expect(text.split('\n').map((line) => line.split(',').slice(0, 6).join(' '))).toEqual([
      'Date Workout Name Duration Exercise Name Set Order Weight',
      '2025-03-01 10:00:00 "A" 1h "Bench" 1 100.0',
      '2025-03-01 10:00:00 "A" 1h "Bench" 2 90.0',
      '2025-03-01 10:00:00 "A" 1h "Row" 1 100.0',
      '2025-03-02 10:00:00 "B" 1h "Bench" 1 100.0',
    ]);
    expect(text.endsWith('\n')).toBe(false);
    expect(typedSets).toBe(2);
    expect(encode([]).text).toBe(
      'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE',
    );
  });

  test('a session that overlaps another goes on numbering where it stopped', () => {
    const other = { ...set, session_key: 'workout:b', session_name: 'B' };
    const { text } = encode([set, other, { ...set, notes: 'again' }]);
    expect(
      text
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').slice(1, 5).concat(line.split(',').slice(9, 11)).join(' ')),
    ).toEqual(['"A" 1h "Bench" 1 "" ""', '"B" 1h "Bench" 1 "" ""', '"A" 1h "Bench" 2 "again" ']);
  });
});
