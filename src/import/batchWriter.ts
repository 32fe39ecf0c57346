import { sql, type DatabaseTransactionConnection } from 'slonik';
import { z } from 'zod';
import type { ImportedSet, RowProblem, SourceWorkout } from '../domain/formats/types.js';
import { findOrCreateExercises } from '../db/queries/importExercises.js';
import { recomputeRecords } from '../db/queries/recomputeRecords.js';

export type ImportCounts = {
  sessionsAdded: number;
  setsAdded: number;
  /** Workouts whose key was already there: skipped whole. */
  sessionsPresent: number;
  setsPresent: number;
  /** Records now held by imported sets. */
  newRecords: number;
};

const sessionRow = z.object({ id: z.number(), source_key: z.string() });
const insertedSets = z.object({ inserted: z.number(), repeated: z.array(z.number()) });

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
    const rows = await this.tx.any(sql.type(sessionRow)`
      INSERT INTO workout_session (user_id, source_key, name, notes, start_time, end_time)
      SELECT ${this.userId}, w.source_key, w.name, w.notes, w.start_time, coalesce(w.end_time, w.start_time)
      FROM ${sql.unnest(
        workouts.map((w) => [w.key, w.name, w.notes, w.start, w.end]),
        ['text', 'text', 'text', 'timestamptz', 'timestamptz'],
      )} AS w (source_key, name, notes, start_time, end_time)
      ON CONFLICT (user_id, source_key) DO NOTHING
      RETURNING id, source_key`);
    const created = new Map(rows.map((row) => [row.source_key, row.id]));
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

  /**
   * Inserts the sets in file order. Set numbers come from the file (workout's own
   * format) or follow the file's order per exercise within the session; a number the
   * session already holds, or that the file repeats, is refused by line.
   */
  private async insertSets(sets: readonly ImportedSet[]): Promise<void> {
    const rows = sets.map((set) => {
      const exerciseId = this.exercises.get(set.exercise)!;
      this.touched.add(exerciseId);
      return [
        set.line, this.sessions.get(set.workout.key)!, exerciseId, set.setNumber, set.weight, set.unit, set.bodyweight,
        set.reps, set.rpe, set.setType, set.performedAt, set.notes,
      ];
    });
    const result = await this.tx.one(sql.type(insertedSets)`
      WITH input AS (
        SELECT * FROM ${sql.unnest(rows, ['int4', 'int8', 'int8', 'int4', 'numeric', 'text', 'bool', 'int4', 'numeric', 'text', 'timestamptz', 'text'])}
          AS t (line, session_id, exercise_id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at, notes)
      ), repeated AS (
        SELECT line FROM (
          SELECT line, row_number() OVER (PARTITION BY session_id, exercise_id, set_number ORDER BY line) AS nth
          FROM input WHERE set_number IS NOT NULL
        ) numbered WHERE nth > 1
        UNION
        SELECT i.line FROM input i
        WHERE i.set_number IS NOT NULL AND EXISTS (
          SELECT 1 FROM workout_log l
          WHERE l.session_id = i.session_id AND l.exercise_id = i.exercise_id AND l.set_number = i.set_number)
      ), base AS (
        SELECT p.session_id, p.exercise_id, coalesce((
          SELECT max(l.set_number) FROM workout_log l WHERE l.session_id = p.session_id AND l.exercise_id = p.exercise_id
        ), 0) AS last_number
        FROM (SELECT DISTINCT session_id, exercise_id FROM input WHERE set_number IS NULL) p
      ), inserted AS (
        INSERT INTO workout_log
          (session_id, user_id, exercise_id, set_number, weight, unit, bodyweight, reps, rpe, set_type, performed_at, notes)
        SELECT
          i.session_id, ${this.userId}, i.exercise_id,
          coalesce(i.set_number, b.last_number + row_number() OVER (PARTITION BY i.session_id, i.exercise_id ORDER BY i.line)),
          workout_to_kg(i.weight, i.unit), i.unit, i.bodyweight, i.reps, i.rpe, i.set_type, i.performed_at, i.notes
        FROM input i
        LEFT JOIN base b ON b.session_id = i.session_id AND b.exercise_id = i.exercise_id
        WHERE i.line NOT IN (SELECT line FROM repeated)
        ORDER BY i.line
        RETURNING 1
      )
      SELECT
        (SELECT count(*) FROM inserted) AS inserted,
        coalesce((SELECT array_agg(line ORDER BY line) FROM repeated), '{}') AS repeated`);
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
      await this.tx.query(sql.unsafe`
        UPDATE workout_session s SET end_time = greatest(s.start_time, last.performed_at)
        FROM (
          SELECT session_id, max(performed_at) AS performed_at FROM workout_log
          WHERE session_id = ANY(${sql.array(this.openEnded, 'int8')}) GROUP BY session_id
        ) last
        WHERE s.id = last.session_id`);
    }
    const exerciseIds = [...this.touched];
    await recomputeRecords(this.tx, this.userId, exerciseIds);
    if (exerciseIds.length > 0 && this.counts.setsAdded > 0) {
      const sessionIds = [...this.sessions.values()].filter((id): id is number => id !== null);
      this.counts.newRecords = await this.tx.oneFirst(sql.type(z.object({ count: z.number() }))`
        SELECT count(*) AS count
        FROM personal_record p JOIN workout_log l ON l.id = p.log_id
        WHERE p.user_id = ${this.userId}
          AND p.exercise_id = ANY(${sql.array(exerciseIds, 'int8')})
          AND l.session_id = ANY(${sql.array(sessionIds, 'int8')})`);
    }
    return { ...this.counts };
  }
}
