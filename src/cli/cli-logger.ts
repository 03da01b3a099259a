import { styleText } from 'node:util';
import type { Logger, LogLocation } from '../logging/logger.js';

/** Logs to stderr so stdout carries only the report; colour only on a TTY. */
export function createCliLogger(stderr: NodeJS.WritableStream & { isTTY?: boolean }, options: { verbose?: boolean; quiet?: boolean } = {}): Logger {
  const color = Boolean(stderr.isTTY) && !process.env.NO_COLOR;
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
  // Messages that already start with their file (`app.py: skipped ...`) are not prefixed again.
  const where = (l: LogLocation | undefined, m: string) => {
    if (!l?.file) return '';
    const prefix = `${l.file}${l.startLine ? `:${l.startLine}` : ''}`;
    return m.startsWith(`${l.file}:`) ? '' : `${prefix}: `;
  };
  return {
    debug: (m) => void (options.verbose && stderr.write(paint('dim', m) + '\n')),
    info: (m) => void (!options.quiet && stderr.write(m + '\n')),
    warning: (m, l) => void stderr.write(paint('yellow', `warning: ${where(l, m)}${m}`) + '\n'),
    error: (m, l) => void stderr.write(paint('red', `error: ${where(l, m)}${m}`) + '\n'),
    async group(name, fn) {
      if (options.verbose) stderr.write(paint('dim', `== ${name}`) + '\n');
      return fn();
    },
  };
}
