import { type DatabasePool, type DatabaseTransactionConnection, sql } from 'slonik';
import { z } from 'zod';
import type { Equipment, Muscle } from '../../domain/catalog/muscles.js';
import { UsageError } from '../../errors.js';
import { type ExerciseRow, exerciseColumns, exerciseRow } from './listExercises.js';
import { lockUser } from './lockUser.js';
import { resolvedExerciseId } from './resolveExercise.js';

const named = z.object({ id: z.number(), name: z.string(), user_id: z.number().nullable() });

/** The exercise a name means to the user (the user's row locked by the caller), or null. */
async function resolve(tx: DatabaseTransactionConnection, userId: number, name: string) {
  return tx.maybeOne(sql.type(named)`
    SELECT id, name, user_id FROM exercise WHERE id = ${resolvedExerciseId(userId, name)}`);
}

async function readExercise(tx: DatabaseTransactionConnection, userId: number, id: number): Promise<ExerciseRow> {
  return tx.one(
    sql.type(exerciseRow)`SELECT ${exerciseColumns(sql.fragment`${userId}`)} FROM exercise e WHERE e.id = ${id}`,
  );
}

export type NewExercise = { name: string; muscles: Muscle[]; secondary: Muscle[]; equipment?: Equipment | undefined };

/**
 * Adds an exercise of the user's own, in one transaction that locks the user first. A name
 * that already means an exercise to the user (a name or an alias, the user's or the
 * catalog's) is refused: exit 2, nothing written.
 */
export async function addExercise(pool: DatabasePool, userName: string, exercise: NewExercise): Promise<ExerciseRow> {
  return pool.transaction(async (tx) => {
    const userId = await lockUser(tx, userName);
    const taken = await resolve(tx, userId, exercise.name);
    if (taken) throw new UsageError(`${exercise.name} already names ${taken.name}; \`workout exercise show\` shows it`);
    const id = await tx.oneFirst(sql.type(z.object({ id: z.number() }))`
      INSERT INTO exercise (user_id, name, equipment, primary_muscles, secondary_muscles)
      VALUES (${userId}, ${exercise.name}, ${exercise.equipment ?? null},
              ${sql.array(exercise.muscles, 'text')}, ${sql.array(exercise.secondary, 'text')})
      RETURNING id`);
    return readExercise(tx, userId, id);
  });
}

/** Gives an exercise the user can see another name of the user's own; ALIAS must name nothing yet. */
export async function addAlias(
  pool: DatabasePool,
  userName: string,
  name: string,
  alias: string,
): Promise<ExerciseRow> {
  return pool.transaction(async (tx) => {
    const userId = await lockUser(tx, userName);
    const target = await resolve(tx, userId, name);
    if (!target) throw new UsageError(`no exercise named ${name}; \`workout exercise list\` lists them`);
    const taken = await resolve(tx, userId, alias);
    if (taken) throw new UsageError(`${alias} already names ${taken.name}`);
    await tx.query(sql.unsafe`
      INSERT INTO exercise_alias (exercise_id, user_id, alias) VALUES (${target.id}, ${userId}, ${alias})`);
    return readExercise(tx, userId, target.id);
  });
}

export type RenamedExercise = ExerciseRow & { previous_name: string };

/**
 * Renames one of the user's own exercises in one transaction: its id stays, so its sets and
 * records follow. The old name becomes the user's alias of it (routines name exercises by
 * name), unless it differs from the new one only in case. A shared (catalog) exercise is
 * refused, as is a new name that already means another exercise.
 */
export async function renameExercise(
  pool: DatabasePool,
  userName: string,
  oldName: string,
  newName: string,
): Promise<RenamedExercise> {
  return pool.transaction(async (tx) => {
    const userId = await lockUser(tx, userName);
    const target = await resolve(tx, userId, oldName);
    if (!target) throw new UsageError(`no exercise named ${oldName}; \`workout exercise list\` lists them`);
    if (target.user_id === null) {
      throw new UsageError(
        `${target.name} is in the shared catalog and keeps its name; give it a name of yours with \`workout exercise alias "${target.name}" "${newName}"\``,
      );
    }
    const taken = await resolve(tx, userId, newName);
    if (taken && taken.id !== target.id) throw new UsageError(`${newName} already names ${taken.name}`);
    // The new name may be one of its aliases: the name takes its place.
    await tx.query(sql.unsafe`
      DELETE FROM exercise_alias WHERE user_id = ${userId} AND lower(alias) = lower(${newName})`);
    await tx.query(sql.unsafe`UPDATE exercise SET name = ${newName} WHERE id = ${target.id}`);
    if (target.name.toLowerCase() !== newName.toLowerCase()) {
      await tx.query(sql.unsafe`
        INSERT INTO exercise_alias (exercise_id, user_id, alias) VALUES (${target.id}, ${userId}, ${target.name})`);
    }
    return { ...(await readExercise(tx, userId, target.id)), previous_name: target.name };
  });
}
