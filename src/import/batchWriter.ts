import type { DatabaseTransactionConnection } from 'slonik';
import { findOrCreateExercises } from '../db/queries/importExercises.js';
import { countRecordsHeldBy } from '../db/queries/importRecords.js';
import { endSessionsAtLastSet } from '../db/queries/importSessionEnds.js';
import { type ImportedSession, insertImportedSessions } from '../db/queries/importSessions.js';
import { insertImportedSets } from '../db/queries/importSetRows.js';
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

/** The state of one import: which source workouts became which sessions, and what was written. */
export class BatchWriter {
  /** Source workout key -> its session (created now, or imported before). */
  private readonly sessions = new Map<string, ImportedSession>();
  /** Sessions whose end is their last set (known only once all their sets are in). */
  private readonly openEnded: number[] = [];
  /** Exercise name as written -> its id ("bench press" and "Bench Press" look up the same row). */
  private readonly exercises = new Map<string, number>();
  /** `session:exercise` -> the number of that exercise's last set in that workout, in file order. */
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

  async write(batch: readonly ImportedSet[]): Promise<void> {
    if (batch.length === 0) return;
    await this.addSessions(batch);
    const fresh = [...new Set(batch.map((set) => set.exercise).filter((name) => !this.exercises.has(name)))];
    if (fresh.length > 0) {
      for (const [name, id] of await findOrCreateExercises(this.tx, this.userId, fresh)) this.exercises.set(name, id);
    }
    await this.insertSets(batch);
  }

  /** Creates a session per new source workout; a key already present keeps its session. */
  private async addSessions(batch: readonly ImportedSet[]): Promise<void> {
    const fresh = new Map<string, SourceWorkout>();
    for (const { workout } of batch) {
      if (!this.sessions.has(workout.key) && !fresh.has(workout.key)) fresh.set(workout.key, workout);
    }
    if (fresh.size === 0) return;
    const workouts = [...fresh.values()];
    const sessions = await insertImportedSessions(this.tx, this.userId, workouts);
    for (const workout of workouts) {
      const session = sessions.get(workout.key)!;
      this.sessions.set(workout.key, session);
      if (!session.created) this.counts.sessionsPresent++;
      else {
        this.counts.sessionsAdded++;
        if (workout.end === null) this.openEnded.push(session.id);
      }
    }
  }

  /**
   * A set the file does not number is its exercise's next in that workout, counted in file
   * order: the n-th Bench Press set of a workout is set n in every import of it, so a
   * newer export of a workout imported before adds the sets it did not have.
   */
  private setNumberOf(set: ImportedSet, sessionId: number, exerciseId: number): number {
    if (set.setNumber !== null) return set.setNumber;
    const key = `${sessionId}:${exerciseId}`;
    const number = (this.lastSetNumber.get(key) ?? 0) + 1;
    this.lastSetNumber.set(key, number);
    return number;
  }

  /** Inserts the sets; a set number the file repeats is refused by line. */
  private async insertSets(sets: readonly ImportedSet[]): Promise<void> {
    const rows = sets.map((set) => {
      const exerciseId = this.exercises.get(set.exercise)!;
      const session = this.sessions.get(set.workout.key)!;
      return {
        set,
        sessionId: session.id,
        exerciseId,
        setNumber: this.setNumberOf(set, session.id, exerciseId),
        newSession: session.created,
      };
    });
    const result = await insertImportedSets(this.tx, this.userId, rows);
    this.counts.setsAdded += result.inserted;
    this.counts.setsPresent += result.present;
    for (const id of result.exercises) this.touched.add(id);
    for (const id of result.sessions) this.grown.add(id);
    if (result.repeated.length > 0) {
      const byLine = new Map(sets.map((set) => [set.line, set]));
      for (const line of result.repeated) {
        const set = byLine.get(line)!;
        this.reject({
          line,
          column: 'set_number',
          problem: `${set.exercise} already has set ${set.setNumber} in session ${set.workout.key}`,
        });
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
    if (exerciseIds.length > 0) {
      // By session: a session imported before that gained a set here counts its older sets' records too.
      this.counts.newRecords = await countRecordsHeldBy(this.tx, this.userId, exerciseIds, [...this.grown]);
    }
    return { ...this.counts };
  }
}
