import type { Command } from 'commander';
import { z } from 'zod';
import { EQUIPMENT, MUSCLES } from '../domain/catalog/muscles.js';
import { nameSchema } from '../domain/limits.js';
import { action } from './action.js';

const muscle = (field: string) =>
  z
    .string()
    .transform((word) => word.trim().toLowerCase())
    .pipe(z.enum(MUSCLES, { errorMap: () => ({ message: `${field} must be one of: ${MUSCLES.join(', ')}` }) }));

const equipment = z
  .string()
  .transform((word) => word.trim().toLowerCase())
  .pipe(z.enum(EQUIPMENT, { errorMap: () => ({ message: `--equipment must be one of: ${EQUIPMENT.join(', ')}` }) }));

/** A comma-separated list of muscles, each once. */
const muscleList = (field: string) =>
  z
    .string()
    .transform((text) => text.split(',').filter((word) => word.trim() !== ''))
    .pipe(z.array(muscle(field)))
    .transform((list) => [...new Set(list)]);

const listInput = z.object({ muscle: muscle('--muscle').optional(), equipment: equipment.optional() });
const showInput = z.object({ name: nameSchema('NAME') });
const addInput = z
  .object({
    name: nameSchema('NAME'),
    muscles: muscleList('--muscles'),
    secondary: muscleList('--secondary').default(''),
    equipment: equipment.optional(),
  })
  .refine(
    (input) => !input.secondary.some((name) => input.muscles.includes(name)),
    'a muscle is either in --muscles or in --secondary, not both',
  );
const aliasInput = z.object({ name: nameSchema('NAME'), alias: nameSchema('ALIAS') });
const renameInput = z.object({ old: nameSchema('OLD'), new: nameSchema('NEW') });

export type ListExercisesInput = z.output<typeof listInput>;
export type ShowExerciseInput = z.output<typeof showInput>;
export type AddExerciseInput = z.output<typeof addInput>;
export type AliasExerciseInput = z.output<typeof aliasInput>;
export type RenameExerciseInput = z.output<typeof renameInput>;

const actions = () => import('./exercise/actions.js');

export const RESOLUTION_HELP = `A name is found case-insensitively among your exercises' names, then your aliases,
then the catalog's names, then the catalog's aliases (bench, ohp, rdl, bb row, ...).`;

export function define(exercise: Command): void {
  exercise
    .command('list')
    .description('the catalog and your own exercises: equipment, muscles, aliases')
    .option('--muscle <muscle>', `only exercises working it (primary or secondary): ${MUSCLES.join(', ')}`)
    .option('--equipment <equipment>', `only exercises done with it: ${EQUIPMENT.join(', ')}`)
    .addHelpText(
      'after',
      `
Examples:
  $ workout exercise list --muscle chest
  $ workout exercise list --equipment dumbbell --muscle biceps
  $ workout exercise list --json | jq -r '.[] | select(.shared | not) | .name'`,
    )
    .action(action(listInput, async () => (await actions()).listExercisesCommand));
  exercise
    .command('show <name>')
    .description('one exercise: equipment, muscles, aliases, and how many sets you logged')
    .addHelpText(
      'after',
      `
${RESOLUTION_HELP}

Examples:
  $ workout exercise show bench
  $ workout exercise show "Lat Pulldown (Cable)" --json`,
    )
    .action(action(showInput, async () => (await actions()).showExerciseCommand));
  exercise
    .command('add <name>')
    .description('add an exercise of your own, with the muscles it works')
    .requiredOption('--muscles <list>', 'primary muscles, comma-separated')
    .option('--secondary <list>', 'secondary muscles, comma-separated (count half a set in stats --by-muscle)')
    .option('--equipment <equipment>', EQUIPMENT.join(', '))
    .addHelpText(
      'after',
      `
A name that already means an exercise to you (a name or an alias, yours or the catalog's)
is refused (exit 2). Muscles: ${MUSCLES.join(', ')}.

Examples:
  $ workout exercise add "Landmine Press" --muscles shoulders,chest --secondary triceps --equipment barbell
  $ workout exercise add "Sled Drag" --muscles quads,glutes --equipment other`,
    )
    .action(action(addInput, async () => (await actions()).addExerciseCommand));
  exercise
    .command('alias <name> <alias>')
    .description('another name of yours for an exercise')
    .addHelpText(
      'after',
      `
ALIAS must not already mean an exercise to you. Your aliases are yours: other users
do not see them.

Examples:
  $ workout exercise alias "Bench Press (Dumbbell)" dbb
  $ workout set add dbb 32x10`,
    )
    .action(action(aliasInput, async () => (await actions()).aliasExerciseCommand));
  exercise
    .command('rename <old> <new>')
    .description('rename an exercise of yours: its sets and records follow; OLD stays an alias')
    .addHelpText(
      'after',
      `
One transaction. Only your own exercises can be renamed: a catalog entry keeps its name
(give it an alias instead). NEW must not already mean another exercise. OLD becomes an
alias of the renamed exercise, so routines and scripts that use it keep working.

Examples:
  $ workout exercise rename "Benchpress" "Paused Bench"
  $ workout exercise rename squatt "Squat (Safety Bar)" --json`,
    )
    .action(action(renameInput, async () => (await actions()).renameExerciseCommand));
}
