import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseRoutine } from '../../domain/routine/parse.js';
import type { Routine } from '../../domain/routine/types.js';
import { UsageError, WorkoutError } from '../../errors.js';

/** Lines the CLI puts at the top of the file it opens; stripped from what is saved. */
const MARK = '# workout: ';
/** The problem and the hint: the lines above the routine when it is opened again. */
const PROBLEM_LINES = 2;

export type Edited = { saved: true; source: string; routine: Routine } | { saved: false; reason: string };

/** $VISUAL, else $EDITOR, as git reads them; undefined when neither is set. */
export function chosenEditor(): string | undefined {
  return [process.env.VISUAL, process.env.EDITOR].find((editor) => editor !== undefined && editor.trim() !== '');
}

/**
 * Opens `source` in the person's editor until what they save reads as a routine. An
 * invalid file is opened again with the problem at the top, as `crontab -e` does; an
 * empty file, or one saved unchanged, cancels; an invalid file saved unchanged is
 * refused with its problem. The caller holds no database meanwhile.
 */
export function editRoutine(editor: string, name: string, source: string, intro: string[] = []): Edited {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-routine-'));
  const file = path.join(folder, `${name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60)}.routine`);
  try {
    let header = intro.map((line) => `${MARK}${line}`);
    let body = source;
    for (;;) {
      const shown = [...header, body].join('\n');
      fs.writeFileSync(file, shown, { mode: 0o600 });
      runEditor(editor, file);
      const written = fs.readFileSync(file, 'utf8');
      const edited = withoutMarks(written);
      if (edited.trim() === '') return { saved: false, reason: 'the file is empty' };
      if (edited === source) return { saved: false, reason: 'the routine is unchanged' };
      try {
        // Line numbers as the file will show them when it is opened again, below the problem.
        return { saved: true, source: edited, routine: parseRoutine(edited, path.basename(file), PROBLEM_LINES) };
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        if (written === shown) throw error;
        header = [`${MARK}${error.message}`, `${MARK}fix the routine below, or empty the file to cancel`];
        body = edited;
      }
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function withoutMarks(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => !line.startsWith(MARK));
  return first < 0 ? '' : lines.slice(first).join('\n');
}

/** The editor as a shell command with the file as its argument, as git runs it ($EDITOR may hold options). */
function runEditor(editor: string, file: string): void {
  const result = spawnSync('/bin/sh', ['-c', `${editor} "$@"`, editor, file], { stdio: 'inherit' });
  if (result.error)
    throw new WorkoutError(`cannot run the editor ${editor}: ${result.error.message}; nothing was written`);
  if (result.status !== 0) {
    throw new WorkoutError(`the editor ${editor} exited with ${result.status ?? result.signal}; nothing was written`);
  }
}
