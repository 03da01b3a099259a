// Development data for retrieval evaluation and calibration: SecCodePLT (task description + vulnerable and
// fixed Python function) and CyberSecEval instruct (prompt + vulnerable excerpt), with the CWE hierarchy
// of the MITRE catalogue to count a parent or child of the gold CWE as related. Used by
// bench/eval-retrieval.ts and bench/calibrate.ts; never by src/ or the tests.
import fs from 'node:fs';
import path from 'node:path';
import { extractUnits } from '../src/code/units.js';
import { isLanguage, type Grammar, type Language } from '../src/code/languages.js';
import { extractFacets, type UnitFacets } from '../src/facets/extract.js';
import type { KnowledgeBase } from '../src/kb/load.js';

export interface EvalItem {
  readonly id: string;
  readonly dataset: 'seccodeplt' | 'cyberseceval' | 'benign';
  readonly cwe: string;
  readonly language: Language;
  /** SecCodePLT has both; CyberSecEval only vulnerable; `benign`: code unrelated to security. */
  readonly variant: 'vulnerable' | 'fixed' | 'benign';
  readonly facets: UnitFacets;
}

export function requireData(dataDir: string): void {
  for (const f of ['seccodeplt/seccodeplt.jsonl', 'cyberseceval/instruct.jsonl', 'cwe_catalog/cwe_catalog.jsonl']) {
    if (!fs.existsSync(path.join(dataDir, f))) {
      console.error(`missing ${path.join(dataDir, f)}: pass --data DIR (the development data, default ../shared/data)`);
      process.exit(2);
    }
  }
}

