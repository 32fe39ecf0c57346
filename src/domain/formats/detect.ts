import { UsageError } from '../../errors.js';
import { quoteInput } from '../quoteInput.js';
import { createFitNotesPlan, isFitNotesHeader } from './fitnotes.js';
import { readHeader, type Header } from './header.js';
import { createHevyPlan, isHevyHeader } from './hevy.js';
import { createStrongPlan, isStrongHeader } from './strong.js';
import type { ImportPlan, MapperOptions, SourceFormat } from './types.js';
import { createWorkoutPlan, isWorkoutHeader } from './workout.js';

export type Delimiter = ',' | ';';

/** `;` or `,`: whichever separates more fields of the header line (quoted text ignored). */
export function detectDelimiter(headerLine: string): Delimiter {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const count = (character: string) => unquoted.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

const RECOGNIZERS: ReadonlyArray<{ format: SourceFormat; test: (header: Header) => boolean }> = [
  { format: 'workout', test: isWorkoutHeader },
  { format: 'hevy', test: isHevyHeader },
  { format: 'strong', test: isStrongHeader },
  { format: 'fitnotes', test: isFitNotesHeader },
];

/** The format whose columns the header has, or undefined. */
export function detectFormat(header: Header): SourceFormat | undefined {
  return RECOGNIZERS.find((recognizer) => recognizer.test(header))?.format;
}

const PLANS: Record<SourceFormat, (header: Header, options: MapperOptions) => ImportPlan> = {
  workout: createWorkoutPlan,
  strong: createStrongPlan,
  hevy: createHevyPlan,
  fitnotes: createFitNotesPlan,
};

/**
 * Reads a header: detects its format (unless `format` forces one) and returns the row
 * mapper. Throws UsageError when the header matches nothing or lacks a needed column.
 */
export function planImport(fields: readonly string[], format: SourceFormat | 'auto', options: MapperOptions): ImportPlan {
  const header = readHeader(fields);
  const chosen = format === 'auto' ? detectFormat(header) : format;
  if (!chosen) {
    const shown = quoteInput(header.names.slice(0, 6).join(', '), 120);
    throw new UsageError(
      `cannot tell the format from the header ${shown}${header.names.length > 6 ? ' (and more)' : ''}; ` +
        'expected a Strong, Hevy, FitNotes or workout export, or say which with --format',
    );
  }
  return PLANS[chosen](header, options);
}
