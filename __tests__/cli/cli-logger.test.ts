import { PassThrough } from 'node:stream';
import { createCliLogger } from '../../src/cli/cli-logger.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { stream, text: () => chunks.join('') };
}

test('a warning names its file once: prefixed when the message does not start with it', () => {
  const out = capture();
  const logger = createCliLogger(out.stream);
  logger.warning('big.c: skipped (too-large): 2.5 MB', { file: 'big.c' });
  logger.warning('has syntax errors', { file: 'a.py', startLine: 3 });
  logger.error('no file here');
  expect(out.text()).toBe('warning: big.c: skipped (too-large): 2.5 MB\nwarning: a.py:3: has syntax errors\nerror: no file here\n');
});
