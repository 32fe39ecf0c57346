import type { Command } from 'commander';
import type { z } from 'zod';
import { loadConfig } from '../config.js';
import type { GlobalOptions } from '../program.js';
import { createOutput } from '../ui/output.js';
import type { CommandContext } from './context.js';
import { parseInput } from './parseInput.js';

/** What a command does with its validated input (most groups load it only when it runs). */
export type Run<Input> = (context: CommandContext, input: Input) => Promise<void>;

/**
 * A commander action: the command's arguments (by name) and options, validated with
 * `schema`, reach `run` typed. The global options become the config first, so a bad
 * --user or timeout is reported before the command's own input.
 */
export function action<Schema extends z.ZodTypeAny>(schema: Schema, load: () => Promise<Run<z.output<Schema>>>) {
  return async function (this: Command): Promise<void> {
    // Start reading the command's code now: validating the input meanwhile costs no wait.
    const loading = load();
    // Bad input is the error to report; a load failure then must not surface unhandled.
    loading.catch(() => {});
    const config = loadConfig(this.optsWithGlobals<GlobalOptions>());
    const args = Object.fromEntries(
      this.registeredArguments.map((argument, index) => [argument.name(), this.processedArgs[index]]),
    );
    const input: z.output<Schema> = parseInput(schema, { ...args, ...this.opts() });
    await (await loading)({ config, output: createOutput(config) }, input);
  };
}
