import { formatWeight, fromKg, type Unit } from './units.js';

/** Record kinds, as stored in personal_record.kind. The rules live in SQL (workout_record_candidates). */
export const RECORD_KINDS = ['heaviest', 'e1rm', 'volume', 'rep_max', 'most_reps'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Epley's estimate, counted only up to this many reps. */
export const E1RM_MAX_REPS = 12;

export const RECORD_RULES_HELP = `Records (warm-up sets never count; ties keep the older record):
  heaviest    heaviest weight lifted
  e1rm        best estimated one-rep max, Epley: weight x (1 + reps/30), from sets of ${E1RM_MAX_REPS} reps or fewer
  volume      best set volume, weight x reps
  N-rep max   heaviest weight for exactly N reps
  most reps   most reps in a bodyweight set with no added load`;

export function recordLabel(kind: RecordKind, reps: number): string {
  switch (kind) {
    case 'heaviest':
      return 'heaviest weight';
    case 'e1rm':
      return 'best estimated 1RM';
    case 'volume':
      return 'best set volume';
    case 'rep_max':
      return `${reps}-rep max`;
    case 'most_reps':
      return 'most reps';
  }
}

/** A record's value in `unit` as it is shown: weights (and volume) converted, "most reps" a count. */
export function recordValueIn(kind: RecordKind, value: number, unit: Unit): number {
  return kind === 'most_reps' ? value : fromKg(value, unit);
}

/** A record's value as a person reads it: weights in `unit`, volume in unit·reps, reps as a count. */
export function formatRecordValue(kind: RecordKind, value: number, unit: Unit): string {
  if (kind === 'most_reps') return `${value} reps`;
  return formatWeight(value, unit);
}

/** Sort key so that tables list kinds in a stable, meaningful order. */
export function recordOrder(record: { kind: RecordKind; reps: number }): number {
  return RECORD_KINDS.indexOf(record.kind) * 10_000 + record.reps;
}
