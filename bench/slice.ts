/**
 * Benchmark of security-focused slicing on real vulnerability fixes (SafeCoder and SVEN pairs).
 *
 *   npx tsx bench/slice.ts [--data ../shared/data] [--h 2] [--no-enclosing] [--limit N] [--show ID] [--no-timing]
 *
 * Prints, per language and overall (markdown): pairs, average lines before/after on both sides, the
 * reduction, the share of deleted/added lines kept, the share of pairs that could not be sliced, and
 * time per pair; then the time to slice generated 2,000-line functions. Exits 0 with a message when the
 * data is absent: the data is not part of the project.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLanguage, LANGUAGES, type Language } from '../src/code/languages.js';
import { sliceUnit, slicePair, type Slice } from '../src/slice/index.js';
import { alignLines, splitLines } from '../src/slice/pair.js';

interface Pair {
  id: string;
  language: string;
  vulnerable_code: string;
  fixed_code: string;
  deleted_lines: string[];
  added_lines: string[];
}

interface Stats {
  pairs: number;
  beforeV: number;
  afterV: number;
  beforeS: number;
  afterS: number;
  pois: number;
  poisKept: number;
  unsliceable: number;
  parseErrors: number;
  ms: number;
  maxMs: number;
}

const newStats = (): Stats => ({
  pairs: 0,
  beforeV: 0,
  afterV: 0,
  beforeS: 0,
  afterS: 0,
  pois: 0,
  poisKept: 0,
  unsliceable: 0,
  parseErrors: 0,
  ms: 0,
  maxMs: 0,
});

interface Args {
  data: string;
  hops: number;
  enclosing: boolean;
  limit: number;
  timing: boolean;
  show?: string;
}

function parseArgs(argv: string[]): Args {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  let data = path.resolve(repoRoot, '../shared/data');
  let hops = 2;
  let enclosing = true;
  let limit = Infinity;
  let show: string | undefined;
  let timing = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--data') data = path.resolve(value());
    else if (a === '--h' || a === '--hops') hops = Number(value());
    else if (a === '--no-enclosing') enclosing = false;
    else if (a === '--limit') limit = Number(value());
    else if (a === '--show') show = value();
    else if (a === '--no-timing') timing = false;
    else usage(`unknown argument ${a}`);
  }
  if (!Number.isInteger(hops) || hops < 0) usage('--h must be a non-negative integer');
  return show === undefined ? { data, hops, enclosing, limit, timing } : { data, hops, enclosing, limit, timing, show };
}

function usage(message: string): never {
  console.error(`${message}\nusage: bench/slice.ts [--data PATH] [--h N] [--no-enclosing] [--limit N] [--show ID] [--no-timing]`);
  process.exit(2);
}

/**
 * Line numbers of the given line texts. The data lists deleted/added lines as text; prefer lines our own
 * diff also sees as changed, then any unused line with that text.
 */
function locate(lines: readonly string[], texts: readonly string[], changed: ReadonlySet<number>): number[] {
  const used = new Set<number>();
  for (const text of texts) {
    const want = text.replace(/\r$/, '');
    let hit = -1;
    for (let pass = 0; pass < 3 && hit === -1; pass++) {
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        const same = pass < 2 ? line === want : line.trim() === want.trim();
        if (same && !used.has(i + 1) && (pass > 0 || changed.has(i + 1))) {
          hit = i + 1;
          break;
        }
      }
    }
    if (hit !== -1) used.add(hit);
  }
  return [...used].sort((a, b) => a - b);
}

function readPairs(file: string): Pair[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Pair);
}

function codeLines(slice: Slice): number {
  return slice.lines.length;
}

