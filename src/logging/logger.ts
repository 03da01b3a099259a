/** The logging seam shared by the Action (backed by @actions/core) and the CLI (stderr). */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, location?: LogLocation): void;
  error(message: string, location?: LogLocation): void;
  /** Runs `fn` inside a collapsible group (the Action) or under a heading (the CLI). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export interface LogLocation {
  readonly file?: string;
  readonly startLine?: number;
  readonly endLine?: number;
}

/** A logger that drops everything; for library use and tests that do not inspect logs. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
  group: (_name, fn) => fn(),
};
