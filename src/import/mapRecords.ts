import type { ExerciseNote, ImportedSet, ImportPlan, NotSetReason, RowProblem } from '../domain/formats/types.js';
import { LIMITS } from '../domain/limits.js';
import { UsageError } from '../errors.js';
import type { CsvRecord } from './csvSource.js';

/** At most this many invalid rows are listed (all are counted), so memory stays flat. */
export const LISTED_PROBLEMS = 1_000;

export type RowTally = {
  rows: number;
  notSets: Record<NotSetReason, number>;
  invalid: { count: number; listed: RowProblem[] };
};

export function newTally(): RowTally {
  return { rows: 0, notSets: { rest_timer: 0, unfilled: 0, cardio: 0, note: 0 }, invalid: { count: 0, listed: [] } };
}

export function formatProblem(file: string, problem: RowProblem): string {
  return `${file}:${problem.line}: ${problem.column}: ${problem.problem}`;
}

/**
 * What happens to a bad row: by default it stops the import (the transaction rolls
 * back, exit 2); with --skip-invalid it is counted, listed and left out.
 */
export function rowRejecter(file: string, skipInvalid: boolean, tally: RowTally): (problem: RowProblem) => void {
  return (problem) => {
    if (!skipInvalid) {
      throw new UsageError(
        `${formatProblem(file, problem)}; nothing was imported (fix the row, or --skip-invalid to import the other rows)`,
      );
    }
    tally.invalid.count++;
    if (tally.invalid.listed.length < LISTED_PROBLEMS) tally.invalid.listed.push(problem);
  };
}

/**
 * The set with the exercise note that came before it, when the note is its exercise's in
 * its workout: the note first, the set's own note after it. A note whose exercise has no
 * set after it in that workout has nowhere to go.
 */
function withNote(set: ImportedSet, note: ExerciseNote | undefined): ImportedSet | RowProblem {
  if (!note?.text || note.workoutKey !== set.workout.key || note.exercise !== set.exercise) return set;
  const notes = set.notes === null ? note.text : `${note.text}\n${set.notes}`;
  if ([...notes].length > LIMITS.notesLength) {
    return {
      line: set.line,
      column: 'Notes',
      problem: `with the exercise's note before it, is longer than ${LIMITS.notesLength} characters`,
    };
  }
  return { ...set, notes };
}

/**
 * Maps records to sets as they stream by, an array of records to an array of sets,
 * counting rows that are not sets and rejecting bad ones.
 */
export async function* mapRecords(
  records: AsyncIterable<readonly CsvRecord[]>,
  plan: ImportPlan,
  tally: RowTally,
  reject: (problem: RowProblem) => void,
  onRow?: () => void,
): AsyncGenerator<ImportedSet[]> {
  let note: ExerciseNote | undefined;
  for await (const group of records) {
    const sets: ImportedSet[] = [];
    for (const { record, line } of group) {
      tally.rows++;
      onRow?.();
      const outcome = plan.mapRow(record, line);
      if (outcome.kind === 'set') {
        const set = withNote(outcome.set, note);
        note = undefined;
        if ('workout' in set) sets.push(set);
        else reject(set);
      } else if (outcome.kind === 'note') {
        tally.notSets.note++;
        note = outcome.note;
      } else if (outcome.kind === 'skip') tally.notSets[outcome.reason]++;
      else reject(outcome.problem);
    }
    if (sets.length > 0) yield sets;
  }
}
