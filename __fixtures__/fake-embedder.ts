import type { Embedder } from '../src/llm/openai-client.js';

/**
 * A deterministic Embedder: a bag of lower-cased words hashed into `dimensions` buckets, so texts that
 * share words have a high cosine. Records every call.
 */
export class FakeEmbedder implements Embedder {
  readonly calls: string[][] = [];
  constructor(readonly dimensions = 64) {}
  async embed(texts: readonly string[]): Promise<number[][]> {
    this.calls.push([...texts]);
    return texts.map((t) => this.vector(t));
  }
  vector(text: string): number[] {
    const v = new Array<number>(this.dimensions).fill(0);
    for (const word of text.toLowerCase().match(/[a-z]{2,}/g) ?? []) {
      let h = 2166136261;
      for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
      v[(h >>> 0) % this.dimensions]! += 1;
    }
    return v;
  }
}
