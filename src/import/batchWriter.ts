import type { DatabaseTransactionConnection } from 'slonik';
import { findOrCreateExercises } from '../db/queries/importExercises.js';
import { countRecordsHeldBy } from '../db/queries/importRecords.js';
import { endSessionsAtLastSet } from '../db/queries/importSessionEnds.js';
import { insertImportedSessions } from '../db/queries/importSessions.js';
import { insertImportedSets } from '../db/queries/importSetRows.js';
import { recomputeRecords } from '../db/queries/recomputeRecords.js';
import type { ImportedSet, RowProblem, SourceWorkout } from '../domain/formats/types.js';

export type ImportCounts = {
  sessionsAdded: number;
  setsAdded: number;
  /** Workouts whose key was already there: skipped whole. */
  sessionsPresent: number;
  setsPresent: number;
  /** Records now held by imported sets. */
  newRecords: number;
};

/** The state of one import: which source workouts became which sessions, and what was written. */
export class BatchWriter {
  /** Source workout key -> its new session id, or null when it was already present. */
  private readonly sessions = new Map<string, number | null>();
  /** Sessions whose end is their last set (known only once all their sets are in). */
  private readonly openEnded: number[] = [];
  /** Exercise name as written -> its id ("bench press" and "Bench Press" look up the same row). */
  private readonly exercises = new Map<string, number>();
  private readonly touched = new Set<number>();
  private readonly counts: ImportCounts = { sessionsAdded: 0, setsAdded: 0, sessionsPresent: 0, setsPresent: 0, newRecords: 0 };

  constructor(
    private readonly tx: DatabaseTransactionConnection,
    private readonly userId: number,
    private readonly reject: (problem: RowProblem) => void,
  ) {}

  async write(batch: readonly ImportedSet[]): Promise<void> {
    if (batch.length === 0) return;
    await this.addSessions(batch);
    const sets = batch.filter((set) => {
      if (this.sessions.get(set.workout.key) !== null) return true;
      this.counts.setsPresent++;
      return false;
    });
    if (sets.length === 0) return;
    const fresh = [...new Set(sets.map((set) => set.exercise).filter((name) => !this.exercises.has(name)))];
    if (fresh.length > 0) {
      for (const [name, id] of await findOrCreateExercises(this.tx, fresh)) this.exercises.set(name, id);
    }
    await this.insertSets(sets);
  }

  /** Creates a session per new source workout; a key already present marks the workout as skipped. */
  private async addSessions(batch: readonly ImportedSet[]): Promise<void> {
    const fresh = new Map<string, SourceWorkout>();
    for (const { workout } of batch) {
      if (!this.sessions.has(workout.key) && !fresh.has(workout.key)) fresh.set(workout.key, workout);
    }
    if (fresh.size === 0) return;
    const workouts = [...fresh.values()];
    const created = await insertImportedSessions(this.tx, this.userId, workouts);
    for (const workout of workouts) {
      const id = created.get(workout.key) ?? null;
      this.sessions.set(workout.key, id);
      if (id === null) this.counts.sessionsPresent++;
      else {
        this.counts.sessionsAdded++;
        if (workout.end === null) this.openEnded.push(id);
      }
    }
  }

  /** Inserts the sets; a set number the session already holds, or that the file repeats, is refused by line. */
  private async insertSets(sets: readonly ImportedSet[]): Promise<void> {
    const rows = sets.map((set) => {
      const exerciseId = this.exercises.get(set.exercise)!;
      this.touched.add(exerciseId);
      return { set, sessionId: this.sessions.get(set.workout.key)!, exerciseId };
    });
    const result = await insertImportedSets(this.tx, this.userId, rows);
    this.counts.setsAdded += result.inserted;
    if (result.repeated.length > 0) {
      const byLine = new Map(sets.map((set) => [set.line, set]));
      for (const line of result.repeated) {
        const set = byLine.get(line)!;
        this.reject({ line, column: 'set_number', problem: `${set.exercise} already has set ${set.setNumber} in session ${set.workout.key}` });
      }
    }
  }

  /** Ends open-ended sessions at their last set and rebuilds the touched exercises' records. */
  async finish(): Promise<ImportCounts> {
    if (this.openEnded.length > 0) {
      await endSessionsAtLastSet(this.tx, this.openEnded);
    }
    const exerciseIds = [...this.touched];
    await recomputeRecords(this.tx, this.userId, exerciseIds);
    if (exerciseIds.length > 0 && this.counts.setsAdded > 0) {
      const sessionIds = [...this.sessions.values()].filter((id): id is number => id !== null);
      this.counts.newRecords = await countRecordsHeldBy(this.tx, this.userId, exerciseIds, sessionIds);
    }
    return { ...this.counts };
  }
}
