// A scan worker that answers its first chunk and turns its second reply into an error, for tests: the
// chunks it did not answer are scanned elsewhere.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const post = parentPort.postMessage.bind(parentPort);
let replies = 0;
parentPort.postMessage = (reply) => post(++replies === 1 ? reply : { id: reply.id, error: 'a worker error' });
await import('../../../src/pipeline/scan-worker.ts');
