/** One bar: its label on the left, its value's text on the right. */
export type Bar = { label: string; value: number; text: string };

const MIN_BAR = 10;

/** Horizontal bars scaled to the largest value, each line at most `width` columns (bars at least 10). */
export function barChart(bars: readonly Bar[], width: number): string {
  const labelWidth = Math.max(0, ...bars.map((bar) => bar.label.length));
  const textWidth = Math.max(0, ...bars.map((bar) => bar.text.length));
  const barWidth = Math.max(MIN_BAR, width - labelWidth - textWidth - 2);
  const largest = Math.max(0, ...bars.map((bar) => bar.value));
  return bars
    .map((bar) => {
      const length = largest > 0 ? Math.round((bar.value / largest) * barWidth) : 0;
      return `${bar.label.padEnd(labelWidth)} ${'█'.repeat(length).padEnd(barWidth)} ${bar.text.padStart(textWidth)}`;
    })
    .join('\n');
}
