import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { grammarOf, isLanguage, languageOf, LANGUAGES, type Language } from '../../code/languages.js';
import { extractUnits } from '../../code/units.js';
import { ConfigurationError } from '../../config/errors.js';
import { extractFacets, type UnitFacets } from '../../facets/extract.js';
import { loadKnowledgeBase } from '../../kb/load.js';
import type { CalibrationFile } from '../../retrieve/calibration.js';
import { retrieveForUnits, type Retrieval } from '../../retrieve/retrieve.js';
import { EXIT_OK, type CliCommand, type CliIo } from '../command.js';
import { endpointSettings } from '../endpoint.js';

const HELP = `Usage: rescue retrieve FILE [options]

Shows the hierarchical retrieval for each function of FILE: the ranked CWEs with each facet's score and
rank, and the chosen secure examples. A unit for which no facet clears its threshold is not
security-relevant and would not be sent to a model.

  --lang L                 the language (${LANGUAGES.join(', ')}); default from the file name
  --description TEXT       a pull-request or task description, used as search terms for the cause facet
  --unit NAME              only the unit of this name
  --line N                 only the unit that holds line N
  -k, --k N                CWEs kept (default 4)
  -f, --format F           text (default) or json
  --kb DIR                 a knowledge base build directory (default: the bundled one)
  --calibration FILE       facet thresholds (JSON, as written by bench/calibrate.ts) fitted for that KB;
                           default: the bundled calibration
  --embeddings-model M     embed the queries with M (dense facets; the KB needs vectors for M)
  --base-url URL           OpenAI-compatible endpoint for --embeddings-model (env OPENAI_BASE_URL; key in OPENAI_API_KEY)
  -v, --verbose            also print the facet queries (text format)

Exit codes: 0 done, 2 usage or configuration error.`;

