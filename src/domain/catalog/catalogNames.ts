import type { KnownName } from './closestName.js';
import { CATALOG } from './exercises.js';

/** Every name and alias of the catalog, in its order: what a new name is compared with. */
export function catalogNames(): KnownName[] {
  return CATALOG.flatMap((entry) => [
    { name: entry.name, exercise: entry.name },
    ...entry.aliases.map((alias) => ({ name: alias, exercise: entry.name })),
  ]);
}
