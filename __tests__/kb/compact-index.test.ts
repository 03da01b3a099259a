import MiniSearch from 'minisearch';
import { COMPACT_INDEX_FORMAT, loadCompactIndex, serializeCompactIndex } from '../../src/kb/compact-index.js';
import { EXAMPLE_INDEX_OPTIONS, type ExampleIndexDoc } from '../../src/kb/index-options.js';

// A deterministic pseudo-random corpus: enough documents that ids and deltas need multi-byte varints,
// repeated terms (freq > 1), and terms present in only one of the two fields.
function corpus(n: number): ExampleIndexDoc[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const words = ['cursor.execute', 'yaml.load', 'subprocess.run', 'child_process.exec', 'strcpy', 'os.path.join', 'requestBody', 'user_input', 'query', 'shell'];
  return Array.from({ length: n }, (_, i) => ({
    id: `CWE-${(i % 7) + 1}.python.m${i}`,
    apis: Array.from({ length: 1 + (next() % 3) }, () => words[next() % 5]).join(' '),
    code: Array.from({ length: 3 + (next() % 12) }, () => `${words[next() % words.length]}(x_${next() % 400})`).join('\n'),
  }));
}

const queries = ['cursor.execute(query)', 'yaml.load user_input', 'x_17 x_399 shell', 'strcpy', 'nothing.matches.this'];

test('a compact index searches exactly like the MiniSearch index it was built from, lazily or not', () => {
  const live = new MiniSearch<ExampleIndexDoc>(EXAMPLE_INDEX_OPTIONS);
  live.addAll(corpus(1500));
  const text = serializeCompactIndex(live as MiniSearch<unknown>);
  expect(JSON.parse(text).format).toBe(COMPACT_INDEX_FORMAT);
  expect(serializeCompactIndex(live as MiniSearch<unknown>)).toBe(text); // deterministic

  for (const lazy of [true, false]) {
    const loaded = loadCompactIndex(text, EXAMPLE_INDEX_OPTIONS, { lazy });
    expect([loaded.documentCount, loaded.termCount]).toEqual([live.documentCount, live.termCount]);
    for (const q of queries) {
      for (const fields of [['code'], ['apis'], ['apis', 'code']]) {
        const expected = live.search(q, { fields }).map((r) => [r.id, r.score]);
        expect(loaded.search(q, { fields }).map((r) => [r.id, r.score])).toEqual(expected);
        // A term touched twice (the second time from its decoded Maps) scores the same.
        expect(loaded.search(q, { fields }).map((r) => [r.id, r.score])).toEqual(expected);
      }
    }
    // Prefix and fuzzy search (not used by RESCUE, but allowed by MiniSearch) build the full term tree.
    for (const opts of [{ prefix: true }, { fuzzy: 0.2 }]) {
      expect(loaded.search('cursor.exec user_inp', opts).map((r) => [r.id, r.score])).toEqual(live.search('cursor.exec user_inp', opts).map((r) => [r.id, r.score]));
    }
    expect(loaded.search(queries[0]!).map((r) => [r.id, r.score])).toEqual(live.search(queries[0]!).map((r) => [r.id, r.score]));
    // Serializing walks every term (the tree may order terms differently: compare them sorted).
    const sorted = (m: MiniSearch<ExampleIndexDoc>) => {
      const plain = m.toJSON();
      return JSON.stringify({ ...plain, index: [...plain.index].sort(([a], [b]) => (a < b ? -1 : 1)) });
    };
    expect(sorted(loaded) === sorted(live)).toBe(true);
    const keep = (id: string) => id.startsWith('CWE-3.');
    expect(loaded.search('cursor.execute', { filter: (r) => keep(String(r.id)) }).map((r) => r.id)).toEqual(
      live.search('cursor.execute', { filter: (r) => keep(String(r.id)) }).map((r) => r.id),
    );
  }
});

test('a damaged compact index is refused', () => {
  const live = new MiniSearch<ExampleIndexDoc>(EXAMPLE_INDEX_OPTIONS);
  live.addAll(corpus(20));
  const json = JSON.parse(serializeCompactIndex(live as MiniSearch<unknown>));
  expect(() => loadCompactIndex(JSON.stringify({ ...json, format: 'other' }), EXAMPLE_INDEX_OPTIONS)).toThrow(/unknown index format/);
  expect(() => loadCompactIndex(JSON.stringify({ ...json, lengths: json.lengths.slice(1) }), EXAMPLE_INDEX_OPTIONS)).toThrow(/lengths/);
  const lengths = [...json.lengths];
  lengths[0] += 1;
  expect(() => loadCompactIndex(JSON.stringify({ ...json, lengths }), EXAMPLE_INDEX_OPTIONS)).toThrow(/do not match/);
});
