import { VERSION } from '../version.js';
import { run } from './main.js';

// The Action's entry point: nothing else runs at import time. `--version` helps diagnose a runner.
if (process.argv.includes('--version')) process.stdout.write(`${VERSION}\n`);
else void run();
