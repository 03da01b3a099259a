/**
 * A code fence that the code inside cannot close: one backtick longer than the longest backtick run in the
 * code, and never shorter than three (reviewdog does the same for suggestions).
 */
export function fenceFor(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** A fenced block; the info string (`suggestion`, `diff`, a language) is ours, never from the pull request. */
export function fenced(info: string, code: string): string {
  const fence = fenceFor(code);
  return `${fence}${info}\n${code}${code.endsWith('\n') || code === '' ? '' : '\n'}${fence}`;
}
