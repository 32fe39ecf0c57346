import { parseRoutine } from '../../domain/routine/parse.js';
import { printExercise } from '../../domain/routine/print.js';

type Count = { done: number; planned: number };

export type PlanProgress = {
  routine: string;
  exercises: Array<{ exercise: string; plan: string; warmups: Count; sets: Count }>;
};

/**
 * Each planned exercise of a routine beside the sets a session holds of it (warm-ups
 * apart). `names`: the session's exercises under each name they answer to (lower-cased,
 * weakest first), so that a line written with an alias finds its sets.
 */
export function plannedAgainstDone(
  routine: { name: string; source: string; names?: Array<{ name: string; exercise: string }> },
  sets: Array<{ exercise: string; set_type: string }>,
): PlanProgress {
  const plan = parseRoutine(routine.source, routine.name);
  const logged = new Map((routine.names ?? []).map(({ name, exercise }) => [name, exercise.toLowerCase()]));
  return {
    routine: routine.name,
    exercises: plan.exercises.map((exercise) => {
      const name = logged.get(exercise.name.toLowerCase()) ?? exercise.name.toLowerCase();
      const own = sets.filter((set) => set.exercise.toLowerCase() === name);
      const warmups = own.filter((set) => set.set_type === 'warmup').length;
      const plannedWarmups = exercise.warmups.reduce((sum, warmup) => sum + warmup.sets, 0);
      return {
        exercise: exercise.name,
        plan: printExercise(exercise).slice(exercise.name.length + 2),
        warmups: { done: warmups, planned: plannedWarmups },
        sets: { done: own.length - warmups, planned: exercise.work.sets },
      };
    }),
  };
}

export function renderPlanProgress({ routine, exercises }: PlanProgress): string[] {
  return [
    `Routine ${routine}, planned against done:`,
    ...exercises.map(({ exercise, plan, warmups, sets }) => {
      const warm = warmups.planned > 0 ? `, warm-ups ${warmups.done} of ${warmups.planned}` : '';
      return `  ${exercise}: ${sets.done} of ${sets.planned} sets${warm}  (${plan})`;
    }),
  ];
}
