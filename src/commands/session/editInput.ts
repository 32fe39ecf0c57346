import { z } from 'zod';
import type { SessionChanges } from '../../db/queries/editSession.js';
import { nameSchema, notesSchema } from '../../domain/limits.js';
import { parseTimestamp } from '../../domain/time.js';
import { UsageError } from '../../errors.js';
import { checkedText } from '../parseInput.js';
import { idArgument } from '../set/editInput.js';

const time = (field: string) => checkedText((text) => parseTimestamp(text, field)).optional();

export const editSessionInput = z
  .object({
    id: idArgument,
    // "" clears the name or the note.
    name: z
      .string()
      .optional()
      .transform((name) => (name?.trim() === '' ? null : name))
      .pipe(nameSchema('--name').nullable().optional()),
    start: time('--start'),
    end: time('--end'),
    note: notesSchema('--note')
      .optional()
      .transform((note) => (note === undefined ? undefined : note || null)),
  })
  .transform(({ id, note, ...changes }) => {
    const given = Object.fromEntries(
      Object.entries({ ...changes, notes: note }).filter(([, value]) => value !== undefined),
    );
    if (Object.keys(given).length === 0)
      throw new UsageError('nothing to change: give --name, --start, --end or --note');
    return { id, changes: given as SessionChanges };
  });

export type EditSessionInput = z.output<typeof editSessionInput>;

export const deleteSessionInput = z.object({ id: idArgument, yes: z.boolean().optional() });

export type DeleteSessionInput = z.output<typeof deleteSessionInput>;
