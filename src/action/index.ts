import { run } from './main.js';

// The Action's entry point: nothing else runs at import time.
void run();
