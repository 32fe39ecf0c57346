import asciichart from 'asciichart';
import { formatDay } from './time.js';

/** One value on the chart's time axis; `record` marks it with ▲ under the axis. */
export type ChartPoint = { date: Date; value: number; record: boolean };

export type ChartOptions = {
  /** Terminal columns the whole chart must fit in. */
  width: number;
  /** Rows of the plot itself. */
  height: number;
  /** What the y axis counts, e.g. `e1RM (kg)`. */
  label: string;
};

const MIN_PLOT_COLUMNS = 10;
const RECORD_MARK = '▲';

/**
 * Fits the points to `columns`: more points than columns share a column (its highest
 * value, a record if any was); fewer are widened to fill the width evenly.
 */
function fitToColumns(points: readonly ChartPoint[], columns: number): ChartPoint[] {
  if (points.length > columns) {
    return Array.from({ length: columns }, (_, column) => {
      const bucket = points.slice(
        Math.floor((column * points.length) / columns),
        Math.floor(((column + 1) * points.length) / columns),
      );
      return {
        date: bucket[0]!.date,
        value: Math.max(...bucket.map((point) => point.value)),
        record: bucket.some((point) => point.record),
      };
    });
  }
  const repeat = Math.max(1, Math.floor(columns / points.length));
  return points.flatMap((point) =>
    Array.from({ length: repeat }, (_, copy) => ({ ...point, record: point.record && copy === 0 })),
  );
}

/** Places `text` at column `at` of `line` (moved in to fit), unless it would touch another label; whether it did. */
function place(line: string[], text: string, at: number): boolean {
  const start = Math.max(0, Math.min(at, line.length - text.length));
  if (line.slice(Math.max(0, start - 1), start + text.length + 1).some((char) => char !== ' ')) return false;
  line.splice(start, text.length, ...text);
  return true;
}

/**
 * A line chart of values over time that fits `width` columns: the y axis labelled with
 * `label`, dates under the x axis (first, middle, last), records marked ▲.
 */
export function lineChart(points: readonly ChartPoint[], { width, height, label }: ChartOptions): string {
  if (points.length === 0) return '';
  // Three decimals are all a weight shows; fewer also keep asciichart's scale finite (5e-324 above 0).
  const values = points.map((point) => Math.round(point.value * 1000) / 1000);
  const precision = Math.max(...values) - Math.min(...values) < 10 ? 1 : 0;
  const labels = [Math.min(...values), Math.max(...values)].map((value) => value.toFixed(precision));
  const labelWidth = Math.max(...labels.map((text) => text.length));
  // asciichart draws x = 0 on the y axis itself, after the label and a space.
  const axisColumn = labelWidth + 1;
  const shown = fitToColumns(points, Math.max(MIN_PLOT_COLUMNS, width - axisColumn));
  // offset 2: each row is one cell holding the label and a space, then the axis (asciichart's layout).
  const plot = asciichart.plot(
    shown.map((point) => Math.round(point.value * 1000) / 1000),
    { height, offset: 2, format: (value) => `${value.toFixed(precision).padStart(labelWidth)} ` },
  );
  const axis = `${' '.repeat(axisColumn)}└${'─'.repeat(shown.length - 1)}`;
  const blank = () => [...' '.repeat(axisColumn + shown.length)];
  const marks = blank();
  shown.forEach((point, column) => {
    if (point.record) marks[axisColumn + column] = RECORD_MARK;
  });
  const dates = blank();
  const middle = Math.floor(shown.length / 2);
  const placed = new Set<string>();
  for (const [column, at] of [
    [0, 0],
    [shown.length - 1, shown.length - 10],
    [middle, middle - 5],
  ] as const) {
    const text = formatDay(shown[column]!.date);
    if (!placed.has(text) && place(dates, text, axisColumn + at)) placed.add(text);
  }
  const records = shown.some((point) => point.record);
  const title = records ? `${label}   ${RECORD_MARK} record` : label;
  const lines = [title, ...plot.split('\n'), axis, dates.join(''), ...(records ? [marks.join('')] : [])];
  return lines.map((line) => line.trimEnd()).join('\n');
}
