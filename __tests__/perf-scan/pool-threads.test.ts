// The scan over threads (this thread and worker threads, grammars kept on as few threads as possible)
// reports what a scan in one thread reports, whatever the number of workers and whichever thread scanned
// which file; a worker that fails to start, answers with an error or exits has its files scanned elsewhere,
// each counted once. Workers run from the TypeScript sources here (workers/source-worker.mjs registers
// tsx), so no build is needed; pool-dist.test.ts checks the bundle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { languageOf, type Grammar } from '../../src/code/languages.js';
import { silentLogger } from '../../src/logging/logger.js';
import { localFileSource } from '../../src/pipeline/local-source.js';
import { scanFiles } from '../../src/pipeline/scan-files.js';
import type { FileToScan } from '../../src/pipeline/scan-file.js';
import { balance, plan, planMore, take } from '../../src/pipeline/scan-plan.js';
import { walkFiles } from '../../src/pipeline/walk-files.js';
import { earlyWorkerCount, mayScanMany, releaseEarlyWorkers, startScanWorkersEarly, takeEarlyWorker } from '../../src/pipeline/scan-workers-early.js';
import { createRuleBook } from '../../src/assess/rule-book.js';
import { writeCorpus } from '../../bench/scenarios/scan-vs-bandit.js';
import { RecordingLogger } from '../../__fixtures__/recording-logger.js';
import { kbSourcesRuleBook } from '../assess/kb-book.js';

const entry = (name: string) => path.join(import.meta.dirname, 'workers', name);

