import { type FragmentSqlToken, sql } from 'slonik';

/**
 * The id of the exercise `name` means to a user (`userId`: a number or an SQL expression),
 * or NULL: case-insensitively, the user's own names, then the user's aliases, then the
 * shared (catalog) names, then the shared aliases. Each is one probe of a unique index
 * (exercise_user_name, exercise_alias_user, exercise_shared_name, exercise_alias_shared),
 * and coalesce stops at the first that finds one: the same cost at any number of exercises.
 */
export function resolvedExerciseId(
  userId: number | FragmentSqlToken,
  name: string | FragmentSqlToken,
): FragmentSqlToken {
  return sql.fragment`coalesce(
    (SELECT id FROM exercise WHERE user_id = ${userId} AND lower(name) = lower(${name})),
    (SELECT exercise_id FROM exercise_alias WHERE user_id = ${userId} AND lower(alias) = lower(${name})),
    (SELECT id FROM exercise WHERE user_id IS NULL AND lower(name) = lower(${name})),
    (SELECT exercise_id FROM exercise_alias WHERE user_id IS NULL AND lower(alias) = lower(${name})))`;
}
