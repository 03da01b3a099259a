// A scan worker from the TypeScript sources (tsx), for tests: the bundle's dist/scan-worker.js runs the same module.
import { register } from 'tsx/esm/api';

register();
await import('../../../src/pipeline/scan-worker.ts');
