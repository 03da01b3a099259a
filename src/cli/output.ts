import fs from 'node:fs/promises';
import path from 'node:path';
import { atLeast, type Severity } from '../assess/finding.js';
import { ConfigurationError } from '../config/errors.js';
import type { ReviewResult } from '../pipeline/result.js';
import { renderJson } from '../report/findings-json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from './command.js';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string | undefined): Format {
  const format = value ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new ConfigurationError(`--format must be one of ${FORMATS.join(', ')}; got "${format}"`);
  return format as Format;
}

export function parseSeverity(value: string | undefined, flag: string): Severity {
  const v = value ?? 'low';
  if (!['low', 'medium', 'high', 'critical'].includes(v)) throw new ConfigurationError(`${flag} must be one of low, medium, high, critical; got "${v}"`);
  return v as Severity;
}

/** Prints or writes the report and returns the exit code: 1 when a finding reaches the threshold. */
export async function emitReport(
  result: ReviewResult,
  options: { format: Format; output?: string; threshold: Severity; verbose?: boolean },
  io: CliIo,
): Promise<number> {
  const toFile = options.output !== undefined;
  const color = !toFile && Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  const text =
    options.format === 'json'
      ? renderJson(result)
      : options.format === 'sarif'
        ? renderSarif(result)
        : options.format === 'markdown'
          ? renderMarkdown(result)
          : renderText(result, { color, verbose: options.verbose });
  if (toFile) {
    const file = path.resolve(io.cwd, options.output!);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
    io.logger.info(`wrote ${options.format} report to ${options.output}`);
  } else {
    io.stdout.write(text);
  }
  return result.findings.some((f) => atLeast(f.severity, options.threshold)) ? EXIT_FINDINGS : EXIT_OK;
}
