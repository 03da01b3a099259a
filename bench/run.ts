// `npm run bench [-- --only NAME] [-- --data PATH]`: speed and memory figures, printed as markdown tables.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffAndUnits } from './scenarios/diff-units.js';
import { scanVsBandit } from './scenarios/scan-vs-bandit.js';
import { kbLoad } from './scenarios/kb-load.js';
import { retrievalScenario } from './scenarios/retrieval.js';
import { tokensScenario } from './scenarios/tokens.js';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { only: { type: 'string' }, data: { type: 'string' } }, allowPositionals: true, strict: false });
const dataDir = path.resolve(root, (values.data as string | undefined) ?? '../shared/data');

type Scenario = (root: string, dataDir: string) => Promise<Record<string, string | number>>;
const scenarios: Record<string, Scenario> = {
  'diff-and-units': diffAndUnits,
  'scan-vs-bandit': (root) => scanVsBandit(root),
  'kb-load': (root, dataDir) => kbLoad(root, dataDir),
  retrieval: (root, dataDir) => retrievalScenario(root, dataDir),
  tokens: (root, dataDir) => tokensScenario(root, dataDir),
};

if (!fs.existsSync(path.join(root, 'dist/cli.js'))) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(2);
}
console.log(`# RESCUE benchmarks\n\nnode ${process.version}, ${process.platform}/${process.arch}, data: ${fs.existsSync(dataDir) ? dataDir : `${dataDir} (absent)`}\n`);
for (const [name, scenario] of Object.entries(scenarios)) {
  if (values.only && values.only !== name) continue;
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const figures = await scenario(root, dataDir);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  console.log(`## ${name}\n\n| measure | value |\n| --- | --- |`);
  for (const [k, v] of Object.entries(figures)) console.log(`| ${k} | ${v} |`);
  console.log(`| peak RSS of the bench process (MB) | ${Math.round(peak / 1e6)} |\n`);
}