describe('the plan', () => {
  const file = (p: string, bytes: number): FileToScan => ({ path: p, language: languageOf(p)!, text: 'x'.repeat(bytes) });
  const threads = (n: number) => Array.from({ length: n }, () => ({ queue: [] as { files: readonly number[]; grammar: Grammar; bytes: number }[], grammars: new Set<Grammar>() }));
  const grammarsOf = (t: ReturnType<typeof threads>[number]) => [...new Set(t.queue.map((c) => c.grammar))].sort();
  const filesOf = (t: ReturnType<typeof threads>[number]) => t.queue.flatMap((c) => c.files);

  test('whole grammars go to threads, largest first to the least loaded; chunks of 16 files of one grammar', () => {
    const texts: (FileToScan | undefined)[] = [
      ...Array.from({ length: 40 }, (_, i) => file(`a${i}.py`, 10_000)), // 400 KB
      ...Array.from({ length: 30 }, (_, i) => file(`b${i}.go`, 10_000)), // 300 KB
      ...Array.from({ length: 20 }, (_, i) => file(`c${i}.java`, 10_000)), // 200 KB
      undefined, // not read: in no chunk
      ...Array.from({ length: 10 }, (_, i) => file(`d${i}.c`, 10_000)), // 100 KB
    ];
    const t = threads(2);
    plan(texts, t);
    expect(t.map(grammarsOf)).toEqual([['c', 'python'], ['go', 'java']]);
    expect(filesOf(t[0]!).sort((a, b) => a - b)).toEqual([...Array.from({ length: 40 }, (_, i) => i), ...Array.from({ length: 10 }, (_, i) => 91 + i)]);
    for (const thread of t) for (const chunk of thread.queue) expect(chunk.files.length).toBeLessThanOrEqual(16);
    expect(t.flatMap(filesOf).sort((a, b) => a - b)).toEqual(texts.flatMap((f, i) => (f ? [i] : [])));
  });

  test("a grammar larger than a thread's share is cut into contiguous pieces, one per thread", () => {
    const texts = Array.from({ length: 300 }, (_, i) => file(`src/m${i}.ts`, 3_000 + (i % 7) * 100));
    const t = threads(3);
    plan(texts, t);
    for (const p of t.map(filesOf)) {
      expect(p.length).toBeGreaterThan(90);
      expect(p.length).toBeLessThan(110);
      expect(p).toEqual(Array.from({ length: p.length }, (_, k) => p[0]! + k)); // contiguous
    }
  });

  test('files read after the first plan go where their grammar is, new grammars to the thread with least queued', () => {
    const texts: (FileToScan | undefined)[] = [
      ...Array.from({ length: 20 }, (_, i) => file(`a${i}.py`, 5_000)),
      ...Array.from({ length: 10 }, (_, i) => file(`b${i}.go`, 10_000)),
    ];
    const t = threads(2);
    plan(texts, t);
    expect(t.map(grammarsOf)).toEqual([['python'], ['go']]);
    // Go's thread has scanned its queue; it has the grammar.
    t[1]!.grammars.add('go');
    t[1]!.queue.length = 0;
    texts.push(...Array.from({ length: 5 }, (_, i) => file(`c${i}.go`, 10_000)), undefined, ...Array.from({ length: 3 }, (_, i) => file(`d${i}.java`, 10_000)), file('e.py', 1_000));
    planMore(texts, 30, t);
    expect(filesOf(t[1]!)).toEqual([30, 31, 32, 33, 34, 36, 37, 38]); // go stays; java to the emptier thread
    expect(filesOf(t[0]!)).toEqual([...Array.from({ length: 20 }, (_, i) => i), 39]); // python stays
  });

  test('the balance improves on longest-processing-time-first by moves and swaps', () => {
    // LPT: 5 and 3 on one thread, 4, 3 and 3 on the other (8 and 10); a swap makes 9 and 9.
    const owner = balance([5, 4, 3, 3, 3], 2);
    const load = [0, 0];
    owner.forEach((t, k) => (load[t]! += [5, 4, 3, 3, 3][k]!));
    expect(load).toEqual([9, 9]);
    // The bench corpus' seven grammars (KB) plus the cost of a grammar: the best split there is.
    const costs = [1135, 1066, 1010, 943, 824, 805, 750].map((kb) => kb + 256);
    const loads = [0, 0];
    balance(costs, 2).forEach((t, k) => (loads[t]! += costs[k]!));
    let best = Infinity;
    for (let mask = 0; mask < 1 << costs.length; mask++) {
      const one = costs.reduce((n, c, k) => n + (mask & (1 << k) ? c : 0), 0);
      best = Math.min(best, Math.max(one, costs.reduce((a, b) => a + b) - one));
    }
    expect(Math.max(...loads)).toBe(best);
    expect(balance([7, 1], 3).sort()).toEqual([0, 1]);
  });

  test('an idle thread takes a grammar it has from the back of another queue; another grammar only when much is left', () => {
    const chunk = (grammar: Grammar, bytes: number, id: number) => ({ files: [id], grammar, bytes });
    const [a, b] = threads(2);
    b!.queue.push(chunk('go', 100_000, 1), chunk('python', 100_000, 2), chunk('go', 100_000, 3));
    expect(take([a!, b!], a!)).toBeUndefined(); // 300 KB of grammars `a` does not have: b finishes them sooner
    a!.grammars.add('python');
    expect(take([a!, b!], a!)).toEqual(chunk('python', 100_000, 2));
    b!.queue.push(...Array.from({ length: 10 }, (_, k) => chunk('java', 100_000, 10 + k)));
    expect(take([a!, b!], a!)).toEqual(chunk('java', 100_000, 19)); // 1.2 MB left: worth loading java
    a!.queue.push(chunk('c', 1, 99));
    expect(take([a!, b!], a!)).toEqual(chunk('c', 1, 99)); // its own queue first
  });
});

