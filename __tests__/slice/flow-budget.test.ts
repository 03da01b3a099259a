import { parse } from '../../src/code/parser.js';
import { sliceUnit } from '../../src/slice/index.js';
import { buildPdg } from '../../src/slice/pdg.js';
import { profileOf } from '../../src/slice/profiles.js';
import { buildUnit } from '../../src/slice/statements.js';
import { flatten } from '../../src/slice/syntax.js';

/**
 * Past the data-flow budget the PDG falls back to flow-insensitive dependences: every use depends on every
 * definition of its variable. That must be a superset of the precise dependences, and a function that
 * assigns one variable under thousands of conditions must slice in bounded memory.
 */
const SOURCE = `def f(a, b, items):
    total = 0
    for x in items:
        if x > a:
            total += x
        else:
            b = b + x
    a = total * 2
    if a > 10:
        return b
    with open(b) as fh:
        data = fh.read()
    return data + str(a)
`;

async function pdgs(): Promise<{ precise: ReturnType<typeof buildPdg>; fallback: ReturnType<typeof buildPdg>; size: number }> {
  const tree = await parse('python', SOURCE);
  try {
    const flat = flatten(tree, SOURCE);
    const rows = SOURCE.split('\n').length - 2;
    const precise = buildPdg(buildUnit(flat, profileOf('python'), 0, rows));
    const fallback = buildPdg(buildUnit(flat, profileOf('python'), 0, rows), 0);
    return { precise, fallback, size: precise.size };
  } finally {
    tree.delete();
  }
}

test('flow-insensitive dependences hold every precise one', async () => {
  const { precise, fallback, size } = await pdgs();
  expect([precise.flowInsensitive, fallback.flowInsensitive]).toEqual([false, true]);
  let more = 0;
  for (let s = 0; s < size; s++) {
    const loose = new Set(fallback.predsOf(s));
    for (const p of precise.predsOf(s)) expect(loose.has(p)).toBe(true);
    more += loose.size - precise.predsOf(s).length;
  }
  // It is looser somewhere (kills and order are ignored), so the budget really switched analyses.
  expect(more).toBeGreaterThan(0);
});

test('a long function assigning one variable under thousands of conditions goes past the budget and still slices', async () => {
  const body = Array.from({ length: 9000 }, (_, i) => `  if (a > ${i}) { b = g(a, "s${i}"); } else { a += b * ${i}; }`).join('\n');
  const source = `int f(int a, int b) {\n${body}\n  return a;\n}\n`;
  // Precise reaching definitions here are quadratic in the 9,000 definitions of a (about 0.85 GB of heap).
  const tree = await parse('c', source);
  try {
    const lines = source.split('\n').length - 2;
    expect(buildPdg(buildUnit(flatten(tree, source), profileOf('c'), 0, lines)).flowInsensitive).toBe(true);
  } finally {
    tree.delete();
  }
  const slice = await sliceUnit({ grammar: 'c', source, pointsOfInterest: [10, 3000, 9000] });
  expect(slice.lines).toEqual(expect.arrayContaining([1, 10, 3000, 9000]));
  expect(slice.fallback).toBeUndefined();
});
