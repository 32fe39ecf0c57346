import type { DatabasePool, DatabaseTransactionConnection } from 'slonik';
import { addSet } from '../../db/queries/addSet.js';
import { findUserId, lockUser } from '../../db/queries/lockUser.js';
import { assertSchemaInTransaction } from '../../db/queries/routineSession.js';
import { formatRecordValue, recordLabel } from '../../domain/records.js';
import type { DoneSet } from '../../domain/routine/progression.js';
import type { Unit } from '../../domain/units.js';
import { fromKg, weightInUnit } from '../../domain/units.js';
import { WorkoutError } from '../../errors.js';
import { palette } from '../../ui/color.js';
import { formatDay } from '../../ui/time.js';
import { type CommandContext, withDatabase } from '../context.js';
import type { NextInput } from '../next.js';
import { plannedNewSet } from './logInput.js';
import { type NextStep, planNext } from './plan.js';

export async function nextCommand(context: CommandContext, { log }: NextInput) {
  const { userName } = context.config;
  if (log === undefined) {
    const step = await withDatabase(context, async (pool) => {
      const userId = await findUserId(pool, userName);
      if (userId === undefined)
        throw new WorkoutError('no active session; start one with `workout session start --routine NAME`');
      return planNext(pool, userId);
    });
    context.output.result(stepJson(step), () => describeStep(step, context.output.color));
    return;
  }
  // One transaction: the user's row locked first, so two loggers take turns and the
  // second one logs the set after the first one's.
  const { added, following } = await withDatabase(
    context,
    (pool) =>
      pool.transaction(async (tx) => {
        await assertSchemaInTransaction(tx);
        const userId = await lockUser(tx, userName);
        const step = await planNext(tx, userId);
        if (!step.planned)
          throw new WorkoutError(
            `every set of routine ${step.routine} is logged; end the session with \`workout session end\``,
          );
        const added = await addSet(savepointsOf(tx), plannedNewSet(userName, step.planned, log));
        // set add places a set in whichever session its time belongs to; a planned set
        // belongs to the routine's session or nowhere (this rolls the whole transaction back).
        if (added.session_id !== step.sessionId) {
          throw new WorkoutError(
            `this set would not go into session ${step.sessionId} of routine ${step.routine}; nothing was written: ` +
              'log it with `workout set add`, or start the routine again with `workout session start --routine NAME`',
          );
        }
        return { added, following: await planNext(tx, userId) };
      }),
    'current-read-by-work',
  );
  const beaten = added.records.filter((record) => record.previous !== null && record.value > record.previous);
  context.output.result(
    { logged: { ...weightInUnit(added), new_records: beaten.map((r) => r.kind) }, next: stepJson(following) },
    () => {
      const c = palette(context.output.color);
      const lines = [
        `Logged ${added.exercise} set ${added.set_number}: ${load(fromKg(added.weight, added.unit), added.unit, added.bodyweight)} x ${added.reps}${added.set_type === 'warmup' ? ' (warmup)' : ''}`,
      ];
      for (const record of beaten) {
        lines.push(
          c.green(
            `New PR: ${recordLabel(record.kind, record.reps)} ${formatRecordValue(record.kind, record.value, added.unit)}`,
          ),
        );
      }
      return [...lines, `Next: ${describeStep(following, context.output.color)}`].join('\n');
    },
  );
}

/**
 * `set add`'s function takes a pool and runs its own transaction; given this one, that
 * transaction is a savepoint inside it, so the plan read and the set written commit once.
 */
function savepointsOf(tx: DatabaseTransactionConnection): DatabasePool {
  return { transaction: (handler, retryLimit) => tx.transaction(handler, retryLimit) } as Pick<
    DatabasePool,
    'transaction'
  > as DatabasePool;
}

function load(weight: number | null, unit: Unit, bodyweight: boolean): string {
  if (bodyweight) return weight ? `bw+${weight} ${unit}` : 'bw';
  return weight === null ? '(your weight)' : `${weight} ${unit}`;
}

function stepJson(step: NextStep) {
  const { planned, lastTime } = step;
  const base = {
    session_id: step.sessionId,
    routine: step.routine,
    done: planned === null,
    rest_seconds: step.restSeconds,
  };
  if (!planned) return base;
  return {
    ...base,
    exercise: planned.exercise.name,
    kind: planned.kind,
    set_number: planned.number,
    of: planned.of,
    weight: planned.load.weight,
    unit: planned.load.unit,
    bodyweight: planned.load.bodyweight,
    min_reps: planned.minReps,
    max_reps: planned.maxReps,
    reason: planned.target.reason,
    last_time: lastTime && {
      date: lastTime.date,
      sets: lastTime.sets.map((set) => ({
        weight: fromKg(set.weightKg, set.unit),
        unit: set.unit,
        bodyweight: set.bodyweight,
        reps: set.reps,
      })),
    },
  };
}

/** `100 kg x 5, 5, 4`; a set at another load names its load. */
function describeSets(sets: DoneSet[]): string {
  let shown = '';
  let previous = '';
  for (const set of sets) {
    const setLoad = load(fromKg(set.weightKg, set.unit), set.unit, set.bodyweight);
    shown += `${shown ? ', ' : ''}${setLoad === previous ? '' : `${setLoad} x `}${set.reps}`;
    previous = setLoad;
  }
  return shown;
}

function describeStep(step: NextStep, color: boolean): string {
  const c = palette(color);
  const { planned, lastTime } = step;
  if (!planned) return `every set of routine ${step.routine} is logged; end the session with \`workout session end\``;
  const which =
    planned.kind === 'warmup' ? `warm-up ${planned.number} of ${planned.of}` : `set ${planned.number} of ${planned.of}`;
  const reps = planned.minReps === planned.maxReps ? `${planned.minReps}` : `${planned.minReps}-${planned.maxReps}`;
  const { weight, unit, bodyweight } = planned.load;
  const lines = [`${c.bold(planned.exercise.name)}, ${which}: ${load(weight, unit, bodyweight)} x ${reps}`];
  if (planned.kind === 'work') lines.push(`  ${planned.target.reason}`);
  if (lastTime) lines.push(`  last time (${formatDay(lastTime.date)}): ${describeSets(lastTime.sets)}`);
  return lines.join('\n');
}