const pct = (x: number, of: number): string => (of ? `${((100 * x) / of).toFixed(1)} %` : '-');
const avg = (x: number, of: number): string => (of ? (x / of).toFixed(1) : '-');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = [path.join(args.data, 'safecoder', 'pairs.jsonl'), path.join(args.data, 'sven', 'pairs.jsonl')];
  const present = files.filter((f) => fs.existsSync(f));
  if (!present.length) {
    console.log(`No pair data found under ${args.data} (expected safecoder/pairs.jsonl and sven/pairs.jsonl); nothing to measure.`);
    console.log('The data is not part of the project: pass --data PATH to a copy of it.');
    if (args.timing) await timing();
    return;
  }
  for (const f of files) if (!present.includes(f)) console.log(`note: ${f} is missing; measuring the rest`);

  const byLanguage = new Map<Language, Stats>();
  const total = newStats();
  const skipped = new Map<string, number>();
  const failures: string[] = [];
  let seen = 0;
  for (const file of present) {
    for (const pair of readPairs(file)) {
      if (seen++ >= args.limit) break;
      if (args.show !== undefined && args.show !== pair.id) continue;
      if (!isLanguage(pair.language)) {
        skipped.set(pair.language, (skipped.get(pair.language) ?? 0) + 1);
        continue;
      }
      const language = pair.language;
      const stats = byLanguage.get(language) ?? newStats();
      byLanguage.set(language, stats);
      const v = splitLines(pair.vulnerable_code);
      const s = splitLines(pair.fixed_code);
      const alignment = alignLines(pair.vulnerable_code, pair.fixed_code);
      const subLine = !pair.deleted_lines.length && !pair.added_lines.length;
      const deletedLines = subLine ? [...alignment.deleted] : locate(v, pair.deleted_lines, new Set(alignment.deleted));
      const addedLines = subLine ? [...alignment.added] : locate(s, pair.added_lines, new Set(alignment.added));
      const t0 = performance.now();
      let result: { vulnerable: Slice; secure: Slice };
      try {
        result = await slicePair({ language, vulnerable: pair.vulnerable_code, secure: pair.fixed_code, deletedLines, addedLines, hops: args.hops, enclosing: args.enclosing });
      } catch (error) {
        failures.push(`${pair.id}: ${error instanceof Error ? error.message : String(error)}`);
        for (const st of [stats, total]) {
          st.pairs++;
          st.unsliceable++;
        }
        continue;
      }
      const ms = performance.now() - t0;
      if (args.show === pair.id) {
        console.log(`--- ${pair.id} vulnerable (points of interest ${deletedLines.join(',')})\n${result.vulnerable.text}`);
        console.log(`--- ${pair.id} secure (points of interest ${addedLines.join(',')})\n${result.secure.text}\n`);
      }
      if (process.env.SLICE_BENCH_TRACE) console.error(`${pair.id}\t${language}\t${result.vulnerable.totalLines}\t${result.vulnerable.lines.length}\t${deletedLines.length}\t${result.secure.totalLines}\t${result.secure.lines.length}\t${addedLines.length}`);
      const keptV = new Set(result.vulnerable.lines);
      const keptS = new Set(result.secure.lines);
      const kept = deletedLines.filter((l) => keptV.has(l)).length + addedLines.filter((l) => keptS.has(l)).length;
      const failed = result.vulnerable.fallback !== undefined || result.secure.fallback !== undefined;
      if (failed) failures.push(`${pair.id}: ${result.vulnerable.fallback ?? result.secure.fallback}`);
      for (const st of [stats, total]) {
        st.pairs++;
        st.beforeV += result.vulnerable.totalLines;
        st.beforeS += result.secure.totalLines;
        st.afterV += codeLines(result.vulnerable);
        st.afterS += codeLines(result.secure);
        st.pois += deletedLines.length + addedLines.length;
        st.poisKept += kept;
        st.unsliceable += failed ? 1 : 0;
        st.parseErrors += result.vulnerable.parseErrors || result.secure.parseErrors ? 1 : 0;
        st.ms += ms;
        st.maxMs = Math.max(st.maxMs, ms);
      }
    }
  }

  console.log(`Slicing ${total.pairs} vulnerability fixes (${present.map((f) => path.relative(args.data, f)).join(', ')}), h = ${args.hops}${args.enclosing ? '' : ', no enclosing headers'}\n`);
  console.log('| language | pairs | vulnerable lines before → after | secure lines before → after | reduction | deleted/added lines kept | not sliced | parse errors | ms/pair (max) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const row = (name: string, st: Stats): void => {
    const reduction = 1 - (st.afterV + st.afterS) / (st.beforeV + st.beforeS);
    console.log(
      `| ${name} | ${st.pairs} | ${avg(st.beforeV, st.pairs)} → ${avg(st.afterV, st.pairs)} | ${avg(st.beforeS, st.pairs)} → ${avg(st.afterS, st.pairs)} | ${st.pairs ? (100 * reduction).toFixed(1) + ' %' : '-'} | ${pct(st.poisKept, st.pois)} | ${pct(st.unsliceable, st.pairs)} | ${pct(st.parseErrors, st.pairs)} | ${avg(st.ms, st.pairs)} (${st.maxMs.toFixed(0)}) |`,
    );
  };
  for (const language of LANGUAGES) {
    const st = byLanguage.get(language);
    if (st) row(language, st);
  }
  row('**all**', total);
  for (const [language, count] of skipped) console.log(`\nNot applicable: ${count} ${language} pairs (no ${language} grammar; RESCUE reviews ${LANGUAGES.join(', ')}).`);
  if (failures.length) console.log(`\nNot sliced:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  if (args.timing) await timing();
}

/**
 * Generated 2,000-line functions: the slicer must handle one in under 50 ms. Wall time on a shared box
 * includes waiting for the CPU; CPU time (user + system of this single-threaded process) does not.
 */
async function timing(): Promise<void> {
  console.log('\n| generated 2,000-line function | median wall ms (parse + PDG + slice) | median CPU ms | max wall ms |');
  console.log('|---|---:|---:|---:|');
  for (const [grammar, source] of Object.entries(generated())) {
    const lines = source.split('\n').length;
    const pois = [Math.floor(lines / 3), Math.floor(lines / 2), lines - 5];
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 14; i++) {
      // A fresh source each run (a trailing comment), so the parse cache cannot hide the parse.
      const text = `${source}\n${grammar === 'python' ? '#' : '//'} run ${i}`;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await sliceUnit({ grammar: grammar as Language, source: text, endLine: lines, pointsOfInterest: pois });
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const median = (xs: number[]): number => [...xs.slice(4)].sort((a, b) => a - b)[Math.floor((xs.length - 4) / 2)]!;
    console.log(`| ${grammar} (${lines} lines) | ${median(wall).toFixed(1)} | ${median(cpu).toFixed(1)} | ${Math.max(...wall.slice(4)).toFixed(1)} |`);
  }
}

/** A function of exactly 2,000 lines: whole blocks (so it parses cleanly), padded with assignments. */
function build(head: string[], block: (i: number) => string[], pad: string, tail: string[]): string {
  const lines = [...head];
  for (let i = 0; ; i++) {
    const next = block(i);
    if (lines.length + next.length + tail.length > 2000) break;
    lines.push(...next);
  }
  while (lines.length + tail.length < 2000) lines.push(pad);
  return lines.concat(tail).join('\n');
}

function generated(): Record<string, string> {
  const c = build(
    ['int f(int n, char *buf, size_t len) {', '  int a = 0, b = 1;', '  char tmp[64];'],
    (i) => [`  if (a > ${i} && len > (size_t)b) {`, `    b = b + a * ${i};`, `    memcpy(tmp, buf + b, sizeof(tmp));`, '  } else {', `    a = g${i % 7}(b, tmp);`, '  }', `  for (int i = 0; i < n; i++) a += buf[i] ^ ${i};`, `  if (a < 0) return -${i};`],
    '  a = a + b;',
    ['  return a;', '}'],
  );
  const js = build(
    ['function f(n, buf, len) {', '  let a = 0, b = 1, tmp;'],
    (i) => [`  if (a > ${i} && len > b) {`, `    b = b + a * ${i};`, `    tmp = buf.slice(b, b + 64);`, '  } else {', `    a = g${i % 7}(b, tmp);`, '  }', `  for (let i = 0; i < n; i++) a += buf[i] ^ ${i};`, `  if (a < 0) return -${i};`],
    '  a = a + b;',
    ['  return a;', '}'],
  );
  return {
    c,
    cpp: c,
    python: build(
      ['def f(n, buf, length):', '    a = 0', '    b = 1'],
      (i) => [`    if a > ${i} and length > b:`, `        b = b + a * ${i}`, `        tmp = buf[b:b + 64]`, '    else:', `        a = g${i % 7}(b, tmp)`, `    for i in range(n):`, `        a += buf[i] ^ ${i}`, `    if a < 0:`, `        return -${i}`],
      '    a = a + b',
      ['    return a'],
    ),
    javascript: js,
    typescript: js,
    go: build(
      ['func f(n int, buf []byte) (int, error) {', '\ta, b := 0, 1'],
      (i) => [`\tif a > ${i} && len(buf) > b {`, `\t\tb = b + a*${i}`, `\t\ttmp := buf[b : b+64]`, `\t\ta, err := g${i % 7}(b, tmp)`, '\t\tif err != nil {', '\t\t\treturn 0, err', '\t\t}', '\t}', `\tfor i := 0; i < n; i++ {`, `\t\ta += int(buf[i]) ^ ${i}`, '\t}'],
      '\ta = a + b',
      ['\treturn a, nil', '}'],
    ),
    java: build(
      ['int f(int n, byte[] buf) throws IOException {', '  int a = 0, b = 1;'],
      (i) => [`  if (a > ${i} && buf.length > b) {`, `    b = b + a * ${i};`, `    byte[] tmp = Arrays.copyOfRange(buf, b, b + 64);`, `    a = g${i % 7}(b, tmp);`, '  }', `  for (int i = 0; i < n; i++) a += buf[i] ^ ${i};`, `  if (a < 0) throw new IOException("x" + ${i});`],
      '  a = a + b;',
      ['  return a;', '}'],
    ),
  };
}

await main();
