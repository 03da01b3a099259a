import { serveScanWorker } from './scan-pool.js';

// The entry point of a scan worker thread (dist/scan-worker.js): the only module of it with side effects.
serveScanWorker();
