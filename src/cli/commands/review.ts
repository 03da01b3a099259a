import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigurationError } from '../../config/errors.js';
import { parseDiff } from '../../diff/parse-diff.js';
import { localFileSource } from '../../pipeline/local-source.js';
import { reviewChange } from '../../pipeline/review-change.js';
import type { LlmSettings } from '../../llm/provider.js';
import type { CliCommand, CliIo } from '../command.js';
import { diffAgainst } from '../git.js';
import { emitReport, parseFormat } from '../output.js';
import { COMMON_OPTIONS, COMMON_HELP, assessmentSettings } from './common-options.js';

export const reviewCommand: CliCommand = {
  name: 'review',
  help: `Usage: rescue review (--diff FILE | --diff - | --base REF) [options]

Reviews the functions that a change touches.

  --diff FILE        a unified diff (git diff, git format-patch, diff -u); - reads stdin
  --base REF         the working tree against a git ref (branch, tag or commit), e.g. origin/main
  --root DIR         where the diff's paths point (default: the current folder; with --base, the
                     repository root); the changed files are read from there

Model (off by default; the key is read from OPENAI_API_KEY, never from a flag):
  --llm-provider P   none (default: knowledge-base rules only), openai (any OpenAI-compatible
                     endpoint), or auto (openai when OPENAI_BASE_URL or OPENAI_API_KEY is set)
  --llm-base-url URL the endpoint, e.g. http://localhost:11434/v1 for Ollama (or OPENAI_BASE_URL)
  --llm-model M      the model (or RESCUE_MODEL)
  --max-units N      most units sent to the model (default 30)
  --title TEXT, --description TEXT
                     what the change is for, as a pull request would say; used as search terms and
                     quoted to the model as untrusted data
${COMMON_HELP}`,
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        ...COMMON_OPTIONS,
        diff: { type: 'string' },
        base: { type: 'string' },
        root: { type: 'string' },
        'llm-provider': { type: 'string' },
        'llm-base-url': { type: 'string' },
        'llm-model': { type: 'string' },
        'max-units': { type: 'string' },
        title: { type: 'string' },
        description: { type: 'string' },
      },
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
    const { threshold, filter, assessment, kb } = await assessmentSettings(values, root, io);
    const llm = llmSettings(values);
    const changeSet = parseDiff(diffText);
    if (changeSet.files.length === 0 && changeSet.skipped.length === 0) io.logger.info('the diff is empty: nothing to review');
    const result = await reviewChange({
      changeSet,
      source: localFileSource(root),
      logger: io.logger,
      filter,
      assessment: llm.provider === 'none' ? assessment : {
        ...assessment,
        model: { kb: kb(), llm, caps: { maxUnits: maxUnits(values['max-units']) }, env: io.env, pr: { title: values.title, body: values.description } },
      },
    });
    return emitReport(result, { format, output: values.output, threshold, verbose: values.verbose }, io);
  },
};

function llmSettings(values: { 'llm-provider'?: string; 'llm-base-url'?: string; 'llm-model'?: string }): LlmSettings {
  const provider = values['llm-provider'] ?? 'none';
  if (provider !== 'none' && provider !== 'openai' && provider !== 'auto') {
    throw new ConfigurationError(`--llm-provider must be none, openai or auto; got "${provider}"`);
  }
  if (values['llm-base-url'] !== undefined) {
    try {
      new URL(values['llm-base-url']);
    } catch {
      throw new ConfigurationError(`--llm-base-url must be a URL such as http://localhost:11434/v1; got "${values['llm-base-url']}"`);
    }
  }
  return { provider, baseUrl: values['llm-base-url'], model: values['llm-model'] };
}

function maxUnits(value: string | undefined): number {
  if (value === undefined) return 30;
  if (!/^\d+$/.test(value)) throw new ConfigurationError(`--max-units must be a whole number; got "${value}"`);
  return Number(value);
}

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