const OPTIONS = {
  lang: { type: 'string' },
  description: { type: 'string' },
  unit: { type: 'string' },
  line: { type: 'string' },
  k: { type: 'string', short: 'k' },
  format: { type: 'string', short: 'f' },
  kb: { type: 'string' },
  calibration: { type: 'string' },
  'embeddings-model': { type: 'string' },
  'base-url': { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

/** One unit's retrieval as `rescue retrieve --format json` prints it. */
export interface UnitRetrievalJson extends Retrieval {
  readonly unit: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly query: { readonly apis: readonly string[]; readonly members: readonly string[]; readonly cause: string; readonly rules: readonly string[] };
}

export const retrieveCommand: CliCommand = {
  name: 'retrieve',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new ConfigurationError('retrieve needs exactly one FILE');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new ConfigurationError(`--format must be text or json; got "${format}"`);
    const k = values.k === undefined ? 4 : Number(values.k);
    if (!Number.isInteger(k) || k < 1) throw new ConfigurationError(`--k must be a positive integer; got "${values.k}"`);
    const line = values.line === undefined ? undefined : Number(values.line);
    if (line !== undefined && (!Number.isInteger(line) || line < 1)) throw new ConfigurationError(`--line must be a positive line number; got "${values.line}"`);
    const file = positionals[0]!;
    const language = languageFor(file, values.lang);
    let text: string;
    try {
      text = await fs.readFile(path.resolve(io.cwd, file), 'utf8');
    } catch (e) {
      throw new ConfigurationError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const kb = loadKnowledgeBase(values.kb ? path.resolve(io.cwd, values.kb) : undefined);
    const grammar = grammarOf(file, language);
    const { units } = await extractUnits({ path: file, language, text });
    const chosen = units.filter((u) => (values.unit === undefined || u.name === values.unit) && (line === undefined || (u.startLine <= line && line <= u.endLine)));
    // --line: the innermost unit that holds the line.
    const selected = line !== undefined && chosen.length > 1 ? [chosen.reduce((a, b) => (b.endLine - b.startLine < a.endLine - a.startLine ? b : a))] : chosen;
    if (selected.length === 0) throw new ConfigurationError(`no unit in ${file}${values.unit ? ` named ${values.unit}` : ''}${line ? ` at line ${line}` : ''}`);

    const facets: UnitFacets[] = [];
    for (const u of selected) {
      facets.push(await extractFacets({ kb, grammar, source: text, startLine: u.startLine, endLine: u.endLine, description: values.description, slice: false }));
    }
    const model = values['embeddings-model'];
    // The openai SDK is loaded only for dense facets.
    const embedder = model
      ? (await import('../../llm/openai-client.js')).createOpenAiEmbedder({ ...endpointSettings(values['base-url'], io, '--embeddings-model needs an endpoint'), model })
      : undefined;
    const calibration = values.calibration ? await readCalibration(path.resolve(io.cwd, values.calibration)) : undefined;
    const results = await retrieveForUnits(kb, facets.map((f) => ({ facets: f })), { k, embedder, embeddingModel: model, logger: io.logger, calibration });
    const out: UnitRetrievalJson[] = selected.map((u, i) => ({
      unit: u.name,
      startLine: u.startLine,
      endLine: u.endLine,
      ...results[i]!,
      query: { apis: facets[i]!.apis.calls, members: facets[i]!.apis.members, cause: facets[i]!.cause, rules: facets[i]!.rules.map((r) => r.ruleId) },
    }));
    io.stdout.write(format === 'json' ? `${JSON.stringify({ version: 1, path: file, language, units: out }, null, 2)}\n` : renderText(out, values.verbose ?? false));
    return EXIT_OK;
  },
};

async function readCalibration(file: string): Promise<CalibrationFile> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    throw new ConfigurationError(`--calibration ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const c = json as Partial<CalibrationFile> | null;
  const numbers = (o: unknown, keys: readonly string[]): boolean => !!o && keys.every((k) => typeof (o as Record<string, unknown>)[k] === 'number');
  if (c?.version !== 1 || !numbers(c.bm25?.cwe, ['cause', 'apis', 'code', 'rules']) || !numbers(c.bm25?.example, ['cause', 'apis', 'code']) || (c.bm25?.gate !== undefined && !numbers(c.bm25.gate, ['cause', 'apis', 'code', 'rules']))) {
    throw new ConfigurationError(`--calibration ${file}: not a calibration file (version 1 with bm25.cwe, bm25.example and optionally bm25.gate thresholds)`);
  }
  return { ...c, dense: c.dense ?? {} } as CalibrationFile;
}

function languageFor(file: string, flag: string | undefined): Language {
  if (flag !== undefined) {
    if (!isLanguage(flag)) throw new ConfigurationError(`--lang must be one of ${LANGUAGES.join(', ')}; got "${flag}"`);
    return flag;
  }
  const language = languageOf(file);
  if (!language) throw new ConfigurationError(`cannot tell the language of ${file}; pass --lang`);
  return language;
}


const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(4));

function renderText(units: readonly UnitRetrievalJson[], verbose: boolean): string {
  const lines: string[] = [];
  for (const u of units) {
    lines.push(`${u.unit} (lines ${u.startLine}-${u.endLine}): ${u.relevant ? 'security-relevant' : 'not security-relevant'}`);
    if (verbose) {
      lines.push(`  apis: ${u.query.apis.join(', ') || '-'}`);
      if (u.query.members.length) lines.push(`  members: ${u.query.members.join(', ')}`);
      lines.push(`  cause query: ${u.query.cause || '-'}`);
      if (u.query.rules.length) lines.push(`  rules: ${u.query.rules.join(', ')}`);
    }
    u.cwes.forEach((c, i) => {
      const facets = Object.entries(c.facets)
        .map(([name, f]) => `${name} ${num(f.score)} #${f.rank}${f.counted ? '' : ' (not counted)'}`)
        .join('; ');
      lines.push(`  ${i + 1}. ${c.cwe} ${c.name}  rrf ${num(c.score)}  [${facets}]`);
    });
    for (const e of u.examples) lines.push(`  example ${e.id} (${e.language}): ${e.title}  rrf ${num(e.score)}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
