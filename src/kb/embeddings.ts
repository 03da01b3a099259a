import type { Embedder } from '../llm/openai-client.js';
import type { KbDocument } from './model.js';
import { sha256, stableStringify } from './stable-json.js';

/**
 * Dense vectors for the two dense facets of the paper: each CWE's cause (`cwe:CWE-89`) and each example's
 * sliced secure version (`example:CWE-89.python.1`). Stored as one JSON file next to the index, the
 * float32 data base64-encoded little-endian, so the file is deterministic for the same model output.
 */
export interface VectorSet {
  readonly model: string;
  readonly dimensions: number;
  readonly ids: readonly string[];
  /** ids.length * dimensions floats, row-major. */
  readonly data: Float32Array;
}

export interface EmbeddingInput {
  readonly id: string;
  readonly text: string;
}

export function embeddingInputs(doc: KbDocument): EmbeddingInput[] {
  const out: EmbeddingInput[] = [];
  for (const cwe of doc.cwes) {
    if (cwe.cause) out.push({ id: `cwe:${cwe.id}`, text: cwe.cause });
    for (const ex of cwe.examples) out.push({ id: `example:${ex.id}`, text: ex.secureSlice.text });
  }
  return out;
}

/** Identifies what was embedded: a build reuses committed vectors only when this is unchanged. */
export function embeddingInputsHash(model: string, inputs: readonly EmbeddingInput[]): string {
  return sha256(stableStringify({ model, inputs }));
}

export async function computeEmbeddings(
  embedder: Embedder,
  model: string,
  inputs: readonly EmbeddingInput[],
  batchSize = 64,
): Promise<VectorSet> {
  const rows: number[][] = [];
  for (let i = 0; i < inputs.length; i += batchSize) {
    const batch = inputs.slice(i, i + batchSize);
    const vectors = await embedder.embed(batch.map((b) => b.text));
    if (vectors.length !== batch.length) {
      throw new Error(`the embeddings endpoint returned ${vectors.length} vectors for ${batch.length} inputs`);
    }
    rows.push(...vectors);
  }
  const dimensions = rows[0]?.length ?? 0;
  const data = new Float32Array(rows.length * dimensions);
  rows.forEach((row, i) => {
    if (row.length !== dimensions) throw new Error(`embedding ${i} has ${row.length} dimensions, expected ${dimensions}`);
    data.set(row, i * dimensions);
  });
  return { model, dimensions, ids: inputs.map((x) => x.id), data };
}

export function vectorsFileName(model: string): string {
  return `vectors.${model.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;
}

export function serializeVectors(set: VectorSet): string {
  const bytes = new Uint8Array(set.data.length * 4);
  const view = new DataView(bytes.buffer);
  set.data.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return `${stableStringify({ model: set.model, dimensions: set.dimensions, ids: set.ids, data: Buffer.from(bytes).toString('base64') })}\n`;
}

export function parseVectors(text: string): VectorSet {
  const raw = JSON.parse(text) as { model: string; dimensions: number; ids: string[]; data: string };
  const bytes = Buffer.from(raw.data, 'base64');
  const data = new Float32Array(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(i * 4, true);
  return { model: raw.model, dimensions: raw.dimensions, ids: raw.ids, data };
}

/** The vector of one id, or undefined. */
export function vectorOf(set: VectorSet, index: ReadonlyMap<string, number>, id: string): Float32Array | undefined {
  const row = index.get(id);
  return row === undefined ? undefined : set.data.subarray(row * set.dimensions, (row + 1) * set.dimensions);
}
