import { parse } from 'csv-parse/sync';

/**
 * What a Strong 5.x reader relies on, checked on an exported file: every row names its
 * workout, and Set Order is 1, 2, 3… in each exercise of a workout, with no letter and
 * no number skipped (Strong 5.x numbers warm-up, drop and failure sets like the rest).
 * Returns one line per broken row; none for a good file.
 */
export function strongRowProblems(text: string): string[] {
  const [header, ...rows] = parse(text) as string[][];
  const column = (name: string) => header!.indexOf(name);
  const [date, workout, exercise, setOrder] = ['Date', 'Workout Name', 'Exercise Name', 'Set Order'].map(column) as [
    number,
    number,
    number,
    number,
  ];
  const lastNumber = new Map<string, number>();
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const where = `row ${index + 1}`;
    if (row[workout]!.trim() === '') problems.push(`${where}: empty Workout Name`);
    const group = `${row[date]}\u0000${row[exercise]}`;
    const expected = (lastNumber.get(group) ?? 0) + 1;
    if (row[setOrder] !== String(expected)) problems.push(`${where}: Set Order ${row[setOrder]}, expected ${expected}`);
    lastNumber.set(group, expected);
  });
  return problems;
}
