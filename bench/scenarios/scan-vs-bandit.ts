import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/logging/logger.js';
import { localFileSource } from '../../src/pipeline/local-source.js';
import { loadRuleBook } from '../../src/pipeline/load-rules.js';
import { scanFiles } from '../../src/pipeline/scan-files.js';
import { walkFiles } from '../../src/pipeline/walk-files.js';

/**
 * Scenario: `rescue scan` over 2,000 generated files in the 7 languages (about 290 Python files), against
 * `bandit -r` over the same folder (bandit reads only the Python files), in the same run. Each file holds
 * ordinary functions and a few insecure calls of the kinds both tools know (shell commands, SQL built from
 * strings, yaml.load, disabled certificate checks), so both have findings to report.
 *
 * Measured REPEATS times, interleaved (CLI, bandit, in-process) so that load from other processes on the
 * machine falls on all three alike; medians are reported, with each tool's CPU time (user + system, from
 * /usr/bin/time when present; for in-process, this process's CPU time, which includes its garbage collector's
 * threads) beside its wall time, and the load average before and after, since the machine may be shared.
 * The CLI is dist/cli.js as users run it: a fresh process, the bundled KB, worker threads, JSON written to
 * a file. In-process is scanFiles from source in this process, in one thread (workers start only from the
 * bundle), with the rule book built once before: its first run compiles the queries, the others reuse them.
 */
const REPEATS = 3;

