import { input, search } from '@inquirer/prompts';
import type { DatabasePool } from 'slonik';
import { userExercises } from '../../db/queries/userExercises.js';
import { parseSetNotation, SET_FORMS } from '../../domain/setNotation.js';
import { WorkoutError } from '../../errors.js';

/** Asks for what `set add` was not given: the exercise (from the user's own, or typed anew) and the set. */
export async function promptSet(
  pool: DatabasePool,
  userName: string,
  exercise: string | undefined,
): Promise<{ exercise: string; set: string }> {
  const known = exercise === undefined ? await userExercises(pool, userName) : [];
  const chosen =
    exercise ??
    (await search<string>({
      message: 'Exercise',
      source: (term) => {
        const typed = term?.trim() ?? '';
        const matches = known.filter((name) => name.toLowerCase().includes(typed.toLowerCase()));
        const exact = matches.some((name) => name.toLowerCase() === typed.toLowerCase());
        const fresh = typed && !exact ? [{ name: `${typed} (new)`, value: typed }] : [];
        return [...matches.map((name) => ({ name, value: name })), ...fresh];
      },
    }));
  const set = await input({
    message: `Set for ${chosen} (${SET_FORMS})`,
    validate: (value) => {
      try {
        parseSetNotation(value);
        return true;
      } catch (error) {
        return error instanceof WorkoutError ? error.message : String(error);
      }
    },
  });
  return { exercise: chosen, set };
}
