import { parseTimestamp, zonedTime } from '../../domain/time.js';
import { UsageError } from '../../errors.js';
import { writeExport } from '../../export/writeExport.js';
import { type CommandContext, withDatabase } from '../context.js';
import type { ExportInput } from '../export.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** --to: a day includes the whole day (up to the next midnight in `zone`); a time is inclusive. */
function upperBound(text: string, zone: string): { to: Date; toInclusive: boolean } {
  const day = DAY.exec(text.trim());
  if (!day) return { to: parseTimestamp(text, '--to', zone), toInclusive: true };
  parseTimestamp(text, '--to', zone);
  const next = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1));
  const local = {
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
  };
  return { to: zonedTime(local, zone), toInclusive: false };
}

export async function exportCommand(context: CommandContext, input: ExportInput) {
  if (context.config.json && input.format !== undefined && input.format !== 'json') {
    throw new UsageError(`--json contradicts --format ${input.format}; give one of them`);
  }
  const format = input.format ?? (context.config.json ? 'json' : 'workout');
  if (input.unit && format !== 'strong')
    throw new UsageError("--unit applies to --format strong only (the other formats keep each set's unit)");
  const zone = input.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const from = input.from === undefined ? null : parseTimestamp(input.from, '--from', zone);
  const upper = input.to === undefined ? { to: null, toInclusive: false } : upperBound(input.to, zone);
  if (from && upper.to && upper.to < from) throw new UsageError('--to is before --from');
  await withDatabase(context, (pool) =>
    writeExport(pool, {
      userName: context.config.userName,
      format,
      zone,
      from,
      ...upper,
      exercise: input.exercise ?? null,
      unit: input.unit,
      out: process.stdout,
      note: context.output.note,
    }),
  );
}
