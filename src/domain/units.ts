export const UNITS = ['kg', 'lb'] as const;
export type Unit = (typeof UNITS)[number];

/** 1 lb = 0.45359237 kg, exactly, by definition. The database converts with the same factor. */
export const KG_PER_LB = 0.45359237;

/** Words users and exports write for each unit (a Map: "constructor" or "__proto__" are no units). */
const UNIT_WORDS: ReadonlyMap<string, Unit> = new Map([
  ['kg', 'kg'],
  ['kgs', 'kg'],
  ['lb', 'lb'],
  ['lbs', 'lb'],
]);

export function unitFromWord(word: string): Unit | undefined {
  return UNIT_WORDS.get(word.toLowerCase());
}

export function toKg(amount: number, unit: Unit): number {
  return unit === 'lb' ? amount * KG_PER_LB : amount;
}

/** A stored kilogram value in the unit it is shown in, rounded to what anyone enters. */
export function fromKg(kg: number, unit: Unit): number {
  const amount = unit === 'lb' ? kg / KG_PER_LB : kg;
  return Math.round(amount * 1000) / 1000;
}

/**
 * A stored set as scripts read it (--json): `weight` in the set's own unit, as it is
 * shown (225 lb in, 225 lb out), and `weight_kg`, the exact stored kilograms.
 */
export function weightInUnit<T extends { weight: number; unit: Unit }>(set: T): T & { weight_kg: number } {
  return { ...set, weight: fromKg(set.weight, set.unit), weight_kg: set.weight };
}

export function formatWeight(kg: number, unit: Unit, bodyweight = false): string {
  const amount = fromKg(kg, unit);
  if (bodyweight) return amount === 0 ? 'bw' : `bw+${amount} ${unit}`;
  return `${amount} ${unit}`;
}
