import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/**
 * A compact serialization of a MiniSearch index (both KB indexes use it), built so that loading does not
 * grow with the number of postings.
 *
 * MiniSearch's own JSON stores each term's postings as `{ "<docId>": freq }` objects, and `loadJS` turns
 * every one into Map entries: at 50,000 examples that is millions of entries and most of a second before
 * the first query; even the CWE index of the bundled KB (5,000 terms) took 6 to 40 ms. Here the postings of all terms are one varint buffer (base64) with a byte length per
 * term, and a term's Maps are only built when a query first touches the term (LazyTermData). Document ids,
 * field lengths and averages still go through MiniSearch's public `loadJS`.
 *
 * The one private access is MiniSearch's term map (`_index`, a SearchableMap, stable in minisearch 7.2.0,
 * which package.json pins). When it is not there, the index is decoded in full and loaded through `loadJS`
 * (slower, same results).
 */
export const COMPACT_INDEX_FORMAT = 'rescue-compact-index/1';

interface CompactIndex {
  readonly format: typeof COMPACT_INDEX_FORMAT;
  /** MiniSearch's plain object without its `index`. */
  readonly meta: Omit<AsPlainObject, 'index'>;
  readonly terms: readonly string[];
  /** Byte length of each term's block in `postings`. */
  readonly lengths: readonly number[];
  /** base64 of the blocks: per term, varints `fields, (fieldId, n, n docId deltas, n freqs) * fields`. */
  readonly postings: string;
}

type TermData = Map<number, Map<number, number>>;

export function serializeCompactIndex(index: MiniSearch<unknown>): string {
  const plain = index.toJSON();
  const { index: entries, ...meta } = plain;
  const terms: string[] = [];
  const lengths: number[] = [];
  const bytes = new ByteWriter();
  for (const [term, data] of entries) {
    const start = bytes.length;
    const fields = Object.keys(data);
    bytes.varint(fields.length);
    for (const fieldId of fields) {
      const postings = data[fieldId as unknown as number]!;
      // Integer-like keys iterate in ascending order, so the deltas are positive.
      const ids = Object.keys(postings).map(Number);
      bytes.varint(Number(fieldId));
      bytes.varint(ids.length);
      let previous = 0;
      for (const id of ids) {
        bytes.varint(id - previous);
        previous = id;
      }
      for (const id of ids) bytes.varint(postings[id]!);
    }
    terms.push(term);
    lengths.push(bytes.length - start);
  }
  const compact: CompactIndex = { format: COMPACT_INDEX_FORMAT, meta, terms, lengths, postings: Buffer.from(bytes.bytes()).toString('base64') };
  return `${JSON.stringify(compact)}\n`;
}

/** Loads a compact index with the options it was built with. `lazy: false` decodes every term up front. */
export function loadCompactIndex<T>(text: string, options: Options<T>, opts: { readonly lazy?: boolean } = {}): MiniSearch<T> {
  const compact = JSON.parse(text) as CompactIndex;
  if (compact.format !== COMPACT_INDEX_FORMAT) throw new Error(`unknown index format ${String(compact.format)}`);
  const buffer = Buffer.from(compact.postings, 'base64');
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const { terms, lengths } = compact;
  if (terms.length !== lengths.length) throw new Error('terms and lengths differ in length');

  const index = MiniSearch.loadJS<T>({ ...compact.meta, index: [] } as AsPlainObject, options);
  const target = (index as unknown as { _index?: { set?: unknown } })._index;
  if (opts.lazy === false || !target || typeof target.set !== 'function') {
    const entries: AsPlainObject['index'] = [];
    let offset = 0;
    for (let t = 0; t < terms.length; t++) {
      const data: Record<string, Record<string, number>> = {};
      for (const [fieldId, postings] of decodeTerm(bytes, offset)) data[fieldId] = Object.fromEntries(postings);
      entries.push([terms[t]!, data]);
      offset += lengths[t]!;
    }
    if (offset !== bytes.length) throw new Error('the postings do not match the term lengths');
    return MiniSearch.loadJS<T>({ ...compact.meta, index: entries } as AsPlainObject, options);
  }
  const set = (target.set as (term: string, data: TermData) => void).bind(target);
  let offset = 0;
  for (let t = 0; t < terms.length; t++) {
    set(terms[t]!, new LazyTermData(bytes, offset));
    offset += lengths[t]!;
  }
  if (offset !== bytes.length) throw new Error('the postings do not match the term lengths');
  return index;
}

function decodeTerm(bytes: Uint8Array, start: number): TermData {
  const reader = new ByteReader(bytes, start);
  const data: TermData = new Map();
  const fields = reader.varint();
  for (let f = 0; f < fields; f++) {
    const fieldId = reader.varint();
    const n = reader.varint();
    const ids = new Array<number>(n);
    let id = 0;
    for (let i = 0; i < n; i++) ids[i] = id += reader.varint();
    const postings = new Map<number, number>();
    for (let i = 0; i < n; i++) postings.set(ids[i]!, reader.varint());
    data.set(fieldId, postings);
  }
  return data;
}

/**
 * One term's field -> (docId -> freq) Map, filled from the buffer on first use. A real Map (MiniSearch
 * reads it with get/size/keys/entries), so every read goes through `fill()` first.
 */
class LazyTermData extends Map<number, Map<number, number>> {
  #source: { bytes: Uint8Array; offset: number } | undefined;

  constructor(bytes: Uint8Array, offset: number) {
    super();
    this.#source = { bytes, offset };
  }

  #fill(): void {
    const source = this.#source;
    if (!source) return;
    this.#source = undefined;
    for (const [k, v] of decodeTerm(source.bytes, source.offset)) Map.prototype.set.call(this, k, v);
  }

  override get(key: number) { this.#fill(); return super.get(key); }
  override has(key: number) { this.#fill(); return super.has(key); }
  override get size() { this.#fill(); return super.size; }
  override set(key: number, value: Map<number, number>) { this.#fill(); return super.set(key, value); }
  override delete(key: number) { this.#fill(); return super.delete(key); }
  override clear() { this.#source = undefined; super.clear(); }
  override keys() { this.#fill(); return super.keys(); }
  override values() { this.#fill(); return super.values(); }
  override entries() { this.#fill(); return super.entries(); }
  override forEach(fn: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown) {
    this.#fill();
    super.forEach(fn, thisArg);
  }
  override [Symbol.iterator]() { this.#fill(); return super[Symbol.iterator](); }
}

class ByteWriter {
  #chunk = new Uint8Array(1 << 16);
  #chunks: Uint8Array[] = [];
  #used = 0;
  #flushed = 0;

  get length(): number {
    return this.#flushed + this.#used;
  }

  varint(value: number): void {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`varint of ${value}`);
    let v = value;
    while (v >= 0x80) {
      this.#byte((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.#byte(v);
  }

  #byte(b: number): void {
    if (this.#used === this.#chunk.length) {
      this.#chunks.push(this.#chunk);
      this.#flushed += this.#used;
      this.#chunk = new Uint8Array(this.#chunk.length * 2);
      this.#used = 0;
    }
    this.#chunk[this.#used++] = b;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.#chunks) {
      out.set(c, at);
      at += c.length;
    }
    out.set(this.#chunk.subarray(0, this.#used), at);
    return out;
  }
}

class ByteReader {
  constructor(private readonly bytes: Uint8Array, private offset: number) {}

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.bytes[this.offset++];
      if (b === undefined) throw new Error('truncated postings');
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  }
}
