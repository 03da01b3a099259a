/**
 * A versioned prompt. The text lives in a TypeScript module (not a .md read at run time) so the esbuild
 * bundle carries it. Any change to `system` or to what `render` produces needs a new version: caches and
 * recorded replies are keyed by `${id}.v${version}`.
 */
export interface PromptTemplate<Input> {
  readonly id: string;
  readonly version: number;
  readonly system: string;
  render(input: Input): string;
}

export function promptKey(p: { readonly id: string; readonly version: number }): string {
  return `${p.id}.v${p.version}`;
}

/** A fence longer than any backtick run in `text`, so code cannot close it early. */
export function fence(text: string, info = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${info}\n${text.replace(/\n$/, '')}\n${f}`;
}
