import { formatDuration } from './duration.js';
import type { ExercisePlan, Load, Progression, Routine, SetScheme, WarmUpLoad } from './types.js';

/**
 * The canonical text of a routine: what parseRoutine reads back to the same routine.
 * Comments and spacing are not kept (`routine export` prints the text as written).
 */
export function printRoutine(routine: Routine): string {
  const lines = routine.restSeconds === null ? [] : [`rest ${formatDuration(routine.restSeconds)}`];
  for (const exercise of routine.exercises) lines.push(printExercise(exercise));
  return `${lines.join('\n')}\n`;
}

export function printExercise(exercise: ExercisePlan): string {
  const items = [
    ...exercise.warmups.map((w) => `warmup ${w.sets}x${w.reps}${w.load ? ` @ ${printLoad(w.load)}` : ''}`),
    `${printScheme(exercise.work)}${exercise.load ? ` @ ${printLoad(exercise.load)}` : ''}`,
    printProgression(exercise.progression),
    exercise.deload ? `deload ${exercise.deload.percent}% after ${exercise.deload.misses} misses` : '',
    exercise.restSeconds === null ? '' : `rest ${formatDuration(exercise.restSeconds)}`,
  ];
  return `${exercise.name}: ${items.filter(Boolean).join(', ')}`;
}

export function printScheme({ sets, minReps, maxReps }: SetScheme): string {
  return `${sets}x${minReps}${maxReps === minReps ? '' : `-${maxReps}`}`;
}

export function printLoad(load: Load | WarmUpLoad): string {
  if (load.kind === 'percent') return `${load.percent}%`;
  if (load.kind === 'bodyweight') return load.added === '0' ? 'bw' : `bw+${load.added}${load.unit}`;
  return `${load.weight}${load.unit}`;
}

export function printProgression(progression: Progression): string {
  if (progression.kind === 'linear') return `+${progression.step.amount}${progression.step.unit} when all reps done`;
  if (progression.kind === 'double') return `double progression +${progression.step.amount}${progression.step.unit}`;
  return '';
}
