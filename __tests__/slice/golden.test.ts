import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Grammar, Language } from '../../src/code/languages.js';
import { slicePair, sliceUnit, type Slice } from '../../src/slice/index.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'slice');
const update = process.env.UPDATE_GOLDEN === '1';

interface Spec {
  readonly grammar: Grammar;
  readonly pointsOfInterest: number[];
  readonly hops?: number;
}

function show(slice: Slice): string {
  return `lines: ${slice.lines.join(',')}\n${slice.text}\n`;
}

function golden(name: string, actual: string): void {
  const file = path.join(dir, `${name}.expected`);
  if (update) fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

const cases = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

test.each(cases)('slice of %s', async (name) => {
  const spec = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Spec;
  const sourceFile = fs.readdirSync(dir).find((f) => f.startsWith(`${name}.`) && !/\.(json|expected)$/.test(f))!;
  const source = fs.readFileSync(path.join(dir, sourceFile), 'utf8');
  const slice = await sliceUnit({ grammar: spec.grammar, source, pointsOfInterest: spec.pointsOfInterest, hops: spec.hops });
  expect(slice.parseErrors).toBe(false);
  expect(slice.fallback).toBeUndefined();
  golden(name, show(slice));
});

test('covers every language', () => {
  const grammars = cases.map((name) => (JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Spec).grammar);
  expect(new Set(grammars)).toEqual(new Set(['python', 'javascript', 'typescript', 'java', 'go', 'c', 'cpp']));
});

test('pair mode: parallel slices that differ only in the patch', async () => {
  const vulnerable = fs.readFileSync(path.join(dir, 'pair-vulnerable.py'), 'utf8');
  const secure = fs.readFileSync(path.join(dir, 'pair-secure.py'), 'utf8');
  const language: Language = 'python';
  const pair = await slicePair({ language, vulnerable, secure });
  // Lines 5, 7, 8 were added; nothing was deleted.
  expect(pair.secure.pointsOfInterest).toEqual([5, 7, 8]);
  expect(pair.vulnerable.pointsOfInterest).toEqual([]);
  const vText = vulnerable.split('\n');
  const sText = secure.split('\n');
  const vKept = pair.vulnerable.lines.map((l) => vText[l - 1]);
  const sKept = pair.secure.lines.map((l) => sText[l - 1]).filter((_, i) => ![5, 7, 8].includes(pair.secure.lines[i]!));
  expect(vKept).toEqual(sKept);
  golden('pair', `${show(pair.vulnerable)}---\n${show(pair.secure)}`);
});

test('pair mode with explicit changed lines', async () => {
  const vulnerable = 'def f(a):\n    x = a\n    y = 2\n    run(x)\n    return y\n';
  const secure = 'def f(a):\n    x = quote(a)\n    y = 2\n    run(x)\n    return y\n';
  const pair = await slicePair({ language: 'python', vulnerable, secure, deletedLines: [2], addedLines: [2], hops: 1 });
  expect(pair.vulnerable.lines).toEqual([1, 2, 4]);
  expect(pair.secure.lines).toEqual([1, 2, 4]);
  expect(pair.secure.text).toBe('def f(a):\n    x = quote(a)\n    # ...\n    run(x)\n    # ...');
});
