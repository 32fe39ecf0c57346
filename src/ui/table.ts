import Table from 'cli-table3';

/** Draws a table. Only the commands that draw one import this module (they are loaded lazily). */
export function renderTable(head: string[], rows: string[][], color: boolean): string {
  const table = new Table({
    head,
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
  });
  table.push(...rows);
  return table.toString();
}
