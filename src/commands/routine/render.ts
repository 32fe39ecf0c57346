import { DEFAULT_REST_SECONDS, formatDuration } from '../../domain/routine/duration.js';
import { printLoad, printProgression, printScheme } from '../../domain/routine/print.js';
import type { ExercisePlan, Routine } from '../../domain/routine/types.js';

/** A parsed routine as scripts read it (--json): snake_case, weights as numbers in their unit. */
export function routineJson(routine: Routine) {
  return {
    rest_seconds: routine.restSeconds,
    exercises: routine.exercises.map((exercise) => ({
      name: exercise.name,
      warmups: exercise.warmups.map((warmup) => ({
        sets: warmup.sets,
        reps: warmup.reps,
        load: warmup.load && loadJson(warmup.load),
      })),
      sets: exercise.work.sets,
      min_reps: exercise.work.minReps,
      max_reps: exercise.work.maxReps,
      load: exercise.load && loadJson(exercise.load),
      progression:
        exercise.progression.kind === 'none'
          ? { kind: 'none' }
          : {
              kind: exercise.progression.kind,
              step: Number(exercise.progression.step.amount),
              unit: exercise.progression.step.unit,
            },
      deload: exercise.deload,
      rest_seconds: exercise.restSeconds,
    })),
  };
}

function loadJson(load: NonNullable<ExercisePlan['warmups'][number]['load']>) {
  if (load.kind === 'percent') return { kind: 'percent', percent: load.percent };
  if (load.kind === 'bodyweight') return { kind: 'bodyweight', added: Number(load.added), unit: load.unit };
  return { kind: 'weight', weight: Number(load.weight), unit: load.unit };
}

/** One row per exercise: what `routine show` draws. */
export function routineRows(routine: Routine): string[][] {
  return routine.exercises.map((exercise) => [
    exercise.name,
    [
      ...exercise.warmups.map((w) => `warmup ${w.sets}x${w.reps}${w.load ? ` @ ${printLoad(w.load)}` : ''}`),
      `${printScheme(exercise.work)}${exercise.load ? ` @ ${printLoad(exercise.load)}` : ''}`,
    ].join(', '),
    describeProgression(exercise),
    formatDuration(exercise.restSeconds ?? routine.restSeconds ?? DEFAULT_REST_SECONDS),
  ]);
}

function describeProgression({ progression, deload }: ExercisePlan): string {
  const step = printProgression(progression) || 'none';
  return deload ? `${step}; deload ${deload.percent}% after ${deload.misses} misses` : step;
}
