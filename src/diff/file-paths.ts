const DEV_NULL = '/dev/null';

/**
 * Source/destination prefix pairs git writes: a/ b/ by default, and the diff.mnemonicPrefix pairs
 * (i)ndex, (w)ork tree, (c)ommit, (o)bject, and 1/ 2/ for `--no-index`.
 */
const PREFIX_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['a/', 'b/'],
  ['i/', 'w/'],
  ['c/', 'w/'],
  ['c/', 'i/'],
  ['o/', 'w/'],
  ['1/', '2/'],
];

/** The two names of a file with prefixes removed; undefined stands for /dev/null (no such side). */
export interface FilePaths {
  readonly oldPath?: string;
  readonly newPath?: string;
}

/**
 * Strips git's prefixes only when *both* sides carry a matching pair, which is how a `--no-prefix`
 * diff of a file that really lives under `a/` keeps its path.
 */
export function gitPaths(oldName: string | undefined, newName: string | undefined): FilePaths {
  const pair = PREFIX_PAIRS.find(([src, dst]) => hasPrefix(oldName, src) && hasPrefix(newName, dst));
  return {
    ...side('oldPath', oldName, pair?.[0]),
    ...side('newPath', newName, pair?.[1]),
  };
}

/**
 * Plain `diff -u` names are whatever the user typed. `old/x.py` against `new/x.py` is one file seen in
 * two trees, so drop the first component as `patch -p1` would; `x.py.orig` against `x.py` keeps both.
 */
export function plainPaths(oldName: string | undefined, newName: string | undefined): FilePaths {
  const oldClean = oldName === undefined ? undefined : toPosix(oldName);
  const newClean = newName === undefined ? undefined : toPosix(newName);
  const git = gitPaths(oldClean, newClean);
  if ((git.oldPath ?? DEV_NULL) !== (oldClean ?? DEV_NULL) || (git.newPath ?? DEV_NULL) !== (newClean ?? DEV_NULL)) {
    return git;
  }
  const oldRest = afterFirstComponent(oldClean);
  const newRest = afterFirstComponent(newClean);
  if (oldRest !== undefined && oldRest === newRest) return { oldPath: oldRest, newPath: newRest };
  return { ...side('oldPath', oldClean, undefined), ...side('newPath', newClean, undefined) };
}

/**
 * `diff --git x.py x.py` (from --no-prefix) with no ---/+++ lines, as for a mode change: parsePatch
 * only splits headers that start with a/, so take the two equal halves ourselves.
 */
export function samePathFromGitHeader(headerLine: string): string | undefined {
  const rest = headerLine.slice('diff --git '.length);
  const half = (rest.length - 1) / 2;
  if (!Number.isInteger(half) || rest[half] !== ' ') return undefined;
  const first = rest.slice(0, half);
  return first !== '' && first === rest.slice(half + 1) ? first : undefined;
}

function side(key: keyof FilePaths, name: string | undefined, prefix: string | undefined): FilePaths {
  if (name === undefined || name === DEV_NULL) return {};
  return { [key]: prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name };
}

// /dev/null matches any prefix: a new file is `--- /dev/null` and `+++ b/x`.
function hasPrefix(name: string | undefined, prefix: string): boolean {
  return name === DEV_NULL || (name?.startsWith(prefix) ?? false);
}

function afterFirstComponent(name: string | undefined): string | undefined {
  if (name === undefined || name === DEV_NULL) return undefined;
  const slash = name.indexOf('/');
  return slash > 0 && slash < name.length - 1 ? name.slice(slash + 1) : undefined;
}

// Only plain diffs can come from Windows tools; git always writes '/', and quotes a real backslash.
function toPosix(name: string): string {
  return name === DEV_NULL ? name : name.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
