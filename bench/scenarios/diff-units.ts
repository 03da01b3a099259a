import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseDiff } from '../../src/diff/parse-diff.js';
import { reviewChange } from '../../src/pipeline/review-change.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { FileSource } from '../../src/pipeline/file-source.js';
import { generateChange } from './generate-change.js';

/** Scenario 1: a generated change of 300 files and 30,000 changed lines across the 7 languages. */
export async function diffAndUnits(root: string): Promise<Record<string, string | number>> {
  const change = generateChange({ files: 300, changedLines: 30_000 });
  const source: FileSource = { read: async (p) => change.contents.get(p) };

  const t0 = performance.now();
  const changeSet = parseDiff(change.diff);
  const parseMs = performance.now() - t0;

  const t1 = performance.now();
  const result = await reviewChange({ changeSet, source, logger: silentLogger });
  const unitsMs = performance.now() - t1;

  const coldStarts = [path.join(root, 'dist/index.js'), path.join(root, 'dist/cli.js')].map((file) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      execFileSync(process.execPath, [file, '--version'], { stdio: 'pipe' });
      times.push(performance.now() - s);
    }
    return times.sort((a, b) => a - b)[2];
  });

  return {
    'files in diff': changeSet.files.length,
    'changed lines': change.changedLines,
    'diff size (MB)': +(change.diff.length / 1e6).toFixed(2),
    'parse diff (ms)': Math.round(parseMs),
    'units found': result.units.length,
    'extract units (ms)': Math.round(unitsMs),
    'skipped': result.skipped.length,
    'cold start node dist/index.js --version (ms, median of 5)': Math.round(coldStarts[0]),
    'cold start node dist/cli.js --version (ms, median of 5)': Math.round(coldStarts[1]),
  };
}
