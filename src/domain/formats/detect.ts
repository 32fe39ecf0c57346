import { UsageError } from '../../errors.js';
import { quoteInput } from '../quoteInput.js';
import { fitNotesReader } from './fitnotes.js';
import { type Header, readHeader } from './header.js';
import { hevyReader } from './hevy.js';
import { strongReader } from './strong.js';
import type { FormatReader, ImportPlan, MapperOptions, SourceFormat } from './types.js';
import { workoutReader } from './workout.js';

export type Delimiter = ',' | ';';

/** `;` or `,`: whichever separates more fields of the header line (quoted text ignored). */
export function detectDelimiter(headerLine: string): Delimiter {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const count = (character: string) => unquoted.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Every format, in the order a header is tried: the one whose columns say most first. */
const READERS: readonly FormatReader[] = [workoutReader, hevyReader, strongReader, fitNotesReader];

/** The format whose columns the header has, or undefined. */
export function detectFormat(header: Header): SourceFormat | undefined {
  return READERS.find((reader) => reader.recognize(header))?.format;
}

/**
 * Reads a header: detects its format (unless `format` forces one) and returns the row
 * mapper. Throws UsageError when the header matches nothing or lacks a needed column.
 */
export function planImport(
  fields: readonly string[],
  format: SourceFormat | 'auto',
  options: MapperOptions,
): ImportPlan {
  const header = readHeader(fields);
  const reader = READERS.find((candidate) =>
    format === 'auto' ? candidate.recognize(header) : candidate.format === format,
  );
  if (!reader) {
    const shown = quoteInput(header.names.slice(0, 6).join(', '), 120);
    throw new UsageError(
      `cannot tell the format from the header ${shown}${header.names.length > 6 ? ' (and more)' : ''}; ` +
        'expected a Strong, Hevy, FitNotes or workout export, or say which with --format',
    );
  }
  return reader.plan(header, options);
}
