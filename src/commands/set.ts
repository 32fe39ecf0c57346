import type { Command } from 'commander';
import { z } from 'zod';
import { DEFAULT_SESSION_GAP_MINUTES, formatGap } from '../domain/sessionGap.js';
import { MAX_SETS_PER_COMMAND } from '../domain/setList.js';
import { FUTURE_LIMIT_MINUTES } from '../domain/time.js';
import { action } from './action.js';
// Not lazy, unlike the other groups' actions: set add is the hot path, and one chunk
// load fewer is ~2 ms of CPU and ~14 ms of wall time per set (measured); `workout set
// --help` pays for it instead.
import { addSetCommand, undoSetCommand } from './set/actions.js';
import { deleteSetInput, editSetInput, setWords } from './set/editInput.js';

/**
 * The words as given; the set itself is read by parseSetOptions once it is complete,
 * that is after a prompt has asked for what is missing.
 */
const addInput = z.object({
  exercise: z.string().optional(),
  set: setWords,
  weight: z.string().optional(),
  reps: z.string().optional(),
  rpe: z.string().optional(),
  type: z.string(),
  unit: z.string().optional(),
  note: z.string().optional(),
  at: z.string().optional(),
});

export type AddSetInput = z.output<typeof addInput>;

const undoInput = z.object({ command: z.boolean().default(false) });

export type UndoSetInput = z.output<typeof undoInput>;

export function define(set: Command): void {
  set
    .command('add [exercise] [set...]')
    .description('log one set or several; starts a session if none is active')
    // So that a relative weight such as -5x8 reaches SET; other unknown options are refused there.
    .allowUnknownOption()
    .option('--weight <w>', 'weight, instead of SET notation')
    .option('--reps <n>', 'reps, instead of SET notation')
    .option('--rpe <r>', 'rate of perceived exertion, 1-10 in halves')
    .option('--type <type>', 'normal, warmup, drop or failure', 'normal')
    .option('--unit <unit>', 'kg or lb (default: the unit written in SET, else yours: see workout config)')
    .option('--note <text>', 'a note on the set')
    .option(
      '--at <iso>',
      `when the set was done (ISO 8601, local unless it has an offset; default now; at most ${FUTURE_LIMIT_MINUTES} min ahead)`,
    )
    .addHelpText(
      'after',
      `
SET is WEIGHTxREPS: 100x5, 100kg x5, 225lb x 5, bw x 12 (bodyweight), bw+20x5 (weighted bodyweight).
Several sets in one command (at most ${MAX_SETS_PER_COMMAND}), all in one transaction:
  100x5,5,4            one weight, reps per set (bw x 12,10,8 too)
  3x5@100, 3x5@bw+10   SETSxREPS at a weight (the weight's unit is optional after @)
  5x5 100kg, 3x10 bw   SETSxREPS then a weight WITH a unit, or bw: without the unit,
                       5x5 100 would read as 5 kg x 5 and then a stray 100
  100x5 105x3 110x1    one set per word
Relative weights, to the set before: the previous set of this command, else this
exercise's last working set (not a warm-up) at or before the set's time:
  +2.5x5  -5x8         that weight plus or minus, in its unit unless one is written
                       (+5lb x5); +2.5x5,5,5 is three sets at that weight
  same  (or =)         that set again: weight, unit and reps (--type as given)
An exercise never done (no working set yet) makes a relative weight exit 2.
--rpe, --type, --note and --at apply to every set; --unit to every weight written
without a unit. Records beaten are reported once, by the set that holds them.
On a terminal, a missing EXERCISE or SET is asked for.

EXERCISE is found case-insensitively among your names, your aliases, then the catalog's
names and aliases (bench, ohp, rdl, bb row: see workout exercise list). A new name near a
known one is asked about on a terminal ("did you mean ...?"); in a script it is created
as typed and stderr names the entry it is near.

Sessions: a set joins the active session unless it comes more than the session gap
(WORKOUT_SESSION_GAP: minutes or hours such as 90 or 3h; default ${formatGap(DEFAULT_SESSION_GAP_MINUTES)}) after that
session's last set; then that session is ended at its last set and a new one starts
(said on stderr). A set with --at joins the nearest session whose time span, widened
by the gap, holds it (the span grows to hold it); else it starts a new session, ended
at once when the time is more than the gap ago. A local --at that the clocks skip (a
daylight saving change) is refused, and so is one more than ${FUTURE_LIMIT_MINUTES} minutes ahead of now.

Examples:
  $ workout set add "Bench Press" 100x5
  $ workout set add bench 100x5                   # Bench Press (Barbell), through its alias
  $ workout set add Squat 225lb x 5 --rpe 8.5
  $ workout set add "Pull Up" bw+10x6
  $ workout set add Deadlift --weight 180 --reps 3 --type failure
  $ workout set add Row 60x10 --at 2025-07-23T18:05
  $ workout set add Squat 140x5,5,5
  $ workout set add "Bench Press" 3x5@100
  $ workout set add Deadlift 5x5 180kg
  $ workout set add "Overhead Press" 50x5 55x3 60x1
  $ workout set add "Bench Press" +2.5x5,5,5
  $ workout set add Squat -10x8 --type drop
  $ workout set add "Pull Up" same
  $ workout set undo --command                      # the sets of the last set add`,
    )
    .action(action(addInput, async () => addSetCommand));
  set
    .command('undo')
    .description("remove the active session's latest set by time (its records are recomputed)")
    .option('--command', 'remove every set of the set add that logged it (the whole command)')
    .addHelpText(
      'after',
      `
A set imported, or logged before migration 014, is a command of its own.

Examples:
  $ workout set undo
  $ workout set add Squat 100x5 105x5 110x5 && workout set undo --command   # all three go`,
    )
    .action(action(undoInput, async () => undoSetCommand));
  set
    .command('edit <id> [set...]')
    .description('change a logged set (its id is in `workout session show`); records are recomputed')
    .option('--weight <w>', 'weight, instead of SET notation (bw for bodyweight)')
    .option('--reps <n>', 'reps, instead of SET notation')
    .option('--unit <unit>', 'kg or lb; alone, the weight keeps its number in the new unit')
    .option('--rpe <r>', 'rate of perceived exertion, 1-10 in halves ("" clears it)')
    .option('--type <type>', 'normal, warmup, drop or failure')
    .option('--note <text>', 'a note on the set ("" clears it)')
    .option('--at <iso>', 'when the set was done (ISO 8601)')
    .option('--exercise <name>', 'move the set to this exercise (as its last set in the session)')
    .addHelpText(
      'after',
      `
Only what you give changes. A SET without a unit keeps the set's unit. Another user's
set is "not found" (exit 2), like an id that does not exist.

Examples:
  $ workout set edit 812 102.5x5
  $ workout set edit 812 --unit lb          # it was 225 lb, not 225 kg
  $ workout set edit 812 --type warmup --note ""
  $ workout set edit 812 --exercise "Incline Bench Press"`,
    )
    .action(action(editSetInput, async () => (await import('./set/editActions.js')).editSetCommand));
  set
    .command('delete <id>')
    .description("delete a logged set; the session's later sets are renumbered, records recomputed")
    .addHelpText('after', '\nExample:\n  $ workout set delete 812')
    .action(action(deleteSetInput, async () => (await import('./set/editActions.js')).deleteSetCommand));
}
