import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigurationError } from '../../config/errors.js';
import { localFileSource } from '../../pipeline/local-source.js';
import { scanFiles } from '../../pipeline/scan-files.js';
import { walkFiles } from '../../pipeline/walk-files.js';
import { releaseEarlyWorkers } from '../../pipeline/scan-workers-early.js';
import type { CliCommand, CliIo } from '../command.js';
import { emitReport, parseFormat } from '../output.js';
import { COMMON_HELP, COMMON_OPTIONS, assessmentSettings } from './common-options.js';

export const scanCommand: CliCommand = {
  name: 'scan',
  help: `Usage: rescue scan PATH... [options]

Reviews every function of the given files; folders are walked, honouring .gitignore.

${COMMON_HELP}`,
  async run(args, io) {
    try {
      return await scan(args, io);
    } finally {
      void releaseEarlyWorkers(); // those the scan did not take (see scan-workers-early.ts): unref'd, they do not delay the exit
    }
  },
};

async function scan(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: COMMON_OPTIONS, allowPositionals: true, strict: true });
  const format = parseFormat(values.format);
  if (positionals.length === 0) throw new ConfigurationError('scan needs at least one file or folder');
  const root = io.cwd;
  const { threshold, filter, assessment } = await assessmentSettings(values, root, io);
  const { files, missing } = await walkFiles(root, positionals);
  if (missing.length) throw new ConfigurationError(`no such file or folder: ${missing.join(', ')}`);
  const result = await scanFiles({
    paths: files,
    source: localFileSource(root, { confine: false }),
    logger: io.logger,
    filter,
    assessment,
  });
  if (files.length === 0) io.logger.warning(`no files in a reviewed language under ${positionals.map((p) => path.normalize(p)).join(', ')}`);
  return emitReport(result, { format, output: values.output, threshold, verbose: values.verbose }, io);
}
