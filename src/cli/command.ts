import type { Logger } from '../logging/logger.js';

/** What a command may touch; injected so commands run the same under tests. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
}

/** Exit codes shared by every command: see ARCHITECTURE "Interfaces". */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * One `rescue <name>` command. `args` excludes the command name itself. Its one-line summary for
 * `rescue --help` is in the command table of main.ts, which loads the command's module only when chosen.
 */
export interface CliCommand {
  readonly name: string;
  /** The full help text for `rescue <name> --help`. */
  readonly help: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}
