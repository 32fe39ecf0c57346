/** A moment as a person reads it, in the local zone: `2025-07-23 19:16`. */
export function formatLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function formatDay(date: Date): string {
  return formatLocal(date).slice(0, 10);
}
