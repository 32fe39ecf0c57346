import { Readable } from 'node:stream';

const EXERCISES = [
  'Bench Press (Barbell)',
  'Squat (Barbell)',
  'Deadlift (Barbell)',
  'Overhead Press (Barbell)',
  'Bent Over Row (Barbell)',
  'Pull Up',
  'Lat Pulldown (Cable)',
  'Bicep Curl (Dumbbell)',
  'Triceps Pushdown (Cable)',
  'Leg Press',
];
export const STRONG_5_HEADER =
  'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n';

/**
 * A Strong 5.x export of `sets` sets, as a stream of text chunks: two workouts a day
 * of 5 exercises x 4 sets (a warm-up, then work sets, some bodyweight), like a
 * real multi-year history. Deterministic, so runs compare.
 */
export function strongExport(sets: number): Readable {
  let written = 0;
  let workout = 0;
  function* chunks() {
    yield STRONG_5_HEADER;
    while (written < sets) {
      // Two workouts a day from 1990: a million sets (50,000 workouts) end in 2058.
      const day = new Date(
        Date.UTC(1990, 0, 1 + Math.floor(workout / 2), workout % 2 ? 18 : 7, 30 + (workout % 20), 0),
      );
      const date = day.toISOString().slice(0, 19).replace('T', ' ');
      const name = `Workout ${String.fromCharCode(65 + (workout % 3))}`;
      let text = '';
      for (let e = 0; e < 5 && written < sets; e++) {
        const exercise = EXERCISES[(workout * 3 + e) % EXERCISES.length]!;
        for (let s = 0; s < 4 && written < sets; s++, written++) {
          const order = s === 0 ? 'W' : String(s);
          const weight = exercise === 'Pull Up' ? '0.0' : (40 + ((workout + e * 7 + s * 3) % 60) * 2.5).toFixed(1);
          const reps = `${3 + ((workout + s) % 10)}.0`;
          text += `${date},${name},1h 7m,${exercise},${order},${weight},${reps},,,,,\n`;
        }
      }
      workout++;
      yield text;
    }
  }
  return Readable.from(chunks());
}

export async function strongExportText(sets: number): Promise<string> {
  let text = '';
  for await (const chunk of strongExport(sets)) text += chunk;
  return text;
}
