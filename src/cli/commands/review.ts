import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigurationError } from '../../config/errors.js';
import { parseDiff } from '../../diff/parse-diff.js';
import { localFileSource } from '../../pipeline/local-source.js';
import { reviewChange } from '../../pipeline/review-change.js';
import type { CliCommand, CliIo } from '../command.js';
import { diffAgainst } from '../git.js';
import { emitReport, parseFormat } from '../output.js';
import { COMMON_OPTIONS, COMMON_HELP, assessmentSettings } from './common-options.js';

export const reviewCommand: CliCommand = {
  name: 'review',
  summary: 'Review a change: a diff file, stdin, or the working tree against a git ref',
  help: `Usage: rescue review (--diff FILE | --diff - | --base REF) [options]

Reviews the functions that a change touches.

  --diff FILE        a unified diff (git diff, git format-patch, diff -u); - reads stdin
  --base REF         the working tree against a git ref (branch, tag or commit), e.g. origin/main
  --root DIR         where the diff's paths point (default: the current folder; with --base, the
                     repository root); the changed files are read from there
${COMMON_HELP}`,
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: { ...COMMON_OPTIONS, diff: { type: 'string' }, base: { type: 'string' }, root: { type: 'string' } },
      allowPositionals: false,
      strict: true,
    });
    const format = parseFormat(values.format);
    if ((values.diff === undefined) === (values.base === undefined)) throw new ConfigurationError('review needs exactly one of --diff FILE (or -) and --base REF');
    let diffText: string;
    let root = path.resolve(io.cwd, values.root ?? '.');
    if (values.base !== undefined) {
      const found = await diffAgainst(io.cwd, values.base);
      diffText = found.diff;
      if (values.root === undefined) root = found.root;
    } else {
      diffText = values.diff === '-' ? await readStdin(io) : await readDiffFile(path.resolve(io.cwd, values.diff!));
    }
    const { threshold, filter, assessment } = await assessmentSettings(values, root, io);
    const changeSet = parseDiff(diffText);
    if (changeSet.files.length === 0 && changeSet.skipped.length === 0) io.logger.info('the diff is empty: nothing to review');
    const result = await reviewChange({
      changeSet,
      source: localFileSource(root),
      logger: io.logger,
      filter,
      assessment,
    });
    return emitReport(result, { format, output: values.output, threshold, verbose: values.verbose }, io);
  },
};

async function readDiffFile(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`--diff: cannot read ${file}: ${(error as Error).message}`);
  }
}

async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
