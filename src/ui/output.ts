import type { Config } from '../config.js';

/** Where a command's results go: JSON for scripts, text for people; notes always to stderr. */
export type Output = {
  readonly json: boolean;
  readonly color: boolean;
  /** The command's result: `value` as JSON with --json, else the text `render` makes of it. */
  result: <T>(value: T, render: (value: T) => string) => void;
  /** A side remark for a person ("Started session 4"); never on stdout, so pipes stay clean. */
  note: (message: string) => void;
};

export function createOutput(config: Pick<Config, 'json' | 'color'>): Output {
  return {
    json: config.json,
    color: config.color,
    result: (value, render) => {
      const text = config.json ? JSON.stringify(value, null, 2) : render(value);
      if (text.length > 0) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    note: (message) => {
      process.stderr.write(`${message}\n`);
    },
  };
}
