import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import { ConfigurationError } from '../../config/errors.js';
import { buildKnowledgeBase, diffBuild, writeBuild } from '../../kb/build.js';
import { loadKnowledgeBase } from '../../kb/load.js';
import { DEFAULT_OVERLAY_DIR } from '../../kb/overlay.js';
import { pdgSlicer } from '../../kb/pdg-slicer.js';
import { minePairs } from '../../kb/mine.js';
import { serializeMined } from '../../kb/mined.js';
import { readPairs } from '../../kb/pairs.js';
import { engineRuleChecker } from '../../kb/rule-check.js';
import { formatStats, kbStats } from '../../kb/stats.js';
import { DEFAULT_CACHE_DIR, directoryCache } from '../../kb/summarize/cache.js';
import { formatReport } from '../../kb/summarize/driver.js';
import { createProgress } from '../../kb/summarize/progress.js';
import { verifyKnowledgeBase } from '../../kb/verify.js';
import { EXIT_FINDINGS, EXIT_OK, type CliCommand, type CliIo } from '../command.js';
import { endpointSettings } from '../endpoint.js';

const HELP = `rescue kb <build|verify|stats|refresh|learn> [options]

  build    Build kb/build (kb.json, index.json, example-index.json, examples/*.jsonl, manifest.json,
           vectors) from kb/sources and kb/mined; examples are sliced with the PDG slicer.
           --sources DIR          hand-written sources (default kb/sources)
           --mined DIR            mined knowledge (default: mined/ next to the sources)
           --out DIR              build directory (default kb/build)
           --check                build in memory; exit 1 if DIR differs from it (for CI)
           --pairs FILE.jsonl     mine vulnerability-fix pairs (SafeCoder schema) into --mined first:
                                  slice, collect APIs, cluster-then-summarize with the endpoint below
           --base-url URL         OpenAI-compatible endpoint (env OPENAI_BASE_URL; key in OPENAI_API_KEY)
           --model M              chat model for summaries (env RESCUE_MODEL)
           --embeddings-model M   compute vectors for CWE causes and secure examples with this model
           --batch-size N         cases per summary batch (default 10, the paper's b)
           --cache-dir DIR        summary cache, makes --pairs resumable (default ${DEFAULT_CACHE_DIR})
  verify   Check sources, rules (against their tests), examples, and that the build matches the sources.
           --sources DIR  --build DIR
  stats    Counts per CWE and language of the build.
           --build DIR  --format text|json
  refresh  Mine GitHub-reviewed security advisories published or updated since the last refresh: fix
           commits in GitHub repositories -> function-level pairs -> summaries of the CWEs that gained
           pairs (kb/mined) -> kb/build. The cursor is kept in --state; a run with nothing new writes nothing.
           --since DATE           read from this instant instead of the state's cursor
           --initial-days N       without a state file: how far back to read (default 30)
           --max-advisories N     stop after N advisories; the next run goes on (default 300)
           --state FILE           cursor file (default kb/refresh-state.json)
           --sources DIR  --mined DIR  --out DIR     as for build
           --report FILE          also write the report as Markdown (for a pull request body)
           --format text|json     the report on stdout (default text)
           --dry-run              read and report; write nothing and call no model
           --api-url URL          GitHub REST API (env GITHUB_API_URL; token in GITHUB_TOKEN)
           --base-url, --model, --embeddings-model, --batch-size, --cache-dir   as for build --pairs
  learn    Learn from a repository's own merged security fixes into its overlay (loaded on top of the
           bundled KB by the Action and the CLI; citations of its guidelines read overlay:<id>).
           --from-prs QUERY       search terms for merged pull requests, e.g. "label:security"
           --repo OWNER/NAME      the repository (env GITHUB_REPOSITORY)
           --out DIR              the overlay (default ${DEFAULT_OVERLAY_DIR}: sources/, mined/, build/)
           --cwe CWE-N            for pull requests that name no CWE (label cwe-89, or CWE-89 in the text)
           --max-prs N            most pull requests read (default 50)
           --api-url URL          GitHub REST API (env GITHUB_API_URL; token in GITHUB_TOKEN)
           --base-url, --model, --embeddings-model, --batch-size, --cache-dir   as for build --pairs
`;

export const kbCommand: CliCommand = {
  name: 'kb',
  help: HELP,
  async run(args, io) {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'build':
        return build(rest, io);
      case 'verify':
        return verify(rest, io);
      case 'stats':
        return stats(rest, io);
      // Octokit and the model client are loaded only by the subcommands that mine GitHub.
      case 'refresh':
        return (await import('./kb-refresh.js')).kbRefresh(rest, io);
      case 'learn':
        return (await import('./kb-learn.js')).kbLearn(rest, io);
      case undefined:
      case '--help':
      case '-h':
        io.stdout.write(HELP);
        return sub === undefined ? 2 : EXIT_OK;
      default:
        throw new ConfigurationError(`unknown kb subcommand "${sub}"; expected build, verify, stats, refresh or learn`);
    }
  },
};

function parse<const T extends ParseArgsOptionsConfig>(args: readonly string[], options: T, sub: string) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new ConfigurationError(`kb ${sub}: ${(e as Error).message}`);
  }
}

