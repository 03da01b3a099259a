import fs from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageOf } from '../code/languages.js';

/**
 * The reviewable files under the given paths, as POSIX paths relative to `root`. Folders are walked with
 * every `.gitignore` on the way applied (as git does, each relative to its folder); `.git` is never entered.
 * Files named explicitly are kept even when ignored, as git does with `git add -f`.
 */
export async function walkFiles(root: string, targets: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const target of targets) {
    const abs = path.resolve(root, target);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) missing.push(target);
    else if (stat.isDirectory()) await walk(root, abs, await ignoresAbove(root, abs), files);
    else files.add(toPosix(path.relative(root, abs)));
  }
  return { files: [...files].sort(), missing };
}

interface Scope {
  readonly dir: string;
  readonly rules: Ignore;
}

async function ignoresAbove(root: string, dir: string): Promise<Scope[]> {
  const scopes: Scope[] = [];
  const rel = path.relative(root, dir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return scopes;
  let current = root;
  const parts = rel ? rel.split(path.sep) : [];
  for (let i = 0; i < parts.length; i++) {
    const scope = await readIgnore(current);
    if (scope) scopes.push(scope);
    current = path.join(current, parts[i]);
  }
  return scopes;
}

async function readIgnore(dir: string): Promise<Scope | undefined> {
  const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : { dir, rules: ignore().add(text) };
}

function ignored(scopes: readonly Scope[], abs: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const rel = toPosix(path.relative(scope.dir, abs)) + (isDir ? '/' : '');
    if (scope.rules.ignores(rel)) return true;
  }
  return false;
}

async function walk(root: string, dir: string, scopes: Scope[], out: Set<string>): Promise<void> {
  const own = await readIgnore(dir);
  const here = own ? [...scopes, own] : scopes;
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name === '.git') continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!ignored(here, abs, true)) await walk(root, abs, here, out);
    } else if (entry.isFile() && languageOf(entry.name) && !ignored(here, abs, false)) {
      out.add(toPosix(path.relative(root, abs)));
    }
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