function readJsonl<T>(file: string): T[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** Direct parent/child pairs of the catalogue (ChildOf in any view) and of the KB's `parents`. */
export function loadHierarchy(dataDir: string, kb: KnowledgeBase): (gold: string, got: string) => boolean {
  const edges = new Set<string>();
  const link = (child: string, parent: string): void => {
    edges.add(`${child}>${parent}`);
  };
  for (const row of readJsonl<{ cwe: string; related: { nature: string; cwe: string }[] }>(path.join(dataDir, 'cwe_catalog/cwe_catalog.jsonl'))) {
    for (const r of row.related) {
      if (r.nature === 'ChildOf') link(row.cwe, r.cwe);
      if (r.nature === 'ParentOf') link(r.cwe, row.cwe);
    }
  }
  for (const cwe of kb.cwes.values()) for (const p of cwe.parents) link(cwe.id, p);
  return (gold, got) => gold === got || edges.has(`${gold}>${got}`) || edges.has(`${got}>${gold}`);
}

/** A stable hash of an id, for the calibration/held-out split. */
export function splitOf(id: string, seed: number): 'cal' | 'held' {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % 2 === 0 ? 'cal' : 'held';
}

async function unitFacets(kb: KnowledgeBase, grammar: Grammar, source: string, functionName: string | undefined, description: string): Promise<UnitFacets> {
  let startLine: number | undefined;
  let endLine: number | undefined;
  if (functionName) {
    try {
      const { units } = await extractUnits({ path: `x.${grammar}`, language: grammar as Language, text: source });
      const unit = units.find((u) => u.name === functionName || u.name.endsWith(`.${functionName}`));
      if (unit) ({ startLine, endLine } = unit);
    } catch {
      // the whole source stands in
    }
  }
  return extractFacets({ kb, grammar, source, startLine, endLine, description, slice: false });
}

interface SecCodePltRow {
  id: string; cwe: string; function_name: string; description: string; context: string; arguments: string;
  return: string; raise: string; vulnerable_code: string; fixed_code: string;
}

interface CyberRow { id: string; cwe: string; language: string; prompt: string; vulnerable_code: string }

/** The task description without the security policy or rule (those state the answer). */
function taskDescription(r: SecCodePltRow): string {
  return [r.description, r.context, r.arguments, r.return, r.raise].filter(Boolean).join('\n');
}

export async function loadItems(kb: KnowledgeBase, dataDir: string, opts: { limit?: number; log?: (s: string) => void } = {}): Promise<{ items: EvalItem[]; skipped: Record<string, number> }> {
  const items: EvalItem[] = [];
  const skipped: Record<string, number> = {};
  const scp = readJsonl<SecCodePltRow>(path.join(dataDir, 'seccodeplt/seccodeplt.jsonl')).slice(0, opts.limit);
  for (const r of scp) {
    const description = taskDescription(r);
    for (const variant of ['vulnerable', 'fixed'] as const) {
      const source = variant === 'vulnerable' ? r.vulnerable_code : r.fixed_code;
      items.push({ id: r.id, dataset: 'seccodeplt', cwe: r.cwe, language: 'python', variant, facets: await unitFacets(kb, 'python', source, r.function_name, description) });
    }
  }
  opts.log?.(`seccodeplt: ${scp.length} tasks`);
  const cyber = readJsonl<CyberRow>(path.join(dataDir, 'cyberseceval/instruct.jsonl')).slice(0, opts.limit);
  for (const r of cyber) {
    if (!isLanguage(r.language)) {
      skipped[r.language] = (skipped[r.language] ?? 0) + 1;
      continue;
    }
    const prompt = r.prompt.replace(/only return the code.*$/is, '');
    items.push({ id: r.id, dataset: 'cyberseceval', cwe: r.cwe, language: r.language, variant: 'vulnerable', facets: await unitFacets(kb, r.language, r.vulnerable_code, undefined, prompt) });
  }
  opts.log?.(`cyberseceval instruct: ${cyber.length} rows, skipped (language not reviewed): ${JSON.stringify(skipped)}`);
  return { items, skipped };
}

/**
 * Security-irrelevant units, the gate's true negatives (the development data has none: even SecCodePLT's
 * fixed functions handle commands, paths and secrets). Functions of Python standard-library modules and
 * npm packages that compute, format or parse without touching files, processes, networks or secrets,
 * read from this machine (the Python installation and the project's node_modules), at most `perLanguage`
 * per language, every n-th unit so the sample spreads over the files.
 */
const BENIGN_PYTHON = ['textwrap', 'statistics', 'fractions', 'calendar', 'colorsys', 'difflib', 'heapq', 'bisect', 'pprint', 'reprlib', 'graphlib', 'dataclasses', 'string', 'numbers', 'enum', 'functools', 'operator', 'copy'];
const BENIGN_JS = ['color-convert/conversions.js', 'camelcase/index.js', 'diff/lib/index.js', 'balanced-match/index.js', 'brace-expansion/index.js', 'fill-range/index.js', 'ansi-styles/index.js', 'fast-deep-equal/index.js', 'escape-string-regexp/index.js', 'detect-newline/index.js', 'dedent/dist/dedent.js', 'argparse/argparse.js'];

export async function loadBenign(kb: KnowledgeBase, root: string, perLanguage = 200): Promise<EvalItem[]> {
  const pyDir = fs.readdirSync('/usr/lib').filter((d) => /^python3\.\d+$/.test(d)).sort().map((d) => path.join('/usr/lib', d))[0];
  const files: { language: Language; file: string }[] = [
    ...(pyDir ? BENIGN_PYTHON.map((m) => ({ language: 'python' as const, file: path.join(pyDir, `${m}.py`) })) : []),
    ...BENIGN_JS.map((f) => ({ language: 'javascript' as const, file: path.join(root, 'node_modules', f) })),
  ].filter((f) => fs.existsSync(f.file));
  const items: EvalItem[] = [];
  for (const language of ['python', 'javascript'] as const) {
    const units: { id: string; text: string; startLine: number; endLine: number }[] = [];
    for (const f of files.filter((x) => x.language === language)) {
      const text = fs.readFileSync(f.file, 'utf8');
      const { units: found } = await extractUnits({ path: f.file, language, text });
      for (const u of found) if (u.kind !== 'module' && u.endLine - u.startLine >= 2) units.push({ id: `${path.basename(f.file)}:${u.name}`, text, startLine: u.startLine, endLine: u.endLine });
    }
    const step = Math.max(1, Math.floor(units.length / perLanguage));
    for (let i = 0; i < units.length && items.filter((x) => x.language === language).length < perLanguage; i += step) {
      const u = units[i]!;
      items.push({
        id: `benign/${language}/${u.id}`, dataset: 'benign', cwe: '-', language, variant: 'benign',
        facets: await extractFacets({ kb, grammar: language, source: u.text, startLine: u.startLine, endLine: u.endLine, slice: false }),
      });
    }
  }
  return items;
}
