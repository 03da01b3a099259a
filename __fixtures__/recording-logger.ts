import type { Logger, LogLocation } from '../src/logging/logger.js';

/** A Logger that keeps every message, for assertions. */
export class RecordingLogger implements Logger {
  readonly lines: { level: 'debug' | 'info' | 'warning' | 'error'; message: string; location?: LogLocation }[] = [];
  debug(message: string) {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string) {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string, location?: LogLocation) {
    this.lines.push({ level: 'warning', message, location });
  }
  error(message: string, location?: LogLocation) {
    this.lines.push({ level: 'error', message, location });
  }
  async group<T>(_name: string, fn: () => Promise<T>): Promise<T> {
    return fn();
  }
  get warnings(): string[] {
    return this.lines.filter((l) => l.level === 'warning').map((l) => l.message);
  }
}
