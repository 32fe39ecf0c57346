/**
 * The fixed lists an exercise is described with. Also the CHECKs of migration 011, which
 * keeps the catalog and every user-added exercise on them.
 */
export const MUSCLES = [
  'chest',
  'shoulders',
  'triceps',
  'biceps',
  'forearms',
  'lats',
  'upper-back',
  'traps',
  'lower-back',
  'abs',
  'obliques',
  'glutes',
  'quads',
  'hamstrings',
  'adductors',
  'abductors',
  'calves',
  'neck',
] as const;

export type Muscle = (typeof MUSCLES)[number];

export const EQUIPMENT = [
  'barbell',
  'dumbbell',
  'machine',
  'cable',
  'bodyweight',
  'kettlebell',
  'smith-machine',
  'ez-bar',
  'band',
  'trap-bar',
  'other',
] as const;

export type Equipment = (typeof EQUIPMENT)[number];