describe('scanning over threads', () => {
  let dir: string;
  let files: string[];
  let single: Awaited<ReturnType<typeof scanFiles>>;
  const book = () => createRuleBook(kbSourcesRuleBook().document!);
  const scan = (workers: number, workerEntry: string, logger = new RecordingLogger()) =>
    scanFiles({ paths: files, source: localFileSource(dir), logger, assessment: { rules: book() }, workers, workerEntry });
  const same = (result: Awaited<ReturnType<typeof scanFiles>>) => ({ ...result, stats: { ...result.stats, ms: 0 } });
  const report = (logger: RecordingLogger) => logger.lines.find((l) => l.message.startsWith('scanned over'))?.message;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-pool-threads-'));
    writeCorpus(dir, 180);
    fs.writeFileSync(path.join(dir, 'bad.py'), 'def broken(:\n    pass\n\ndef fine():\n    return 1\n');
    fs.writeFileSync(path.join(dir, 'blob.py'), Buffer.from([0, 1, 2, 3]));
    files = (await walkFiles(dir, ['.'])).files;
    single = await scanFiles({ paths: files, source: localFileSource(dir), logger: silentLogger, assessment: { rules: book() }, workers: 0 });
    expect(single.findings.length).toBeGreaterThan(20);
    expect(single.skipped.map((s) => s.reason)).toEqual(['binary']);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([1, 2, 3])('with %i worker(s) the result is the scan in one thread', async (workers) => {
    const logger = new RecordingLogger();
    const pooled = await scan(workers, entry('source-worker.mjs'), logger);
    expect(same(pooled)).toEqual(same(single));
    const line = report(logger)!;
    expect(line).toMatch(new RegExp(`^scanned over ${workers + 1} threads \\(0 failed\\): this thread \\d+ files`));
    const counts = [...line.matchAll(/(\d+) files of /g)].map((m) => Number(m[1]));
    expect(counts).toHaveLength(workers + 1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(files.length - 1); // all but the binary file, each once
    expect(Math.min(...counts)).toBeGreaterThan(0);
  }, 120_000);

  test('every file is read once', async () => {
    const reads = new Map<string, number>();
    const local = localFileSource(dir);
    const source = { read: async (p: string) => (reads.set(p, (reads.get(p) ?? 0) + 1), local.read(p)) };
    const pooled = await scanFiles({ paths: files, source, logger: silentLogger, assessment: { rules: book() }, workers: 1, workerEntry: entry('source-worker.mjs'), concurrency: 3 });
    expect(same(pooled)).toEqual(same(single));
    expect([...reads.keys()].sort()).toEqual([...files].sort());
    expect(Math.max(...reads.values())).toBe(1);
  }, 120_000);

  test('a worker started early (before the files are known) is the one the scan takes', async () => {
    startScanWorkersEarly(entry('source-worker.mjs'), 1);
    expect(earlyWorkerCount()).toBe(1);
    const logger = new RecordingLogger();
    const pooled = await scan(1, entry('source-worker.mjs'), logger);
    expect(same(pooled)).toEqual(same(single));
    expect(report(logger)).toMatch(/^scanned over 2 threads \(0 failed\)/);
    expect(earlyWorkerCount()).toBe(0);
  }, 120_000);

  test('workers started early that no scan takes are stopped: by a scan too small for them, or at the end', async () => {
    startScanWorkersEarly(entry('source-worker.mjs'), 2);
    const small = await scanFiles({ paths: files.slice(0, 5), source: localFileSource(dir), logger: silentLogger, assessment: { rules: book() } });
    expect(small.stats.files).toBeGreaterThan(0);
    expect(earlyWorkerCount()).toBe(0);
    startScanWorkersEarly(entry('source-worker.mjs'), 2);
    await scan(1, entry('source-worker.mjs'));
    expect(earlyWorkerCount()).toBe(1); // one taken; the command line releases the other
    await releaseEarlyWorkers();
    expect(earlyWorkerCount()).toBe(0);
    expect(takeEarlyWorker(entry('source-worker.mjs'))).toBeUndefined();
  }, 120_000);

  test('a worker started early that fails to start: its files are scanned here, once', async () => {
    startScanWorkersEarly(entry('fails-at-start.mjs'), 1);
    const logger = new RecordingLogger();
    const pooled = await scan(1, entry('fails-at-start.mjs'), logger);
    expect(same(pooled)).toEqual(same(single));
    expect(report(logger)).toMatch(/^scanned over 2 threads \(1 failed\)/);
    await releaseEarlyWorkers();
  }, 120_000);

  test('chunks a worker has not answered are taken back when this thread has nothing left; each file counts once', async () => {
    // One grammar, so that both threads have it: 160 Python files of the corpus' kinds.
    const pyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-pool-reclaim-'));
    try {
      const safe = (k: number) => `def total_${k}(items):\n    return sum(i.price for i in items)\n`;
      for (let k = 0; k < 160; k++) {
        const risky = `def archive_${k}(name):\n    subprocess.run("tar czf /tmp/out.tgz " + name, shell=True)\n`;
        fs.writeFileSync(path.join(pyDir, `m${k}.py`), ['import subprocess\n', safe(k), risky, safe(k + 1000)].join('\n\n'));
      }
      const paths = (await walkFiles(pyDir, ['.'])).files;
      const one = await scanFiles({ paths, source: localFileSource(pyDir), logger: silentLogger, assessment: { rules: book() }, workers: 0 });
      expect(one.findings.length).toBeGreaterThan(20);
      const logger = new RecordingLogger();
      const pooled = await scanFiles({ paths, source: localFileSource(pyDir), logger, assessment: { rules: book() }, workers: 1, workerEntry: entry('slow-replies.mjs') });
      expect(same(pooled)).toEqual(same(one));
      const line = report(logger)!;
      expect(line).toMatch(/^scanned over 2 threads \(0 failed\)/);
      expect(Number(/; (\d+) chunks? taken back from workers$/.exec(line)?.[1])).toBeGreaterThan(0);
      const counts = [...line.matchAll(/(\d+) files of /g)].map((m) => Number(m[1]));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(paths.length);
    } finally {
      fs.rmSync(pyDir, { recursive: true, force: true });
    }
  }, 120_000);

  test.each(['fails-at-start.mjs', 'errors-later.mjs', 'exits-later.mjs'])('a worker that %s: its files are scanned here, once', async (name) => {
    const logger = new RecordingLogger();
    const pooled = await scan(1, entry(name), logger);
    expect(same(pooled)).toEqual(same(single));
    expect(report(logger)).toMatch(/^scanned over 2 threads \(1 failed\)/);
  }, 120_000);
});

test('the command line starts scan workers early when the paths hold enough files in reviewed languages', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-may-scan-'));
  try {
    fs.mkdirSync(path.join(dir, 'small'));
    fs.mkdirSync(path.join(dir, 'big', 'deep'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'big', '.git'));
    for (let k = 0; k < 10; k++) fs.writeFileSync(path.join(dir, 'small', `m${k}.py`), 'x = 1\n');
    for (let k = 0; k < 100; k++) fs.writeFileSync(path.join(dir, 'big', `m${k}.ts`), 'x = 1\n');
    for (let k = 0; k < 100; k++) fs.writeFileSync(path.join(dir, 'big', 'deep', `m${k}.go`), 'x = 1\n');
    for (let k = 0; k < 300; k++) fs.writeFileSync(path.join(dir, 'big', `notes${k}.txt`), 'x\n');
    for (let k = 0; k < 300; k++) fs.writeFileSync(path.join(dir, 'big', '.git', `o${k}.py`), 'x\n');
    expect(mayScanMany(['big', '--format', 'json'], dir)).toBe(true);
    expect(mayScanMany(['.'], dir)).toBe(true);
    expect(mayScanMany(['small', '--format', 'json'], dir)).toBe(false);
    expect(mayScanMany(['big/deep', 'small'], dir)).toBe(false); // 110 files
    expect(mayScanMany(['small/m1.py', 'missing.py', '--format', 'json'], dir)).toBe(false);
    const many = Array.from({ length: 150 }, (_, k) => `m${k % 100}.ts`);
    expect(mayScanMany(many.map((f) => `big/${f}`), dir)).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
