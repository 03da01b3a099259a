// The bundle's scan over worker threads reports what a scan in one thread reports: dist/cli.js (which
// starts dist/scan-worker.js for a large enough folder) against the CLI from source (which cannot start
// workers and scans in its own thread). Skipped when dist/ has no worker entry (build first).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/main.js';
import { MIN_FILES_FOR_WORKERS, workerEntry } from '../../src/pipeline/scan-pool.js';
import { memoryIo } from '../../__fixtures__/cli-io.js';
import { writeCorpus } from '../../bench/scenarios/scan-vs-bandit.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bundled = fs.existsSync(path.join(root, 'dist', 'scan-worker.js'));

test('from source, no worker entry is found: the scan runs in this thread', () => {
  expect(workerEntry()).toBeUndefined();
});

(bundled ? test : test.skip)('dist/cli.js scan over workers equals the scan in one thread', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-pool-'));
  try {
    writeCorpus(dir, MIN_FILES_FOR_WORKERS + 60);
    fs.writeFileSync(path.join(dir, 'bad.py'), 'def broken(:\n    pass\n\ndef fine():\n    return 1\n');
    const args = ['scan', '.', '--format', 'json', '--quiet'];
    const { stdout } = await run(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { cwd: dir, maxBuffer: 1 << 28 }).catch((e: { stdout: string }) => e);
    const m = memoryIo({ cwd: dir });
    await runCli(args, m.io);
    const pooled = JSON.parse(stdout) as { stats: { ms: number } };
    const single = JSON.parse(m.stdout()) as { stats: { ms: number }; findings: unknown[] };
    pooled.stats.ms = single.stats.ms = 0;
    expect(single.findings.length).toBeGreaterThan(0);
    expect(pooled).toEqual(single);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
