/**
 * "Did you mean …?": the known exercise nearest to a name that names none. Names are
 * compared in a plain form (lower case, punctuation as spaces), by the number of
 * single-character edits (insert, delete, replace, swap two neighbours) between them. A
 * name typed without its equipment ("Bench Press") is near its catalog entries ("Bench
 * Press (Barbell)"), the first one written winning.
 */

/** A name a user may type (an exercise's name or alias) and the exercise it stands for. */
export type KnownName = { name: string; exercise: string };

function plain(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The name without a trailing "(Equipment)". */
function withoutEquipment(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

/** Optimal string alignment distance: edits, a swap of neighbours counting as one. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[y.length]!;
}

/** How many edits still count as a typo of a name this long. */
function tolerance(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/** The exercise `typed` most likely meant, or undefined when no known name is near it. */
export function closestName(typed: string, known: readonly KnownName[]): string | undefined {
  const target = plain(typed);
  if (target === '') return undefined;
  let best: { exercise: string; score: number } | undefined;
  for (const { name, exercise } of known) {
    // Leaving out the equipment is nearer than any typo, but not as near as the name itself.
    const score = Math.min(
      editDistance(target, plain(name)),
      editDistance(target, plain(withoutEquipment(name))) + 0.5,
    );
    if (best === undefined || score < best.score) best = { exercise, score };
  }
  return best !== undefined && best.score <= tolerance([...target].length) ? best.exercise : undefined;
}
