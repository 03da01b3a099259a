import type { KnowledgeBase } from '../kb/load.js';
import type { ScoredItem } from './fusion.js';

/** A query vector: what an Embedder returned, or already a Float32Array. */
export type Vector = ArrayLike<number>;

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * Cosine similarity of `query` to the KB vector of each id (`cwe:<id>` or `example:<id>` rows); ids without
 * a vector are left out. Returned ids are the ids given, without the prefix.
 */
export function denseScores(kb: KnowledgeBase, query: Vector, prefix: 'cwe' | 'example', ids: Iterable<string>): ScoredItem[] {
  const vectors = kb.vectors;
  if (!vectors || query.length !== vectors.set.dimensions) return [];
  const { set, rows } = vectors;
  const out: ScoredItem[] = [];
  for (const id of ids) {
    const row = rows.get(`${prefix}:${id}`);
    if (row === undefined) continue;
    out.push({ id, score: cosine(query, set.data.subarray(row * set.dimensions, (row + 1) * set.dimensions)) });
  }
  return out;
}
