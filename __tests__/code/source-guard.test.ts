import { describe, expect, test } from '@jest/globals';
import { readSource } from '../../src/code/source-guard.js';
import { extractUnits } from '../../src/code/units.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function skipped(result: ReturnType<typeof readSource>) {
  if (!('skipped' in result)) throw new Error(`expected a skip, got text of ${result.text.length} characters`);
  return result.skipped;
}

function text(result: ReturnType<typeof readSource>): string {
  if (!('text' in result)) throw new Error(`expected text, got ${result.skipped.reason}: ${result.skipped.detail}`);
  return result.text;
}

describe('readSource', () => {
  test('plain UTF-8 source comes back as written', () => {
    const source = 'def f(x):\n    return "héllo 😀"\n';
    expect(text(readSource('a.py', utf8(source)))).toBe(source);
  });

  test('binary: a NUL byte in the first 8 KB', () => {
    const bytes = utf8('int main() { return 0; }\n'.repeat(10));
    bytes[100] = 0;
    expect(skipped(readSource('a.c', bytes))).toEqual({
      path: 'a.c',
      reason: 'binary',
      detail: 'contains NUL bytes in the first 8 KB',
    });
  });

  test('a NUL byte after the first 8 KB is not a binary marker', () => {
    const bytes = new Uint8Array(utf8('x = 1\n'.repeat(2000)));
    bytes[10_000] = 0;
    expect(text(readSource('a.py', bytes))).toHaveLength(12_000);
  });

  test('too large: 5 MB over the default 1 MB', () => {
    const bytes = utf8('x = 1\n'.repeat((5 * 1024 * 1024) / 6));
    const skip = skipped(readSource('big.py', bytes));
    expect(skip.reason).toBe('too-large');
    expect(skip.detail).toBe('5.0 MB (5,242,878 bytes) is over the limit of 1.0 MB (1,048,576 bytes)');
  });

  test('maxBytes is configurable', () => {
    const bytes = utf8('x = 1\n'.repeat(100));
    expect(skipped(readSource('a.py', bytes, { maxBytes: 100 })).detail).toBe('600 bytes is over the limit of 100 bytes');
    expect(text(readSource('a.py', bytes, { maxBytes: 600 }))).toHaveLength(600);
  });

  test('minified: one line of 1 MB (exactly the size limit, so size is not the reason)', () => {
    const line = 'var a=1;'.repeat(128 * 1024);
    const skip = skipped(readSource('app.min.js', utf8(line)));
    expect(skip).toEqual({
      path: 'app.min.js',
      reason: 'minified',
      detail: 'line 1 is 1,048,576 characters long (limit 5,000)',
    });
  });

  test('minified: a long line in an otherwise normal file names the line', () => {
    const source = `${'const a = 1;\n'.repeat(40)}const b = '${'x'.repeat(6000)}';\n`;
    expect(skipped(readSource('a.js', utf8(source))).detail).toBe('line 41 is 6,013 characters long (limit 5,000)');
    expect(text(readSource('a.js', utf8(source), { maxLineLength: 10_000 }))).toBe(source);
  });

  test('minified: average line length over 500', () => {
    const source = `${'a=1;'.repeat(200)}\n`.repeat(20); // 20 lines of 800 characters
    expect(skipped(readSource('a.js', utf8(source))).detail).toBe('average line length is 801 characters (limit 500)');
  });

  test('a short file with one long-ish line is not minified', () => {
    const source = `x = "${'y'.repeat(700)}"`;
    expect(text(readSource('a.py', utf8(source)))).toBe(source);
  });

  test('invalid UTF-8 names the first bad byte', () => {
    const bytes = new Uint8Array([...utf8('s = "caf'), 0xe9, ...utf8('"\n')]); // Latin-1 é
    expect(skipped(readSource('a.py', bytes))).toEqual({
      path: 'a.py',
      reason: 'encoding',
      detail: 'not valid UTF-8 (first bad byte at offset 8)',
    });
  });

  test('overlong and surrogate encodings are invalid', () => {
    expect(skipped(readSource('a', new Uint8Array([0x41, 0xc0, 0xaf]))).detail).toContain('offset 1');
    expect(skipped(readSource('a', new Uint8Array([0xed, 0xa0, 0x80]))).detail).toContain('offset 0');
  });

  test('a UTF-8 byte-order mark is stripped', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('x = 1\n')]);
    expect(text(readSource('a.py', bytes))).toBe('x = 1\n');
  });

  test('UTF-16 with a byte-order mark is decoded (its NUL bytes are not binary)', () => {
    const source = 'int x = 1;\n';
    const le = new Uint8Array(2 + source.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < source.length; i++) le[2 + i * 2] = source.charCodeAt(i);
    expect(text(readSource('a.c', le))).toBe(source);
    const be = new Uint8Array(le.length);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < source.length; i++) be[3 + i * 2] = source.charCodeAt(i);
    expect(text(readSource('a.c', be))).toBe(source);
  });

  test('CRLF is kept, and units extracted from it have the right lines', async () => {
    const source = 'import os\r\n\r\ndef f(x):\r\n    return x\r\n\r\n\r\ndef g():\r\n    pass\r\n';
    const decoded = text(readSource('a.py', utf8(source)));
    expect(decoded).toBe(source);
    const { units } = await extractUnits({ path: 'a.py', language: 'python', text: decoded, changedLines: [4, 8] });
    expect(units.map((u) => [u.name, u.startLine, u.endLine, u.text])).toEqual([
      ['f', 3, 4, 'def f(x):\r\n    return x'],
      ['g', 7, 8, 'def g():\r\n    pass'],
    ]);
  });

  test('an empty file is text', () => {
    expect(text(readSource('a.py', new Uint8Array()))).toBe('');
  });
});
