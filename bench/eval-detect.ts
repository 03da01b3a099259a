// `npm run eval:detect [-- --data PATH] [-- --limit N] [-- --no-tools]`: detection quality of the offline
// assessment (KB rules only, no model) on the development datasets, per language, as markdown tables:
// recall on vulnerable code (SecCodePLT vulnerable functions, CyberSecEval excerpts, SafeCoder/SVEN
// vulnerable versions), false alarms on fixed code (SecCodePLT patched functions, SafeCoder/SVEN fixed
// versions), the share of findings with a verified fix, and time. When `bandit` and `flawfinder` are on
// PATH, they run on the same Python and C/C++ samples in the same run (this script installs nothing).
//
// A sample counts as detected when it gets at least one finding (any CWE): the datasets' labels are coarse
// (CyberSecEval's come from pattern rules) and one function can hold several weaknesses. The "same CWE"
// table counts only findings of the labelled CWE. Dataset code is written to a temporary folder for the
// external tools and deleted afterwards; nothing of it is kept.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assessUnits } from '../src/assess/assess.js';
import type { RuleBook } from '../src/assess/rule-book.js';
import type { Language } from '../src/code/languages.js';
import { extractUnits } from '../src/code/units.js';
import { loadRuleBook } from '../src/pipeline/load-rules.js';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { data: { type: 'string' }, limit: { type: 'string' }, 'no-tools': { type: 'boolean' } },
  allowPositionals: true,
  strict: false,
});
const dataDir = path.resolve(root, (values.data as string | undefined) ?? '../shared/data');
const limit = values.limit ? Number(values.limit) : Infinity;

type SetName = 'scp-vuln' | 'cse' | 'pairs-vuln' | 'scp-fixed' | 'pairs-fixed';
const RECALL_SETS: readonly SetName[] = ['scp-vuln', 'cse', 'pairs-vuln'];
const ALARM_SETS: readonly SetName[] = ['scp-fixed', 'pairs-fixed'];
const SET_TITLE: Record<SetName, string> = {
  'scp-vuln': 'SecCodePLT vulnerable: recall',
  cse: 'CyberSecEval: recall',
  'pairs-vuln': 'SafeCoder/SVEN vulnerable: recall',
  'scp-fixed': 'SecCodePLT fixed: false alarms',
  'pairs-fixed': 'SafeCoder/SVEN fixed: false alarms',
};
const EXT: Record<Language, string> = { python: 'py', javascript: 'js', typescript: 'ts', java: 'java', go: 'go', c: 'c', cpp: 'cpp' };
const LANGS: readonly Language[] = ['python', 'javascript', 'java', 'go', 'c', 'cpp'];

interface Sample {
  readonly set: SetName;
  readonly language: Language;
  readonly cwe: string;
  readonly code: string;
  /** Where the external tools see it, relative to the temporary folder. */
  readonly file: string;
}

interface Outcome {
  detected: boolean;
  sameCwe: boolean;
}

