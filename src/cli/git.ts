import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ConfigurationError } from '../config/errors.js';

const run = promisify(execFile);

/** Runs git without a shell (arguments are never interpreted) and returns stdout. */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run('git', [...args], { cwd, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new ConfigurationError('--base needs git on the PATH');
    throw new ConfigurationError(`git ${args.join(' ')} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

/** The diff of the working tree against a ref, with renames detected, and the repository root. */
export async function diffAgainst(cwd: string, ref: string): Promise<{ root: string; diff: string }> {
  if (ref.startsWith('-')) throw new ConfigurationError(`--base must name a git ref; got "${ref}"`);
  const root = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => {
    throw new ConfigurationError(`--base: "${ref}" is not a commit in this repository`);
  });
  const diff = await git(root, ['-c', 'core.quotePath=true', 'diff', '--no-color', '--no-ext-diff', '--find-renames', ref, '--']);
  return { root, diff };
}
