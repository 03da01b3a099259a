// A scan worker whose answers arrive late (each 300 ms after it is sent), for tests: the scan's thread,
// with nothing left of its own, takes back chunks the worker has not answered yet.
import { parentPort } from 'node:worker_threads';

const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (message) => void setTimeout(() => post(message), 300);
await import('./source-worker.mjs');
