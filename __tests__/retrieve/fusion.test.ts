import fc from 'fast-check';
import { fuse, rankHits, RRF_ALPHA, type FacetList } from '../../src/retrieve/fusion.js';

const list = (name: string, threshold: number, scores: Record<string, number>): FacetList => ({
  name, threshold, hits: Object.entries(scores).map(([id, score]) => ({ id, score })),
});

describe('modified reciprocal rank fusion', () => {
  test('a facet counts only when its score clears the threshold (hand-computed)', () => {
    // A ranks x 1, y 2, z 3 (z below 2); B ranks y 1, z 2 (z below 9.5).
    const fused = fuse([list('A', 2, { x: 5, y: 3, z: 1 }), list('B', 9.5, { y: 10, z: 9 })]);
    expect(fused.map((f) => f.id)).toEqual(['y', 'x']);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused[1]!.score).toBeCloseTo(1 / 61, 12);
    expect(fused[0]!.facets).toEqual({ A: { score: 3, rank: 2, counted: true }, B: { score: 10, rank: 1, counted: true } });
  });

  test('the threshold is inclusive; nothing clears: nothing is returned (not security-relevant)', () => {
    expect(fuse([list('A', 3, { x: 3 })]).map((f) => f.id)).toEqual(['x']);
    expect(fuse([list('A', 3.01, { x: 3, y: 2 }), list('B', 1, {})])).toEqual([]);
    expect(fuse([])).toEqual([]);
  });

  test('only the top 10 of a facet count (rank cut-off)', () => {
    const scores = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`d${i + 1}`, 12 - i])); // d1 = 12 ... d12 = 1
    const fused = fuse([list('A', 0, scores)]);
    expect(fused.map((f) => f.id)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9', 'd10']);
    expect(fused[9]!.score).toBeCloseTo(1 / 70, 12);
    expect(fuse([list('A', 0, scores)], { topN: 3 }).map((f) => f.id)).toEqual(['d1', 'd2', 'd3']);
  });

  test('alpha is the constant of the fusion (60 by default)', () => {
    expect(RRF_ALPHA).toBe(60);
    expect(fuse([list('A', 0, { x: 1 })], { alpha: 0 })[0]!.score).toBe(1);
  });

  test('ties share the best rank (competition ranking), independent of input order', () => {
    expect(rankHits([{ id: 'b', score: 5 }, { id: 'a', score: 5 }, { id: 'c', score: 3 }])).toEqual([
      { id: 'a', score: 5, rank: 1 }, { id: 'b', score: 5, rank: 1 }, { id: 'c', score: 3, rank: 3 },
    ]);
    // 11 items tied at the top all rank 1, so all count despite the cut-off of 10.
    const tied = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`t${i}`, 1]));
    expect(fuse([list('A', 0, tied)])).toHaveLength(11);
  });

  test('fused ties: more counted facets first, then evidence below the thresholds, then id', () => {
    // x: first in A; y: first in B; both 1/61. y also has an uncounted score in A: y before x.
    const byEvidence = fuse([list('A', 4, { x: 5, y: 1 }), list('B', 4, { y: 5 })]);
    expect(byEvidence.map((f) => f.id)).toEqual(['y', 'x']);
    expect(byEvidence[0]!.score).toBe(byEvidence[1]!.score);
    expect(byEvidence[0]!.facets.A).toEqual({ score: 1, rank: 2, counted: false });
    // Same score, same evidence: by id.
    expect(fuse([list('A', 0, { q: 1 }), list('B', 0, { p: 1 })]).map((f) => f.id)).toEqual(['p', 'q']);
    // With alpha 0, x second in two facets (1/2 + 1/2) ties y, z, w first in one (1/1): two counted facets win.
    const byCount = fuse(
      [list('A', 0, { y: 9, x: 5 }), list('B', 0, { z: 9, x: 5 }), list('C', 0, { w: 9 })],
      { alpha: 0 },
    );
    expect(byCount.map((f) => [f.id, f.score])).toEqual([['x', 1], ['w', 1], ['y', 1], ['z', 1]]);
  });

  test('property: output sorted by score, every score positive, and a facet list only adds', () => {
    const scores = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.integer({ min: 0, max: 20 }));
    fc.assert(
      fc.property(scores, scores, fc.integer({ min: 0, max: 20 }), (s1, s2, th) => {
        const one = fuse([list('A', th, s1)]);
        const two = fuse([list('A', th, s1), list('B', th, s2)]);
        for (let i = 1; i < two.length; i++) expect(two[i - 1]!.score).toBeGreaterThanOrEqual(two[i]!.score);
        for (const f of two) expect(f.score).toBeGreaterThan(0);
        const after = new Map(two.map((f) => [f.id, f.score]));
        for (const f of one) expect(after.get(f.id)!).toBeGreaterThanOrEqual(f.score);
      }),
    );
  });
});
