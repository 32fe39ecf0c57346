import type { Command } from 'commander';
import { z } from 'zod';
import { nameSchema } from '../domain/limits.js';
import { ROUTINE_GRAMMAR_HELP } from '../domain/routine/help.js';
import { action } from './action.js';

const named = z.object({ name: nameSchema('NAME') });
const createInput = named.extend({ replace: z.boolean().optional().transform(Boolean) });

export type NamedInput = z.output<typeof named>;
export type CreateInput = z.output<typeof createInput>;

const actions = () => import('./routine/actions.js');

export function define(routine: Command): void {
  routine.addHelpText(
    'after',
    `
${ROUTINE_GRAMMAR_HELP}

Examples:
  $ workout routine create "Push A" < push-a.txt
  $ workout routine edit "Push A"            (opens $VISUAL or $EDITOR)
  $ workout routine show "Push A" --json
  $ workout session start --routine "Push A" && workout next`,
  );
  routine
    .command('create <name>')
    .description('save a routine: from stdin, or written in $VISUAL/$EDITOR on a terminal')
    .option('--replace', 'replace the routine of that name if there is one (its sessions stay linked)')
    .addHelpText(
      'after',
      `
An invalid routine is refused with FILE:LINE: problem (exit 2) and nothing is saved.
In the editor, an invalid routine is reopened with the problem at the top; an empty or
unchanged file cancels.

Examples:
  $ workout routine create "Push A" < push-a.txt
  $ printf 'Squat: 3x5 @ 100kg, +2.5kg\\n' | workout routine create Legs --replace`,
    )
    .action(action(createInput, async () => (await actions()).createRoutineCommand));
  routine
    .command('edit <name>')
    .description('change a routine in $VISUAL or $EDITOR (the database is not held meanwhile)')
    .addHelpText(
      'after',
      `
An invalid routine is reopened with the problem as a comment at the top; an unchanged
or empty file cancels (nothing is written, exit 0). If the routine changed in the
database while you edited, nothing is written either.

Example:
  $ EDITOR=nano workout routine edit "Push A"`,
    )
    .action(action(named, async () => (await actions()).editRoutineCommand));
  routine
    .command('show <name>')
    .description('a routine, exercise by exercise')
    .addHelpText('after', '\nExample:\n  $ workout routine show "Push A" --json')
    .action(action(named, async () => (await actions()).showRoutineCommand));
  routine
    .command('list')
    .description('your routines')
    .addHelpText('after', '\nExample:\n  $ workout routine list --json')
    .action(action(z.object({}), async () => (await actions()).listRoutinesCommand));
  routine
    .command('export <name>')
    .description("print a routine's text exactly as saved (create reads it back)")
    .addHelpText('after', '\nExample:\n  $ workout routine export "Push A" > push-a.txt')
    .action(action(named, async () => (await actions()).exportRoutineCommand));
  routine
    .command('delete <name>')
    .description('delete a routine (its sessions and sets stay, no longer linked to it)')
    .addHelpText('after', '\nExample:\n  $ workout routine delete "Push A"')
    .action(action(named, async () => (await actions()).deleteRoutineCommand));
}
