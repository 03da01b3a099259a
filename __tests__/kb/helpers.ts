import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/command.js';
import { silentLogger } from '../../src/logging/logger.js';

export const FIXTURE_SOURCES = path.join(import.meta.dirname, '..', 'data', 'kb', 'sources');
export const FIXTURE_PAIRS = path.join(import.meta.dirname, '..', 'data', 'kb', 'pairs.jsonl');

/** A temp copy of the fixture tree: `sources/` (and room for `mined/`, `build/`). */
export function tempKb(): { root: string; sources: string; build: string; cleanup(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-test-'));
  const sources = path.join(root, 'sources');
  fs.cpSync(FIXTURE_SOURCES, sources, { recursive: true });
  return { root, sources, build: path.join(root, 'build'), cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

export function fakeIo(cwd: string, env: NodeJS.ProcessEnv = {}): { io: CliIo; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  return { io: { stdout, stderr, stdin: Readable.from(['']), cwd, env, logger: silentLogger }, out: () => out.join(''), err: () => err.join('') };
}
