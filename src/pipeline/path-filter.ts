import picomatch from 'picomatch';

/** Paths never worth reviewing unless a user includes them explicitly: vendored and generated code. */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/node_modules/**',
  '**/vendor/**',
  '**/third_party/**',
  '**/*.min.js',
  '**/dist/**',
];

export interface PathFilterOptions {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

/**
 * A predicate over POSIX paths relative to the repository root. An explicit include wins over the default
 * excludes; an explicit exclude wins over everything.
 */
export function createPathFilter(options: PathFilterOptions = {}): (path: string) => boolean {
  const opts = { dot: true };
  const include = options.include?.length ? picomatch([...options.include], opts) : undefined;
  const exclude = options.exclude?.length ? picomatch([...options.exclude], opts) : undefined;
  const defaults = picomatch([...DEFAULT_EXCLUDES], opts);
  return (path) => {
    if (exclude?.(path)) return false;
    if (include) return include(path);
    return !defaults(path);
  };
}
