import { input, search } from '@inquirer/prompts';
import { SET_FORMS } from '../../domain/setNotation.js';
import { WorkoutError } from '../../errors.js';

/** Asks for the exercise: one of the user's own (`known`, most used first), or a new name typed in. */
export async function promptExercise(known: string[]): Promise<string> {
  return search<string>({
    message: 'Exercise',
    source: (term) => {
      const typed = term?.trim() ?? '';
      const matches = known.filter((name) => name.toLowerCase().includes(typed.toLowerCase()));
      const exact = matches.some((name) => name.toLowerCase() === typed.toLowerCase());
      const fresh = typed && !exact ? [{ name: `${typed} (new)`, value: typed }] : [];
      return [...matches.map((name) => ({ name, value: name })), ...fresh];
    },
  });
}

/**
 * Asks for the set (or sets) in SET notation until `read` takes it; Enter takes `lastTime`
 * (last time's set) when there is one. `read` comes from the caller: importing the SET
 * list grammar here would split it into a chunk of its own, one more file for every
 * `set add` to load.
 */
export async function promptSetNotation(
  exercise: string,
  read: (text: string) => unknown,
  lastTime: string | undefined,
): Promise<string> {
  return input({
    message:
      lastTime === undefined ? `Set for ${exercise} (${SET_FORMS})` : `Set for ${exercise}, Enter for last time's`,
    default: lastTime,
    validate: (value) => {
      try {
        read(value);
        return true;
      } catch (error) {
        return error instanceof WorkoutError ? error.message : String(error);
      }
    },
  });
}
