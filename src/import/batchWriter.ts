import type { DatabaseTransactionConnection } from 'slonik';
import {
  type ImportedSetRow,
  insertImportedBatch,
  type PreparedBatch,
  prepareImportedBatch,
} from '../db/queries/importBatch.js';
import { findOrCreateExercises } from '../db/queries/importExercises.js';
import { countRecordsHeldBy } from '../db/queries/importRecords.js';
import { endSessionsAtLastSet } from '../db/queries/importSessionEnds.js';
import { recomputeRecords } from '../db/queries/recomputeRecords.js';
import type { ImportedSet, RowProblem, SourceWorkout } from '../domain/formats/types.js';

export type ImportCounts = {
  sessionsAdded: number;
  /** Sets added, to new sessions and to sessions imported before. */
  setsAdded: number;
  /** Workouts whose key was already there: their session is kept as it is. */
  sessionsPresent: number;
  /** Sets already in those sessions (the same set number of the same exercise). */
  setsPresent: number;
  /** Records now held by imported sets. */
  newRecords: number;
};

/**
 * A batch built and ready to write: its sets, the workouts it is the first to name, the
 * lines whose set number an earlier line of the batch has (same workout and exercise),
 * and the statement's input (the other sets).
 */
export type BuiltBatch = {
  sets: readonly ImportedSet[];
  workouts: readonly SourceWorkout[];
  repeated: readonly number[];
  input: PreparedBatch;
};

/**
 * The state of one import: which source workouts it met and which of them got a new
 * session, and what was written. A batch is built (set numbers, the statement's input),
 * which can happen while the batch before it is being written, then written in one
 * statement.
 */
export class BatchWriter {
  /** Source workout keys of the batches built so far. */
  private readonly workoutKeys = new Set<string>();
  /** Source workout keys whose session this import created. */
  private readonly createdKeys = new Set<string>();
  /** Sessions whose end is their last set (known only once all their sets are in). */
  private readonly openEnded: number[] = [];
  /** Exercise name as written -> its id ("bench press" and "Bench Press" look up the same row). */
  private readonly exercises = new Map<string, number>();
  /** `workout key:exercise` -> the number of that exercise's last set in that workout, in file order. */
  private readonly lastSetNumber = new Map<string, number>();
  /** Exercises and sessions that got a set. */
  private readonly touched = new Set<number>();
  private readonly grown = new Set<number>();
  private readonly counts: ImportCounts = {
    sessionsAdded: 0,
    setsAdded: 0,
    sessionsPresent: 0,
    setsPresent: 0,
    newRecords: 0,
  };

  constructor(
    private readonly tx: DatabaseTransactionConnection,
    private readonly userId: number,
    private readonly reject: (problem: RowProblem) => void,
  ) {}

  /**
   * Builds a batch's statement input. Only a batch with exercise names not met before
   * waits for `writing` (the batch before it), to look them up on the connection.
   */
  async build(sets: readonly ImportedSet[], writing: Promise<void> | undefined): Promise<BuiltBatch> {
    const fresh = [...new Set(sets.map((set) => set.exercise).filter((name) => !this.exercises.has(name)))];
    if (fresh.length > 0) {
      await writing;
      for (const [name, id] of await findOrCreateExercises(this.tx, this.userId, fresh)) this.exercises.set(name, id);
    }
    const workouts: SourceWorkout[] = [];
    for (const { workout } of sets) {
      if (!this.workoutKeys.has(workout.key)) {
        this.workoutKeys.add(workout.key);
        workouts.push(workout);
      }
    }
    const rows: ImportedSetRow[] = [];
    const numbered = new Set<string>();
    const repeated: number[] = [];
    for (const set of sets) {
      const exerciseId = this.exercises.get(set.exercise)!;
      const setNumber = this.setNumberOf(set, exerciseId);
      const key = `${set.workout.key}\u0000${exerciseId}\u0000${setNumber}`;
      if (numbered.has(key)) repeated.push(set.line);
      else {
        numbered.add(key);
        rows.push({ set, exerciseId, setNumber });
      }
    }
    return { sets, workouts, repeated, input: prepareImportedBatch(workouts, rows) };
  }

  /**
   * Writes a built batch. A set number the file repeats is refused by line: within the
   * batch, or across batches in a session this import created. In a session imported
   * before, it is that set, already present.
   */
  async write({ sets, workouts, repeated: repeatedInBatch, input }: BuiltBatch): Promise<void> {
    if (sets.length === 0) return;
    const result = await insertImportedBatch(this.tx, this.userId, input);
    const created = new Map(result.created_keys.map((key, index) => [key, result.created_ids[index]!]));
    for (const workout of workouts) {
      const id = created.get(workout.key);
      if (id === undefined) this.counts.sessionsPresent++;
      else {
        this.createdKeys.add(workout.key);
        this.counts.sessionsAdded++;
        if (workout.end === null) this.openEnded.push(id);
      }
    }
    this.counts.setsAdded += result.inserted;
    for (const id of result.exercises) this.touched.add(id);
    for (const id of result.sessions) this.grown.add(id);
    if (repeatedInBatch.length === 0 && result.refused.length === 0) return;
    const byLine = new Map(sets.map((set) => [set.line, set]));
    const repeated = [...repeatedInBatch];
    for (const line of result.refused) {
      if (this.createdKeys.has(byLine.get(line)!.workout.key)) repeated.push(line);
      else this.counts.setsPresent++;
    }
    for (const line of repeated.sort((a, b) => a - b)) {
      const set = byLine.get(line)!;
      this.reject({
        line,
        column: 'set_number',
        problem: `${set.exercise} already has set ${set.setNumber} in session ${set.workout.key}`,
      });
    }
  }

  /**
   * A set the file does not number is its exercise's next in that workout, counted in file
   * order: the n-th Bench Press set of a workout is set n in every import of it, so a
   * newer export of a workout imported before adds the sets it did not have.
   */
  private setNumberOf(set: ImportedSet, exerciseId: number): number {
    if (set.setNumber !== null) return set.setNumber;
    const key = `${set.workout.key}:${exerciseId}`;
    const number = (this.lastSetNumber.get(key) ?? 0) + 1;
    this.lastSetNumber.set(key, number);
    return number;
  }

  /** Ends open-ended sessions at their last set and rebuilds the touched exercises' records. */
  async finish(): Promise<ImportCounts> {
    if (this.openEnded.length > 0) {
      await endSessionsAtLastSet(this.tx, this.openEnded);
    }
    const exerciseIds = [...this.touched];
    await recomputeRecords(this.tx, this.userId, exerciseIds);
    if (exerciseIds.length > 0) {
      // By session: a session imported before that gained a set here counts its older sets' records too.
      this.counts.newRecords = await countRecordsHeldBy(this.tx, this.userId, exerciseIds, [...this.grown]);
    }
    return { ...this.counts };
  }
}
