import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Grammar } from '../../src/code/languages.js';
import { slicePair, sliceUnit } from '../../src/slice/index.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'slice');

interface Fixture {
  readonly name: string;
  readonly grammar: Grammar;
  readonly source: string;
  readonly lineCount: number;
}

const fixtures: Fixture[] = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const name = f.slice(0, -'.json'.length);
    const { grammar } = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { grammar: Grammar };
    const sourceFile = fs.readdirSync(dir).find((x) => x.startsWith(`${name}.`) && !/\.(json|expected)$/.test(x))!;
    const source = fs.readFileSync(path.join(dir, sourceFile), 'utf8');
    return { name, grammar, source, lineCount: source.replace(/\n$/, '').split('\n').length };
  });

const fixture = fc.constantFrom(...fixtures);
const pointsFor = (f: Fixture) => fc.uniqueArray(fc.integer({ min: -2, max: f.lineCount + 3 }), { maxLength: 5 });
const runs = { numRuns: 60 };

test('every point of interest in the unit is kept; a slice is a subset of its unit', async () => {
  await fc.assert(
    fc.asyncProperty(
      fixture.chain((f) => fc.tuple(fc.constant(f), pointsFor(f), fc.integer({ min: 0, max: 4 }))),
      async ([f, pois, hops]) => {
        const slice = await sliceUnit({ grammar: f.grammar, source: f.source, pointsOfInterest: pois, hops });
        const kept = new Set(slice.lines);
        for (const p of pois) if (p >= 1 && p <= f.lineCount) expect(kept.has(p)).toBe(true);
        expect(slice.totalLines).toBe(f.lineCount);
        expect([...kept].every((l) => l >= 1 && l <= f.lineCount)).toBe(true);
        expect(slice.lines).toEqual([...kept].sort((a, b) => a - b));
        // Kept lines appear verbatim and in order in the text.
        const source = f.source.split('\n');
        const text = slice.text.split('\n');
        let at = 0;
        for (const l of slice.lines) {
          while (at < text.length && text[at] !== source[l - 1]) at++;
          expect(at).toBeLessThan(text.length);
          at++;
        }
      },
    ),
    runs,
  );
});

test('hops = 0 gives the points of interest plus the signature', async () => {
  await fc.assert(
    fc.asyncProperty(
      fixture.chain((f) => fc.tuple(fc.constant(f), pointsFor(f))),
      async ([f, pois]) => {
        const frame = await sliceUnit({ grammar: f.grammar, source: f.source, pointsOfInterest: [], hops: 0 });
        const slice = await sliceUnit({ grammar: f.grammar, source: f.source, pointsOfInterest: pois, hops: 0 });
        const inUnit = pois.filter((p) => p >= 1 && p <= f.lineCount);
        expect(slice.lines).toEqual([...new Set([...frame.lines, ...inUnit])].sort((a, b) => a - b));
        expect(frame.lines[0]).toBe(1); // the signature's first line
      },
    ),
    runs,
  );
});

test('slices grow monotonically with hops', async () => {
  await fc.assert(
    fc.asyncProperty(
      fixture.chain((f) => fc.tuple(fc.constant(f), pointsFor(f), fc.integer({ min: 0, max: 3 }))),
      async ([f, pois, hops]) => {
        const small = await sliceUnit({ grammar: f.grammar, source: f.source, pointsOfInterest: pois, hops });
        const large = await sliceUnit({ grammar: f.grammar, source: f.source, pointsOfInterest: pois, hops: hops + 1 });
        const kept = new Set(large.lines);
        expect(small.lines.every((l) => kept.has(l))).toBe(true);
      },
    ),
    runs,
  );
});

test('pair mode keeps every deleted and added line', async () => {
  await fc.assert(
    fc.asyncProperty(
      fixture.chain((f) =>
        fc.tuple(
          fc.constant(f),
          fc.integer({ min: 2, max: f.lineCount - 1 }),
          fc.constantFrom('    check(x)', '  validate(input);', '\tverify(x)'),
          fc.integer({ min: 0, max: 3 }),
        ),
      ),
      async ([f, at, added, hops]) => {
        // A made-up fix: one line replaced by a new one.
        const lines = f.source.split('\n');
        const deletedText = lines[at - 1]!;
        const secure = [...lines.slice(0, at - 1), added, ...lines.slice(at)].join('\n');
        const language = f.grammar === 'tsx' ? 'typescript' : f.grammar;
        const pair = await slicePair({ language, vulnerable: f.source, secure, hops });
        if (deletedText !== added) {
          expect(pair.vulnerable.lines).toContain(at);
          expect(pair.secure.lines).toContain(at);
        }
        // Both sides show the same context: outside the patch, the kept lines are the same lines.
        const v = pair.vulnerable.lines.filter((l) => l !== at);
        const s = pair.secure.lines.filter((l) => l !== at);
        expect(v).toEqual(s);
      },
    ),
    { numRuns: 40 },
  );
});