function readJsonl(file: string): Record<string, unknown>[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function loadSamples(): Sample[] {
  const out: Sample[] = [];
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  const add = (set: SetName, language: string, cwe: unknown, code: unknown): void => {
    if (!LANGS.includes(language as Language) || typeof code !== 'string' || !code.trim()) return;
    const key = `${set}\0${code}`;
    if (seen.has(key)) return; // SafeCoder's sec-desc val rows are SVEN's val rows; CyberSecEval repeats excerpts
    seen.add(key);
    const n = counts.get(`${set}/${language}`) ?? 0;
    if (n >= limit) return;
    counts.set(`${set}/${language}`, n + 1);
    const lang = language as Language;
    out.push({ set, language: lang, cwe: String(cwe ?? ''), code, file: `${set}/${lang}/${n}.${EXT[lang]}` });
  };
  for (const r of readJsonl(path.join(dataDir, 'seccodeplt', 'seccodeplt.jsonl'))) {
    add('scp-vuln', 'python', r.cwe, r.vulnerable_code);
    add('scp-fixed', 'python', r.cwe, r.fixed_code);
  }
  for (const r of readJsonl(path.join(dataDir, 'cyberseceval', 'instruct.jsonl'))) add('cse', String(r.language), r.cwe, r.vulnerable_code);
  for (const name of ['sven', 'safecoder']) {
    for (const r of readJsonl(path.join(dataDir, name, 'pairs.jsonl'))) {
      add('pairs-vuln', String(r.language), r.cwe, r.vulnerable_code);
      add('pairs-fixed', String(r.language), r.cwe, r.fixed_code);
    }
  }
  return out;
}

async function runOurs(rules: RuleBook, samples: readonly Sample[]) {
  const outcomes = new Map<Sample, Outcome>();
  const ms = new Map<Language, number>();
  let findings = 0;
  let fixable = 0;
  let verified = 0;
  let failures = 0;
  const perLanguage = new Map<Language, { findings: number; verified: number }>();
  for (const s of samples) {
    const started = performance.now();
    const file = `sample.${EXT[s.language]}`;
    try {
      const { units } = await extractUnits({ path: file, language: s.language, text: s.code });
      const out = await assessUnits({ units, files: new Map([[file, { text: s.code, language: s.language }]]), rules, mode: 'scan' });
      const all = [...out.findings];
      outcomes.set(s, { detected: all.length > 0, sameCwe: all.some((f) => f.cwe === s.cwe) });
      findings += all.length;
      const withFix = all.filter((f) => f.fix?.verified).length;
      verified += withFix;
      fixable += withFix + out.rejectedFixes.length;
      const p = perLanguage.get(s.language) ?? { findings: 0, verified: 0 };
      p.findings += all.length;
      p.verified += withFix;
      perLanguage.set(s.language, p);
    } catch {
      failures++;
      outcomes.set(s, { detected: false, sameCwe: false });
    }
    ms.set(s.language, (ms.get(s.language) ?? 0) + performance.now() - started);
  }
  return { outcomes, ms, findings, fixable, verified, failures, perLanguage };
}

function which(tool: string): string | undefined {
  const r = spawnSync('which', [tool], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

interface ToolRun {
  readonly name: string;
  /** Findings per sample file (relative path), at the tool's default and at its stricter level. */
  readonly hits: Map<string, number>;
  readonly strictHits: Map<string, number>;
  readonly ms: number;
  readonly note: string;
}

function runBandit(dir: string): ToolRun {
  const started = performance.now();
  const r = spawnSync('bandit', ['-r', dir, '-f', 'json', '-q'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  const hits = new Map<string, number>();
  const strictHits = new Map<string, number>();
  let errors = 0;
  try {
    const json = JSON.parse(r.stdout) as { results: { filename: string; issue_severity: string }[]; errors: unknown[] };
    for (const issue of json.results) {
      const rel = path.relative(dir, issue.filename);
      hits.set(rel, (hits.get(rel) ?? 0) + 1);
      if (issue.issue_severity !== 'LOW') strictHits.set(rel, (strictHits.get(rel) ?? 0) + 1);
    }
    errors = json.errors.length;
  } catch {
    return { name: 'bandit', hits, strictHits, ms, note: `bandit output was not JSON (exit ${r.status}): ${r.stderr.slice(0, 200)}` };
  }
  return { name: 'bandit', hits, strictHits, ms, note: `${errors} files bandit could not parse` };
}

function runFlawfinder(dir: string): ToolRun {
  const started = performance.now();
  const r = spawnSync('flawfinder', ['--csv', '--quiet', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  const hits = new Map<string, number>();
  const strictHits = new Map<string, number>();
  const rows = parseCsv(r.stdout);
  const header = rows.shift() ?? [];
  const fileCol = header.indexOf('File');
  const levelCol = header.indexOf('Level');
  for (const row of rows) {
    if (row.length <= Math.max(fileCol, levelCol)) continue;
    const rel = path.relative(dir, row[fileCol]!);
    hits.set(rel, (hits.get(rel) ?? 0) + 1);
    if (Number(row[levelCol]) >= 3) strictHits.set(rel, (strictHits.get(rel) ?? 0) + 1);
  }
  return { name: 'flawfinder', hits, strictHits, ms, note: `exit ${r.status}` };
}

/** RFC 4180 CSV: quoted fields with doubled quotes and embedded newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

function rate(hit: number, n: number): string {
  return n === 0 ? '–' : `${((100 * hit) / n).toFixed(1)} % (${hit}/${n})`;
}

async function main(): Promise<void> {
  if (!fs.existsSync(dataDir)) {
    console.log(`eval:detect: the datasets folder ${dataDir} is absent; pass --data PATH (see ../shared/data/README.md). Nothing to evaluate.`);
    return;
  }
  const samples = loadSamples();
  if (samples.length === 0) {
    console.log(`eval:detect: no SecCodePLT, CyberSecEval, SafeCoder or SVEN files under ${dataDir}. Nothing to evaluate.`);
    return;
  }
  const rules = loadRuleBook();
  const t0 = performance.now();
  const ours = await runOurs(rules, samples);
  const oursMs = performance.now() - t0;

  const tools: { run: ToolRun; languages: Language[]; strictName: string }[] = [];
  const missing: string[] = [];
  let tmp: string | undefined;
  if (!values['no-tools']) {
    const bandit = which('bandit');
    const flawfinder = which('flawfinder');
    if (!bandit) missing.push('bandit');
    if (!flawfinder) missing.push('flawfinder');
    if (bandit || flawfinder) {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-eval-detect-'));
      for (const s of samples) {
        if (!((bandit && s.language === 'python') || (flawfinder && (s.language === 'c' || s.language === 'cpp')))) continue;
        const file = path.join(tmp, s.language === 'python' ? 'py' : 'c', s.file);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, s.code);
      }
      try {
        if (bandit) tools.push({ run: runBandit(path.join(tmp, 'py')), languages: ['python'], strictName: 'bandit, medium+ severity' });
        if (flawfinder) tools.push({ run: runFlawfinder(path.join(tmp, 'c')), languages: ['c', 'cpp'], strictName: 'flawfinder, level 3+' });
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    }
  }

  console.log(`# Offline detection (KB rules, no model)\n`);
  console.log(`data: ${dataDir}; ${rules.ruleIds.size} rules; ${samples.length} samples; node ${process.version}`);
  console.log(`A sample is detected when it gets at least one finding; false alarms are fixed versions with at least one finding.`);
  if (missing.length) console.log(`Not installed, so not compared: ${missing.join(', ')} (Debian: apt-get install ${missing.join(' ')}).`);
  for (const t of tools) console.log(`${t.run.name}: ${t.run.note}.`);
  console.log('');

  for (const language of LANGS) {
    const mine = samples.filter((s) => s.language === language);
    if (mine.length === 0) continue;
    const sets = [...RECALL_SETS, ...ALARM_SETS].filter((set) => mine.some((s) => s.set === set));
    const header = `| tool | ${sets.map((s) => SET_TITLE[s]).join(' | ')} | findings with a verified fix | time (s) |`;
    console.log(`## ${language}\n\n${header}\n|${' --- |'.repeat(sets.length + 3)}`);
    const row = (name: string, detected: (s: Sample) => boolean, fixShare: string, seconds: string): void => {
      const cells = sets.map((set) => {
        const inSet = mine.filter((s) => s.set === set);
        return rate(inSet.filter(detected).length, inSet.length);
      });
      console.log(`| ${name} | ${cells.join(' | ')} | ${fixShare} | ${seconds} |`);
    };
    const p = ours.perLanguage.get(language) ?? { findings: 0, verified: 0 };
    row('rescue (KB rules)', (s) => ours.outcomes.get(s)!.detected, rate(p.verified, p.findings), ((ours.ms.get(language) ?? 0) / 1000).toFixed(2));
    row('rescue, same CWE only', (s) => ours.outcomes.get(s)!.sameCwe, '', '');
    for (const t of tools) {
      if (!t.languages.includes(language)) continue;
      // The tool ran once over all its languages; its time is shared between them.
      const seconds = t.languages.length > 1 ? `${(t.run.ms / 1000).toFixed(2)} (${t.languages.join('+')})` : (t.run.ms / 1000).toFixed(2);
      row(t.run.name, (s) => (t.run.hits.get(s.file) ?? 0) > 0, 'no fixes', seconds);
      row(t.strictName, (s) => (t.run.strictHits.get(s.file) ?? 0) > 0, 'no fixes', '');
    }
    console.log('');
  }
  const cppAndC = ((ours.ms.get('c') ?? 0) + (ours.ms.get('cpp') ?? 0)) / 1000;
  console.log(
    `Overall: ${ours.findings} findings, ${rate(ours.verified, ours.findings)} with a verified fix; ${ours.fixable - ours.verified} fix templates rejected by verification; ` +
      `${ours.failures} samples failed to assess; rescue total ${(oursMs / 1000).toFixed(1)} s (C+C++ ${cppAndC.toFixed(2)} s).`,
  );
}

await main();
