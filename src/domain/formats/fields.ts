import type { z } from 'zod';
import { LIMITS, nameSchema, notesSchema } from '../limits.js';
import { quoteInput } from '../quoteInput.js';
import { toKg, type Unit, unitFromWord } from '../units.js';
import { fieldProblem } from './header.js';
import type { RowOutcome } from './types.js';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A number as exports write it (`100`, `20.0`, `12.900000000000034`); null when empty. */
export function parseNumber(text: string, column: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!NUMBER.test(trimmed)) fieldProblem(column, `${quoteInput(trimmed, 40)} is not a number`);
  return Number(trimmed);
}

/** Float noise off: 12.900000000000034 -> 12.9 (reps and RPE). */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Float noise off a weight, its digits kept: apps that convert pounds write up to 9
 * decimals (Strong 6 wrote 50 lb as 22.6796185 kg and 143 lb as 64.863656 kg); rounded to
 * the gram, a real 7,800-set history came out 6 kg of volume off.
 */
export function roundWeight(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

export type Weight = { weight: string; bodyweight: boolean };

/** Empty or 0 is a bodyweight set (weight 0); otherwise the load, to 9 decimals, at most 1000 kg. */
export function parseWeight(text: string, unit: Unit, column: string): Weight {
  const value = parseNumber(text, column);
  if (value === null) return { weight: '0', bodyweight: true };
  if (value < 0) fieldProblem(column, `${text.trim()} is negative`);
  const rounded = roundWeight(value);
  if (rounded === 0) return { weight: '0', bodyweight: true };
  if (toKg(rounded, unit) > LIMITS.maxWeightKg) {
    fieldProblem(column, `${rounded} ${unit} is more than ${LIMITS.maxWeightKg} kg`);
  }
  return { weight: String(rounded), bodyweight: false };
}

/** Reps as a whole number (`8`, `8.0`); null when empty or 0 (an unfilled set). */
export function parseReps(text: string, column: string): number | null {
  const value = parseNumber(text, column);
  if (value === null) return null;
  const rounded = round3(value);
  if (!Number.isInteger(rounded) || rounded < 0) fieldProblem(column, `${text.trim()} is not a whole number of reps`);
  if (rounded > LIMITS.maxReps) fieldProblem(column, `${rounded} reps is more than ${LIMITS.maxReps}`);
  return rounded === 0 ? null : rounded;
}

/** RPE 1–10 in halves; empty (and Strong's 0) means none. */
export function parseRpe(text: string, column: string): number | null {
  const value = parseNumber(text, column);
  if (value === null || value === 0) return null;
  const rounded = round3(value);
  if (rounded < 1 || rounded > 10 || rounded * 2 !== Math.trunc(rounded * 2)) {
    fieldProblem(column, `${text.trim()} is not an RPE from 1 to 10 in steps of 0.5`);
  }
  return rounded;
}

/** True when a distance or duration field holds something other than nothing or zero. */
export function isPositiveAmount(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  return /[1-9]/.test(trimmed);
}

/** A row without reps is not a set: cardio when it gives a distance or a time, else never filled in. */
export function notASet(...distanceOrTime: string[]): RowOutcome {
  return { kind: 'skip', reason: distanceOrTime.some(isPositiveAmount) ? 'cardio' : 'unfilled' };
}

export function parseUnitWord(text: string, column: string): Unit {
  const unit = unitFromWord(text.trim());
  if (!unit) fieldProblem(column, `${quoteInput(text.trim(), 20)} is not a weight unit (kg, kgs, lb or lbs)`);
  return unit;
}

/**
 * A unit written per row. An empty one falls back to --unit; without that it is a
 * problem, unless the row carries no load (a bodyweight set: kg, since 0 is 0).
 */
export function parseRowUnit(text: string, column: string, fallback: Unit | undefined, weightText: string): Unit {
  if (text.trim() !== '') return parseUnitWord(text, column);
  if (fallback) return fallback;
  if (!/[1-9]/.test(weightText)) return 'kg';
  fieldProblem(column, 'is empty; give --unit kg or --unit lb for such rows');
}

/** The unit a header names: `Weight (kg)`, `Weight (lbs)`, `weight_kg`, `weight_lbs`, or just `kg` (Strong 2016). */
export function unitInHeader(name: string): Unit | undefined {
  const match = /(?:^|\(|_)(kgs?|lbs?)\)?$/i.exec(name.trim());
  return match ? unitFromWord(match[1]!) : undefined;
}

// Rows repeat the same exercise and workout names: validate each distinct text once.
const CACHE_LIMIT = 2_000;

function cachedCheck<T>(schema: z.ZodType<T, z.ZodTypeDef, string>) {
  const cache = new Map<string, { ok: true; value: T } | { ok: false; message: string }>();
  return (text: string, column: string): T => {
    let result = cache.get(text);
    if (!result) {
      const parsed = schema.safeParse(text);
      // The shared schemas name their field first ("X must not be empty"); the column says it here.
      result = parsed.success
        ? { ok: true, value: parsed.data }
        : { ok: false, message: (parsed.error.issues[0]?.message ?? 'is not valid').trim() };
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, result);
    }
    if (!result.ok) fieldProblem(column, result.message);
    return result.value;
  };
}

const checkName = cachedCheck(nameSchema(''));
const checkNotes = cachedCheck(notesSchema(''));

/** An exercise name: trimmed, NFC, 1–100 characters. */
export function parseName(text: string, column: string): string {
  return checkName(text, column);
}

/** A workout name; empty means none. */
export function parseOptionalName(text: string, column: string): string | null {
  return text.trim() === '' ? null : checkName(text, column);
}

/** Notes: trimmed, NFC, at most 1000 characters, line breaks kept; empty means none. */
export function parseNotes(text: string, column: string): string | null {
  if (text.trim() === '') return null;
  return checkNotes(text, column) || null;
}
