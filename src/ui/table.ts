import { createRequire } from 'node:module';
import type Table from 'cli-table3';

const require = createRequire(import.meta.url);

/** cli-table3 is loaded only by the commands that draw a table. */
export function renderTable(head: string[], rows: string[][], color: boolean): string {
  const TableClass = require('cli-table3') as typeof Table;
  const table = new TableClass({
    head,
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
  });
  table.push(...rows);
  return table.toString();
}
