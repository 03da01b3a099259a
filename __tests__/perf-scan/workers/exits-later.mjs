// A scan worker that answers its first chunk and then exits, for tests: the chunks it did not answer are
// scanned elsewhere.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (reply) => {
  post(reply);
  setImmediate(() => process.exit(3));
};
await import('../../../src/pipeline/scan-worker.ts');
