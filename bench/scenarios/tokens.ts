// Input tokens of the judge request per security-relevant unit: the paper's slicing ablation. Over the
// SecCodePLT vulnerable functions (all Python), each function is a unit whose changed lines are the lines
// the fix deleted or edited; units that retrieval marks security-relevant get the judge request built
// twice: (a) the unit sliced around its changed lines + the sliced secure example (what the Action sends),
// (b) the whole unit + the whole secure version of the same example. Tokens are counted with o200k_base on
// the full request (system + user message + chat framing), as the input cap counts them. Runs from the
// bench runner or alone:  npx tsx bench/scenarios/tokens.ts [--data DIR] [--limit N]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { diffLines } from 'diff';
import { extractUnits } from '../../src/code/units.js';
import { buildUnitRequest } from '../../src/judge/request.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { countMessageTokens, loadTokenCounter } from '../../src/llm/tokens.js';
import { retrieveForUnit } from '../../src/retrieve/retrieve.js';

interface Item {
  readonly id: string;
  readonly cwe: string;
  readonly function_name: string;
  readonly description?: string;
  readonly vulnerable_code: string;
  readonly fixed_code: string;
}

/**
 * Lines (1-based) of `before` that the fix removed or changed; where the fix only inserted lines, the lines
 * on either side of the insertion (the vulnerable version's points of interest for a missing check).
 */
function changedLines(before: string, after: string): number[] {
  const out = new Set<number>();
  const total = before.split('\n').length;
  let line = 1;
  let prevRemoved = false;
  for (const part of diffLines(before, after)) {
    const n = part.count ?? part.value.split('\n').length - (part.value.endsWith('\n') ? 1 : 0);
    if (part.added) {
      if (!prevRemoved) for (const l of [line - 1, line]) if (l >= 1 && l <= total && before.split('\n')[l - 1]!.trim()) out.add(l);
      prevRemoved = false;
      continue;
    }
    if (part.removed) for (let i = 0; i < n; i++) out.add(line + i);
    prevRemoved = !!part.removed;
    line += n;
  }
  return [...out].sort((a, b) => a - b);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : 0;
};
const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

export async function tokensScenario(root: string, dataDir: string, opts: { limit?: number } = {}): Promise<Record<string, string | number>> {
  const file = path.join(dataDir, 'seccodeplt', 'seccodeplt.jsonl');
  if (!fs.existsSync(file)) return { data: `absent: ${file} not found; no figures (the scenario needs the SecCodePLT development data)` };
  const items = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Item).slice(0, opts.limit);
  const kb = loadKnowledgeBase(path.join(root, 'kb', 'build'));
  const count = await loadTokenCounter();
  const fit = { maxTokens: Number.MAX_SAFE_INTEGER, count: (m: Parameters<typeof countMessageTokens>[0]) => countMessageTokens(m, count) };
  const sliced: number[] = [];
  const whole: number[] = [];
  const slicedCode: number[] = [];
  const wholeCode: number[] = [];
  let scanLike = 0;
  const unitLinesShown: number[] = [];
  const unitLines: number[] = [];
  let noUnit = 0;
  let notRelevant = 0;
  let noExample = 0;
  const started = performance.now();
  for (const item of items) {
    const source = item.vulnerable_code;
    const changed = changedLines(source, item.fixed_code);
    const { units } = await extractUnits({ path: 'task.py', language: 'python', text: source, changedLines: changed.length ? changed : undefined });
    const unit = units.find((u) => u.name === item.function_name || u.name.endsWith(`.${item.function_name}`));
    if (!unit) {
      noUnit++;
      continue;
    }
    const retrieval = await retrieveForUnit(kb, { grammar: 'python', source, startLine: unit.startLine, endLine: unit.endLine, changedLines: unit.changedLines, description: item.description });
    if (!retrieval.relevant) {
      notRelevant++;
      continue;
    }
    if (!retrieval.examples.length) noExample++;
    const common = { unit, grammar: 'python' as const, redactedSource: source, retrieval, kb, pr: { body: item.description }, boundary: '0123456789abcdef' };
    const a = await buildUnitRequest({ ...common, slice: true, example: 'sliced' }, fit);
    const b = await buildUnitRequest({ ...common, slice: false, example: 'full' }, fit);
    if ('overCap' in a || 'overCap' in b) continue;
    sliced.push(a.tokens);
    whole.push(b.tokens);
    const codeTokens = (r: typeof a) => count(r.prompt.numberedCode) + (r.prompt.example ? count(r.prompt.example.code) : 0);
    slicedCode.push(codeTokens(a));
    wholeCode.push(codeTokens(b));
    if (!changed.length) scanLike++;
    unitLinesShown.push(a.shown.size);
    unitLines.push(unit.endLine - unit.startLine + 1);
  }
  const capped = (xs: number[]) => xs.filter((x) => x > 7000).length;
  return {
    'SecCodePLT items': items.length,
    'items without the named function as a unit': noUnit,
    'units not security-relevant (retrieval gate)': notRelevant,
    'security-relevant units measured': sliced.length,
    '… of which without a retrieved example': noExample,
    'unit lines shown, sliced (mean)': round(mean(unitLinesShown)),
    'unit lines, whole (mean)': round(mean(unitLines)),
    'input tokens per unit, sliced unit + sliced example (mean)': round(mean(sliced)),
    'input tokens per unit, sliced unit + sliced example (median)': median(sliced),
    'input tokens per unit, whole unit + whole example (mean)': round(mean(whole)),
    'input tokens per unit, whole unit + whole example (median)': median(whole),
    'ratio sliced / whole (means)': round(mean(sliced) / (mean(whole) || 1), 3),
    'reduction (1 - ratio)': `${round(100 * (1 - mean(sliced) / (mean(whole) || 1)))} %`,
    'code tokens only (unit + example), sliced (mean)': round(mean(slicedCode)),
    'code tokens only (unit + example), whole (mean)': round(mean(wholeCode)),
    'code-only ratio sliced / whole (means)': round(mean(slicedCode) / (mean(wholeCode) || 1), 3),
    'fixed part of every request (system prompt, guidelines, framing; mean)': round(mean(sliced) - mean(slicedCode)),
    'units whose fix left no point of interest (sent whole)': scanLike,
    'requests over 7,000 tokens (sliced / whole)': `${capped(sliced)} / ${capped(whole)}`,
    'wall time (s)': round((performance.now() - started) / 1000),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { data: { type: 'string' }, limit: { type: 'string' } }, allowPositionals: true, strict: false });
  const root = path.resolve(import.meta.dirname, '..', '..');
  const dataDir = path.resolve(root, (values.data as string | undefined) ?? '../shared/data');
  const figures = await tokensScenario(root, dataDir, { limit: values.limit ? Number(values.limit) : undefined });
  console.log('| measure | value |\n| --- | --- |');
  for (const [k, v] of Object.entries(figures)) console.log(`| ${k} | ${v} |`);
}
