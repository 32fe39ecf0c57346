/** A one-line progress bar on a terminal: rows, rate and, when the size is known, percent and ETA. */
export type Progress = {
  update: (rows: number, bytes: number) => void;
  done: () => void;
};

const REDRAW_MS = 100;
const WIDTH = 24;

const count = (n: number) => Math.round(n).toLocaleString('en-US');

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The line for a moment of the work; pure, so it is tested without a terminal. */
export function progressLine(rows: number, bytes: number, totalBytes: number | undefined, elapsedMs: number): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? rows / seconds : 0;
  const parts = [`${count(rows)} rows`, `${count(rate)} rows/s`];
  if (totalBytes && totalBytes > 0) {
    const fraction = Math.min(1, bytes / totalBytes);
    const filled = Math.round(fraction * WIDTH);
    const eta = fraction > 0 ? seconds * (1 / fraction - 1) : Number.NaN;
    return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${parts.join('  ')}  ETA ${Number.isFinite(eta) ? clock(eta) : '?'}`;
  }
  return parts.join('  ');
}

export function createProgress(stream: NodeJS.WriteStream, label: string, totalBytes: number | undefined): Progress {
  const started = Date.now();
  let drawn = 0;
  let shown = false;
  return {
    update: (rows, bytes) => {
      const now = Date.now();
      if (now - drawn < REDRAW_MS) return;
      drawn = now;
      shown = true;
      const line = `${label} ${progressLine(rows, bytes, totalBytes, now - started)}`;
      // A pseudo-terminal may report 0 columns.
      const columns = stream.columns && stream.columns >= 40 ? stream.columns : 80;
      stream.write(`\r${line.slice(0, columns - 1)}\u001b[K`);
    },
    done: () => {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
