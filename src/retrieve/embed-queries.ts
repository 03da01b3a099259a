import type { UnitFacets } from '../facets/extract.js';
import type { Embedder } from '../llm/openai-client.js';
import type { QueryVectors } from './cwe-level.js';

export const EMBED_BATCH_SIZE = 64;

/**
 * The query vectors of many units, embedded in batches: each unit's cause and code texts (empty texts are
 * not sent). One vector per text, in order, or the call fails: a short answer is the endpoint's bug.
 */
export async function embedQueries(embedder: Embedder, units: readonly UnitFacets[], batchSize = EMBED_BATCH_SIZE): Promise<QueryVectors[]> {
  const texts: string[] = [];
  const slots: { unit: number; key: keyof QueryVectors }[] = [];
  units.forEach((u, unit) => {
    if (u.cause.trim()) { texts.push(u.cause); slots.push({ unit, key: 'cause' }); }
    if (u.code.trim()) { texts.push(u.code); slots.push({ unit, key: 'code' }); }
  });
  const out: { cause?: number[]; code?: number[] }[] = units.map(() => ({}));
  for (let i = 0; i < texts.length; i += batchSize) {
    const batch = texts.slice(i, i + batchSize);
    const vectors = await embedder.embed(batch);
    if (vectors.length !== batch.length) throw new Error(`the embeddings endpoint returned ${vectors.length} vectors for ${batch.length} inputs`);
    vectors.forEach((v, j) => {
      const slot = slots[i + j]!;
      out[slot.unit]![slot.key] = v;
    });
  }
  return out;
}
