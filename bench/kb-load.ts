// Load-time benchmark of the knowledge base on its own (also `npm run bench -- --only kb-load`).
// Usage: npx tsx bench/kb-load.ts [--examples N] [--runs N]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { kbLoad } from './scenarios/kb-load.js';

const { values } = parseArgs({ options: { examples: { type: 'string', default: '50000' }, runs: { type: 'string', default: '7' } } });
const root = path.resolve(import.meta.dirname, '..');
const figures = await kbLoad(root, '', { examples: Number(values.examples), runs: Number(values.runs) });
for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${v}`);
