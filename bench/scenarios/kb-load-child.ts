// One cold load in a fresh process (modules imported first, not timed): prints JSON timings for kb-load.ts.
import { loadKnowledgeBase } from '../../src/kb/load.js';

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpu();
const t0 = performance.now();
const kb = loadKnowledgeBase(process.argv[2]);
const t1 = performance.now();
const c1 = cpu();
void kb.exampleIndex.documentCount;
const t2 = performance.now();
const c2 = cpu();
process.stdout.write(JSON.stringify({ load: t1 - t0, loadCpu: c1 - c0, withIndex: t2 - t0, withIndexCpu: c2 - c0 }));
