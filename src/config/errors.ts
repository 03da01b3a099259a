/**
 * A mistake the user can fix (a bad input, flag or config file), reported apart from bugs: the CLI
 * exits 2 with the message alone, the Action fails with it and no stack trace.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}
