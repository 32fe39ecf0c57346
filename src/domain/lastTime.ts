import { formatWeight, type Unit } from './units.js';

type LoggedSet = { set_number: number; weight: number; unit: Unit; bodyweight: boolean; reps: number };

/**
 * The set to offer as the answer to "which set?": last time's set in the place of the one
 * about to be logged (set N of the previous session when today already has N - 1), or,
 * past last time's last set, that last set. In SET notation, in the set's own unit
 * (`100 kg x 5`, `225 lb x 5`, `bw+10 kg x 6`), so Enter logs it as it was logged.
 * Undefined without an earlier session of the exercise.
 */
export function lastTimeAnswer(previous: readonly LoggedSet[], today: readonly LoggedSet[]): string | undefined {
  const next = Math.max(0, ...today.map((set) => set.set_number)) + 1;
  const byNumber = [...previous].sort((a, b) => a.set_number - b.set_number);
  const match = byNumber.find((set) => set.set_number === next) ?? byNumber.at(-1);
  return match && `${formatWeight(match.weight, match.unit, match.bodyweight)} x ${match.reps}`;
}
