import { refreshStatistics } from '../../db/queries/refreshStatistics.js';
import { planImport } from '../../domain/formats/detect.js';
import { UsageError } from '../../errors.js';
import { openInput, readCsv } from '../../import/csvSource.js';
import { type ImportSummary, importCsv } from '../../import/importCsv.js';
import { formatProblem } from '../../import/mapRecords.js';
import { createProgress } from '../../ui/progress.js';
import { type CommandContext, withDatabase } from '../context.js';
import type { ImportInput } from '../import.js';

export async function importCommand(
  context: CommandContext,
  { file, format, unit, tz, dryRun, skipInvalid }: ImportInput,
) {
  if (file === undefined && process.stdin.isTTY) {
    throw new UsageError('no input: give a FILE, or pipe a CSV export into stdin (workout import < strong.csv)');
  }
  const input = openInput(file ?? '-');
  const reader = await readCsv(input);
  // The header decides the format before the database is opened: a wrong file costs nothing.
  const plan = planImport(reader.header, format, { unit, timeZone: tz });
  const progress = process.stderr.isTTY ? createProgress(process.stderr, 'importing', input.size) : undefined;
  // No DATABASE_URL: the embedded database.
  const embedded = !context.config.databaseUrl;
  const summary = await withDatabase(context, async (pool) => {
    const imported = await importCsv(pool, {
      file: input.name,
      reader,
      plan,
      userName: context.config.userName,
      dryRun,
      skipInvalid,
      progress,
      embedded,
    });
    // The embedded database has no autovacuum: VACUUM there too.
    await refreshStatistics(pool, dryRun ? 0 : imported.sets_added, embedded);
    return imported;
  });
  context.output.result(summary, renderSummary);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function renderSummary(s: ImportSummary): string {
  const added = `${plural(s.sessions_added, 'session')}, ${plural(s.sets_added, 'set')}, ${plural(s.new_records, 'new record')}`;
  const lines = [
    s.dry_run
      ? `Dry run of ${s.file} (${s.format}), nothing written: would import ${added}.`
      : `Imported ${s.file} (${s.format}): ${added}.`,
  ];
  const present = s.already_present;
  if (present.sessions > 0) {
    lines.push(`Already present, skipped: ${plural(present.sessions, 'session')} (${plural(present.sets, 'set')}).`);
    if (s.sets_added === 0) lines.push('Nothing new: every workout in the file was imported before.');
  }
  const notSets = [
    s.not_sets.rest_timer > 0 ? plural(s.not_sets.rest_timer, 'rest timer') : '',
    s.not_sets.unfilled > 0 ? plural(s.not_sets.unfilled, 'unfilled set') : '',
    s.not_sets.cardio > 0 ? plural(s.not_sets.cardio, 'cardio row') : '',
    s.not_sets.note > 0 ? `${plural(s.not_sets.note, 'exercise note')} (kept on the exercise's next set)` : '',
  ].filter(Boolean);
  if (notSets.length > 0) lines.push(`Not sets, skipped: ${notSets.join(', ')}.`);
  if (s.invalid.count > 0) {
    lines.push(`Invalid rows, skipped: ${s.invalid.count}.`);
    for (const problem of s.invalid.rows) lines.push(`  ${formatProblem(s.file, problem)}`);
    if (s.invalid.count > s.invalid.rows.length) lines.push(`  … and ${s.invalid.count - s.invalid.rows.length} more`);
  }
  return lines.join('\n');
}
