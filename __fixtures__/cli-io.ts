import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../src/cli/command.js';

/** An in-memory CliIo: what a command wrote to stdout and stderr, and a stdin to feed. */
export function memoryIo(options: { cwd: string; stdin?: string; env?: NodeJS.ProcessEnv; tty?: boolean }) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const stderr = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const io: Omit<CliIo, 'logger'> = {
    stdout,
    stderr,
    stdin: Readable.from([options.stdin ?? '']),
    cwd: options.cwd,
    env: options.env ?? {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
