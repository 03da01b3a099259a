import { styleText } from 'node:util';
import type { Logger, LogLocation } from '../logging/logger.js';

/** Logs to stderr so stdout carries only the report; colour only on a TTY. */
export function createCliLogger(stderr: NodeJS.WritableStream & { isTTY?: boolean }, options: { verbose?: boolean; quiet?: boolean } = {}): Logger {
  const color = Boolean(stderr.isTTY) && !process.env.NO_COLOR;
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
  const where = (l?: LogLocation) => (l?.file ? `${l.file}${l.startLine ? `:${l.startLine}` : ''}: ` : '');
  return {
    debug: (m) => void (options.verbose && stderr.write(paint('dim', m) + '\n')),
    info: (m) => void (!options.quiet && stderr.write(m + '\n')),
    warning: (m, l) => void stderr.write(paint('yellow', `warning: ${where(l)}${m}`) + '\n'),
    error: (m, l) => void stderr.write(paint('red', `error: ${where(l)}${m}`) + '\n'),
    async group(name, fn) {
      if (options.verbose) stderr.write(paint('dim', `== ${name}`) + '\n');
      return fn();
    },
  };
}
