import { Chalk, type ChalkInstance } from 'chalk';

/** A chalk that colours only when the output allows it (TTY, no NO_COLOR, no --no-color, no --json). */
export function palette(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
