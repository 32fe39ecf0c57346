import { UsageError } from '../errors.js';
import { LIMITS } from './limits.js';
import { quoteInput } from './quoteInput.js';
import { toKg, type Unit, unitFromWord } from './units.js';

/** A set as entered: the weight stays an exact decimal string so the database converts it exactly. */
export type SetInput = {
  /** Load in `unit`: the whole weight, or what is added to the body for bodyweight sets. */
  weight: string;
  /** Undefined when the notation names no unit: the caller's default applies. */
  unit: Unit | undefined;
  bodyweight: boolean;
  reps: number;
};

export const SET_FORMS = '100x5, 100kg x5, 225lb x 5, bw x 12, bw+20x5';

// ASCII digits only (fullwidth ones are folded to ASCII first): `١٠٠x5`, `100x⁵`,
// `1e3x5`, `100,5x5` and `100x5x3` are refused, never guessed at. (`0x10` is 0 kg x 10.)
export const DECIMAL = String.raw`\d{1,5}(?:\.\d{1,3})?`;
export const UNIT = '[a-z]+';
/**
 * A load: `bw`, `bw+20`, `bw + 20 kg`, `100`, `100kg`; its unit a match of `unit`, the `+`
 * after bw a match of `plus`. Its groups are read by readLoad.
 */
export const loadPattern = (unit = UNIT, plus = String.raw`\s*\+\s*`) =>
  String.raw`(?:(?<bw>bw)(?:${plus}(?<added>${DECIMAL})\s*(?<addedUnit>${unit})?)?|(?<weight>${DECIMAL})\s*(?<unit>${unit})?)`;
const NOTATION = new RegExp(String.raw`^${loadPattern()}\s*[x×]\s*(?<reps>\d{1,5})$`);

/** Fullwidth forms (what CJK input methods type) to ASCII; every kind of space to one space. */
export function fold(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function fail(problem: string, forms = SET_FORMS): never {
  throw new UsageError(`SET ${problem}; accepted forms: ${forms}`);
}

/** Canonical decimal text: no leading zeros, no trailing fractional zeros. */
export function canonicalDecimal(text: string): string {
  const [whole = '0', fraction = ''] = text.split('.');
  const trimmedWhole = whole.replace(/^0+(?=\d)/, '');
  const trimmedFraction = fraction.replace(/0+$/, '');
  return trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
}

export function checkReps(reps: number, field = 'reps'): number {
  if (!Number.isInteger(reps) || reps < 1 || reps > LIMITS.maxReps) {
    throw new UsageError(`${field} must be a whole number from 1 to ${LIMITS.maxReps}`);
  }
  return reps;
}

export function checkWeight(weight: string, unit: Unit, field = 'weight'): string {
  if (!new RegExp(`^${DECIMAL}$`).test(weight)) {
    throw new UsageError(`${field} must be a plain decimal number such as 100 or 102.5 (at most 3 decimals)`);
  }
  if (toKg(Number(weight), unit) > LIMITS.maxWeightKg) {
    throw new UsageError(`${field} must be at most ${LIMITS.maxWeightKg} kg (${weight} ${unit} is more)`);
  }
  return canonicalDecimal(weight);
}

export function parseUnit(word: string, field: string): Unit {
  const unit = unitFromWord(word);
  if (!unit) throw new UsageError(`${field} has unknown unit ${quoteInput(word)}; use kg or lb`);
  return unit;
}

/** The load a match of LOAD names, checked (a weight without a unit against kg). */
export function readLoad(groups: Record<string, string | undefined>): Omit<SetInput, 'reps'> {
  const { bw, added, addedUnit, weight, unit: unitWord } = groups;
  const unitText = bw ? addedUnit : unitWord;
  const unit = unitText === undefined ? undefined : parseUnit(unitText, 'SET');
  const amount = bw ? (added ?? '0') : weight!;
  return { weight: checkWeight(amount, unit ?? 'kg', 'SET weight'), unit, bodyweight: bw !== undefined };
}

/** Parses one set: `100x5`, `100kg x5`, `225lb x 5`, `bw x 12`, `bw+20x5` (and `×` for `x`). */
export function parseSetNotation(text: string): SetInput {
  const normalized = fold(text);
  if (normalized === '') fail('is empty');
  const match = NOTATION.exec(normalized);
  if (!match?.groups) fail(`${quoteInput(text)} is not a set`);
  return { ...readLoad(match.groups), reps: checkReps(Number(match.groups.reps), 'SET reps') };
}
