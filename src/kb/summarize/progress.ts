/** Progress of a long build: a redrawn bar on a terminal, a line every few seconds in CI logs. */
export interface Progress {
  start(total: number): void;
  advance(label: string): void;
  finish(): void;
}

export const silentProgress: Progress = { start() {}, advance() {}, finish() {} };

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export function createProgress(stream: ProgressStream, opts: { now?: () => number; intervalMs?: number } = {}): Progress {
  const now = opts.now ?? Date.now;
  const interval = opts.intervalMs ?? 10_000;
  let total = 0;
  let done = 0;
  let lastLine = 0;
  const tty = !!stream.isTTY;
  const bar = (width = 30) => {
    const filled = total ? Math.round((done / total) * width) : width;
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  };
  return {
    start(t) {
      total = t;
      done = 0;
      lastLine = now();
      if (!tty) stream.write(`summarizing: ${total} step(s)\n`);
    },
    advance(label) {
      done++;
      if (tty) stream.write(`\r${bar()} ${done}/${total} ${label}`.padEnd(100).slice(0, 100));
      else if (now() - lastLine >= interval || done === total) {
        lastLine = now();
        stream.write(`summarizing: ${done}/${total} (${label})\n`);
      }
    },
    finish() {
      if (tty) stream.write('\n');
    },
  };
}