export async function scanVsBandit(root: string): Promise<Record<string, string | number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-scan-bench-'));
  try {
    const files = writeCorpus(dir, 2000);
    const pythonFiles = files.filter((f) => f.endsWith('.py')).length;
    const lines = files.reduce((n, f) => n + fs.readFileSync(path.join(dir, f), 'utf8').split('\n').length, 0);
    const haveBandit = spawnSync('which', ['bandit']).status === 0;
    const version = haveBandit ? execFileSync('bandit', ['--version'], { encoding: 'utf8' }).split('\n')[0] : undefined;
    const output = path.join(os.tmpdir(), `rescue-scan-bench-${process.pid}.json`);

    const loadAtStart = os.loadavg()[0]!;
    const rules = loadRuleBook();
    const cli: Timed[] = [];
    const bandit: Timed[] = [];
    const inProcess: number[] = [];
    const inProcessCpu: number[] = [];
    let result: Awaited<ReturnType<typeof scanFiles>> | undefined;
    let cliStatus = -1;
    let issues: number | string = 'not run';
    for (let i = 0; i < REPEATS; i++) {
      const run = timed(process.execPath, [path.join(root, 'dist/cli.js'), 'scan', '.', '--format', 'json', '--output', output, '--quiet'], dir);
      cliStatus = run.status;
      cli.push(run);
      if (haveBandit) {
        const b = timed('bandit', ['-r', dir, '-f', 'json', '-q'], dir);
        bandit.push(b);
        try {
          issues = (JSON.parse(b.stdout) as { results: unknown[] }).results.length;
        } catch {
          issues = `unreadable output (exit ${b.status})`;
        }
      }
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const walked = await walkFiles(dir, ['.']);
      result = await scanFiles({ paths: walked.files, source: localFileSource(dir, { confine: false }), logger: silentLogger, assessment: { rules }, workers: 0 });
      inProcess.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      inProcessCpu.push((c.user + c.system) / 1000);
    }
    const cliFindings = (JSON.parse(fs.readFileSync(output, 'utf8')) as { findings: unknown[] }).findings.length;
    fs.rmSync(output, { force: true });
    const s = (ms: number): number => +(ms / 1000).toFixed(2);
    const list = (ms: readonly number[]): string => ms.map((m) => s(m).toFixed(2)).join(', ');
    const cliWall = median(cli.map((r) => r.wallMs));
    const figures: Record<string, string | number> = {
      files: files.length,
      'Python files among them': pythonFiles,
      lines,
      units: result!.units.length,
      'files no rule could match (not parsed)': result!.stats.filesWithoutCandidateRules ?? 0,
      'rescue findings': result!.findings.length,
      'rescue findings, CLI process': cliFindings,
      'rescue verified fixes': result!.findings.filter((f) => f.fix?.verified).length,
      'load average at the start (1 min)': +loadAtStart.toFixed(2),
      'load average at the end (1 min)': +os.loadavg()[0]!.toFixed(2),
      cores: os.availableParallelism(),
      'rescue scan CLI process, exit code': cliStatus,
      'rescue scan CLI process, median wall (s)': s(cliWall),
      'rescue scan CLI process, runs (s)': list(cli.map((r) => r.wallMs)),
      'rescue scan CLI process, median CPU (s)': cpu(cli),
      'rescue scan in-process, one thread, median wall (s)': s(median(inProcess)),
      'rescue scan in-process, runs (s)': list(inProcess),
      'rescue scan in-process, median CPU (s)': s(median(inProcessCpu)),
    };
    if (!haveBandit) return { ...figures, 'bandit -r (s)': 'bandit not installed (apt-get install bandit)' };
    const banditWall = median(bandit.map((r) => r.wallMs));
    return {
      ...figures,
      'bandit version': version ?? '',
      'bandit -r over the folder, median wall (s)': s(banditWall),
      'bandit -r, runs (s)': list(bandit.map((r) => r.wallMs)),
      'bandit -r, median CPU (s)': cpu(bandit),
      'bandit issues': issues,
      'rescue CLI process / bandit, median wall': +(cliWall / banditWall).toFixed(2),
      'rescue in-process / bandit, median wall': +(median(inProcess) / banditWall).toFixed(2),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Timed {
  readonly wallMs: number;
  /** User + system seconds, when /usr/bin/time could report them. */
  readonly cpuS?: number;
  readonly status: number;
  readonly stdout: string;
}

const TIME = '/usr/bin/time';

/** Runs a command to completion; wall time, and CPU time through /usr/bin/time (to a file: stderr is the tool's). */
function timed(command: string, args: readonly string[], cwd: string): Timed {
  const useTime = fs.existsSync(TIME);
  const cpuFile = path.join(os.tmpdir(), `rescue-bench-time-${process.pid}`);
  const [cmd, argv] = useTime ? [TIME, ['-o', cpuFile, '-f', '%U %S', command, ...args]] : [command, [...args]];
  const t = performance.now();
  const run = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - t;
  let cpuS: number | undefined;
  if (useTime) {
    const m = /([\d.]+) ([\d.]+)\s*$/.exec(fs.readFileSync(cpuFile, 'utf8'));
    if (m) cpuS = Number(m[1]) + Number(m[2]);
    fs.rmSync(cpuFile, { force: true });
  }
  return { wallMs, cpuS, status: run.status ?? -1, stdout: run.stdout };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function cpu(runs: readonly Timed[]): number | string {
  const values = runs.map((r) => r.cpuS).filter((v): v is number => v !== undefined);
  return values.length === runs.length ? +median(values).toFixed(2) : 'no /usr/bin/time';
}

type Gen = (i: number) => string;

const SAFE: Record<string, Gen> = {
  py: (i) => `def total_${i}(items, rate):\n    subtotal = 0\n    for item in items:\n        subtotal += item.price * item.qty\n    if subtotal > ${i}:\n        subtotal -= subtotal * rate\n    return round(subtotal, 2)\n`,
  js: (i) => `function total${i}(items, rate) {\n  let subtotal = 0;\n  for (const item of items) {\n    subtotal += item.price * item.qty;\n  }\n  if (subtotal > ${i}) subtotal -= subtotal * rate;\n  return Math.round(subtotal * 100) / 100;\n}\n`,
  ts: (i) => `export function total${i}(items: { price: number; qty: number }[], rate: number): number {\n  let subtotal = 0;\n  for (const item of items) {\n    subtotal += item.price * item.qty;\n  }\n  if (subtotal > ${i}) subtotal -= subtotal * rate;\n  return Math.round(subtotal * 100) / 100;\n}\n`,
  java: (i) => `    static double total${i}(double[] prices, int[] qty, double rate) {\n        double subtotal = 0;\n        for (int k = 0; k < prices.length; k++) {\n            subtotal += prices[k] * qty[k];\n        }\n        if (subtotal > ${i}) subtotal -= subtotal * rate;\n        return Math.round(subtotal * 100) / 100.0;\n    }\n`,
  go: (i) => `func Total${i}(prices []float64, qty []int, rate float64) float64 {\n\tsubtotal := 0.0\n\tfor k := range prices {\n\t\tsubtotal += prices[k] * float64(qty[k])\n\t}\n\tif subtotal > ${i} {\n\t\tsubtotal -= subtotal * rate\n\t}\n\treturn subtotal\n}\n`,
  c: (i) => `double total_${i}(const double *prices, const int *qty, size_t n, double rate)\n{\n    double subtotal = 0;\n    for (size_t k = 0; k < n; k++)\n        subtotal += prices[k] * qty[k];\n    if (subtotal > ${i})\n        subtotal -= subtotal * rate;\n    return subtotal;\n}\n`,
  cpp: (i) => `double total_${i}(const std::vector<double> &prices, const std::vector<int> &qty, double rate)\n{\n    double subtotal = 0;\n    for (std::size_t k = 0; k < prices.size(); ++k)\n        subtotal += prices[k] * qty[k];\n    if (subtotal > ${i})\n        subtotal -= subtotal * rate;\n    return subtotal;\n}\n`,
};

const INSECURE: Record<string, Gen[]> = {
  py: [
    (i) => `def search_${i}(conn, name):\n    cur = conn.cursor()\n    cur.execute(f"SELECT id FROM items WHERE name = '{name}'")\n    return cur.fetchall()\n`,
    (i) => `def load_${i}(path):\n    with open(path) as f:\n        return yaml.load(f)\n`,
    (i) => `def archive_${i}(name):\n    subprocess.run("tar czf /tmp/out.tgz " + name, shell=True, check=True)\n`,
    (i) => `def fetch_${i}(url):\n    return requests.get(url, verify=False, timeout=10).json()\n`,
  ],
  js: [
    (i) => `function backup${i}(name, done) {\n  exec(\`tar czf /backups/\${name}.tgz /srv\`, done);\n}\n`,
    (i) => `function header${i}() {\n  return Buffer.allocUnsafe(${16 + (i % 8)});\n}\n`,
  ],
  ts: [(i) => `export async function orders${i}(id: string) {\n  return prisma.$queryRawUnsafe(\`SELECT * FROM "Order" WHERE id = \${id}\`);\n}\n`],
  java: [(i) => `    java.sql.ResultSet find${i}(java.sql.Connection db, String owner) throws Exception {\n        java.sql.Statement st = db.createStatement();\n        return st.executeQuery("SELECT id FROM repos WHERE owner = '" + owner + "'");\n    }\n`],
  go: [(i) => `func Client${i}() *http.Client {\n\treturn &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}\n}\n`],
  c: [(i) => `void greet_${i}(const char *visitor)\n{\n    char banner[48];\n    sprintf(banner, "Welcome, %s!", visitor);\n    puts(banner);\n}\n`],
  cpp: [(i) => `void label_${i}(const std::string &sku)\n{\n    char label[24];\n    std::strcpy(label, sku.c_str());\n    std::puts(label);\n}\n`],
};

const HEADER: Record<string, string> = {
  py: 'import subprocess\n\nimport requests\nimport yaml\n\n\n',
  js: "const { exec } = require('child_process');\n\n",
  ts: "import { PrismaClient } from '@prisma/client';\n\nconst prisma = new PrismaClient();\n\n",
  java: 'package bench;\n\npublic class Gen {\n',
  go: 'package bench\n\nimport (\n\t"crypto/tls"\n\t"net/http"\n)\n\n',
  c: '#include <stdio.h>\n#include <stddef.h>\n\n',
  cpp: '#include <cstdio>\n#include <cstring>\n#include <string>\n#include <vector>\n\n',
};

/** Writes `count` files round-robin over the languages, 12 functions each, one in four files with insecure ones. */
export function writeCorpus(dir: string, count: number): string[] {
  const exts = Object.keys(SAFE);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const ext = exts[i % exts.length]!;
    const parts: string[] = [];
    for (let f = 0; f < 12; f++) parts.push(SAFE[ext]!(i * 100 + f));
    if (i % 4 === 0) for (const [k, gen] of INSECURE[ext]!.entries()) parts.push(gen(i * 100 + k));
    let text = HEADER[ext]! + parts.join(ext === 'py' ? '\n\n' : '\n');
    if (ext === 'java') text += '}\n';
    const rel = `pkg${i % 40}/mod${i}.${ext}`;
    fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
    files.push(rel);
  }
  return files;
}