async function build(args: readonly string[], io: CliIo): Promise<number> {
  const v = parse(
    args,
    {
      sources: { type: 'string' },
      mined: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean' },
      pairs: { type: 'string' },
      'base-url': { type: 'string' },
      model: { type: 'string' },
      'embeddings-model': { type: 'string' },
      'batch-size': { type: 'string' },
      'cache-dir': { type: 'string' },
    },
    'build',
  );
  const at = (p: string) => path.resolve(io.cwd, p);
  const sourcesDir = at(v.sources ?? 'kb/sources');
  const minedDir = at(v.mined ?? path.join(path.dirname(sourcesDir), 'mined'));
  const outDir = at(v.out ?? 'kb/build');
  let status = EXIT_OK;

  if (v.pairs) {
    if (v.check) throw new ConfigurationError('kb build: --check cannot be combined with --pairs');
    const endpoint = endpointSettings(v['base-url'], io);
    const model = v.model ?? io.env.RESCUE_MODEL;
    if (!model) throw new ConfigurationError('kb build --pairs needs a chat model: pass --model M or set RESCUE_MODEL');
    const batchSize = v['batch-size'] === undefined ? undefined : Number(v['batch-size']);
    if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 2)) throw new ConfigurationError('kb build: --batch-size must be an integer of at least 2');
    const { pairs, skipped } = await readPairs(at(v.pairs));
    const { createOpenAiChatClient } = await import('../../llm/openai-client.js');
    io.logger.info(`${pairs.length} pair(s) from ${v.pairs}${skipped.length ? `, ${skipped.length} skipped (${summarizeSkips(skipped)})` : ''}`);
    const { mined, report, sliceFallbacks } = await minePairs(pairs, {
      client: createOpenAiChatClient(endpoint),
      model,
      slicer: pdgSlicer,
      cache: directoryCache(at(v['cache-dir'] ?? DEFAULT_CACHE_DIR)),
      progress: createProgress(io.stderr),
      batchSize,
      pairsName: path.basename(v.pairs),
    });
    await fs.mkdir(minedDir, { recursive: true });
    for (const m of mined) await fs.writeFile(path.join(minedDir, `${m.cwe}.json`), serializeMined(m));
    if (sliceFallbacks.length) {
      io.logger.warning(`${sliceFallbacks.length} pair(s) kept their whole functions as slices: ${summarizeSkips(sliceFallbacks)}`);
    }
    io.stderr.write(`${formatReport(report)}\n`);
    io.logger.info(`wrote ${mined.length} mined CWE file(s) to ${path.relative(io.cwd, minedDir) || '.'}`);
    if (report.failures.length) status = EXIT_FINDINGS;
  }

  const embeddingsModel = v['embeddings-model'];
  // The openai SDK is loaded only when vectors are computed.
  const embeddings = embeddingsModel
    ? { model: embeddingsModel, embedder: (await import('../../llm/openai-client.js')).createOpenAiEmbedder({ ...endpointSettings(v['base-url'], io), model: embeddingsModel }) }
    : undefined;
  const result = await buildKnowledgeBase({
    sourcesDir,
    minedDir,
    previousDir: outDir,
    logger: io.logger,
    ...(embeddings && { embeddings }),
  });
  const rel = path.relative(io.cwd, outDir) || '.';
  if (result.sliceFallbacks.length && !v.check) {
    io.logger.info(`${result.sliceFallbacks.length} example version(s) not sliced, kept whole:`);
    for (const f of result.sliceFallbacks) io.logger.info(`  ${f.id} (${f.side}): ${f.reason}`);
  }
  if (v.check) {
    const differ = await diffBuild(outDir, result);
    if (differ.length) {
      io.stdout.write(`${rel} is out of date with the sources: ${differ.join(', ')}\nrun \`rescue kb build\` and commit ${rel}\n`);
      return EXIT_FINDINGS;
    }
    io.stdout.write(`${rel} is up to date\n`);
    return status;
  }
  await writeBuild(outDir, result);
  const c = result.manifest.counts;
  io.stdout.write(`built ${rel}: ${c.cwes} CWEs, ${c.guidelines} guidelines, ${c.rules} rules, ${c.examples} examples${result.manifest.embeddings ? `, ${result.manifest.embeddings.count} vectors (${result.manifest.embeddings.model})` : ''}\n`);
  return status;
}


function summarizeSkips(skipped: readonly { reason: string }[]): string {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).join('; ');
}

async function verify(args: readonly string[], io: CliIo): Promise<number> {
  const v = parse(args, { sources: { type: 'string' }, build: { type: 'string' }, mined: { type: 'string' } }, 'verify');
  const sourcesDir = path.resolve(io.cwd, v.sources ?? 'kb/sources');
  const report = await verifyKnowledgeBase({
    sourcesDir,
    buildDir: path.resolve(io.cwd, v.build ?? 'kb/build'),
    ...(v.mined && { minedDir: path.resolve(io.cwd, v.mined) }),
    rules: engineRuleChecker,
  });
  const { sources, rules, examples } = report.counts;
  const rel = (line: string) => line.split(`${io.cwd}${path.sep}`).join('');
  for (const p of report.problems) io.stdout.write(`${rel(p)}\n`);
  io.stdout.write(`kb verify: ${sources} source(s), ${rules} rule(s), ${examples} example(s): ${report.problems.length ? `${report.problems.length} problem(s)` : 'OK'}\n`);
  return report.problems.length ? EXIT_FINDINGS : EXIT_OK;
}

async function stats(args: readonly string[], io: CliIo): Promise<number> {
  const v = parse(args, { build: { type: 'string' }, format: { type: 'string' } }, 'stats');
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new ConfigurationError(`kb stats: --format must be text or json, not ${format}`);
  const kb = loadKnowledgeBase(v.build ? path.resolve(io.cwd, v.build) : undefined);
  const s = kbStats(kb.document);
  io.stdout.write(format === 'json' ? `${JSON.stringify(s, null, 2)}\n` : `${formatStats(s)}\n`);
  return EXIT_OK;
}
