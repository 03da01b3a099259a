import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';

/**
 * A compact serialization of a MiniSearch index (both KB indexes use it), built so that loading does not
 * grow with the number of postings or pay for building MiniSearch's radix tree.
 *
 * MiniSearch's own JSON stores each term's postings as `{ "<docId>": freq }` objects, and `loadJS` turns
 * every one into Map entries: at 50,000 examples that is millions of entries and most of a second before
 * the first query. Inserting the terms into its radix tree (SearchableMap) costs too: 15 to 30 ms for the
 * 5,500 terms of the bundled CWE index in a fresh process. Here the postings of all terms are one varint
 * buffer (base64) with a byte length per term; the loaded index looks terms up in a plain Map
 * (ExactTermIndex) and decodes a term's postings when a query first touches it. Document ids, field
 * lengths and averages still go through MiniSearch's public `loadJS`.
 *
 * The one private access is MiniSearch's term map (`_index`, a SearchableMap in minisearch 7.2.0, which
 * package.json pins): it is replaced by an ExactTermIndex, a SearchableMap whose exact lookups use the
 * plain Map and whose every other operation (prefix and fuzzy search, iteration, writes) first builds the
 * real tree. When the field is not there, the index is decoded in full and loaded through `loadJS`
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
  const offsets = new Map<string, number>();
  let offset = 0;
  for (let t = 0; t < terms.length; t++) {
    offsets.set(terms[t]!, offset);
    offset += lengths[t]!;
  }
  if (offset !== bytes.length) throw new Error('the postings do not match the term lengths');
  (index as unknown as { _index: ExactTermIndex })._index = new ExactTermIndex(bytes, offsets);
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
 * MiniSearch's term map for a read-only index: exact lookups (all that a search with `prefix: false` and
 * `fuzzy: false` does) go to a plain Map from term to its offset in the postings buffer, decoded on first
 * use; any other operation first builds the radix tree of the base class from every term, then defers to it.
 */
class ExactTermIndex extends SearchableMap<TermData> {
  #terms: Map<string, number | TermData> | undefined;
  #bytes: Uint8Array;

  constructor(bytes: Uint8Array, offsets: Map<string, number>) {
    super();
    this.#bytes = bytes;
    this.#terms = offsets;
  }

  #lookup(terms: Map<string, number | TermData>, key: string): TermData | undefined {
    const value = terms.get(key);
    if (typeof value !== 'number') return value;
    const data = decodeTerm(this.#bytes, value);
    terms.set(key, data);
    return data;
  }

  /** Builds the base class's tree; from then on every operation is the base class's. */
  #tree(): void {
    const terms = this.#terms;
    if (!terms) return;
    this.#terms = undefined;
    for (const key of terms.keys()) super.set(key, this.#lookup(terms, key)!);
  }

  override get(key: string): TermData | undefined {
    return this.#terms ? this.#lookup(this.#terms, key) : super.get(key);
  }
  override has(key: string): boolean {
    return this.#terms ? this.#terms.has(key) : super.has(key);
  }
  override get size(): number {
    return this.#terms ? this.#terms.size : super.size;
  }
  override set(key: string, value: TermData): SearchableMap<TermData> { this.#tree(); return super.set(key, value); }
  override delete(key: string): void { this.#tree(); super.delete(key); }
  override clear(): void { this.#terms = undefined; super.clear(); }
  override update(key: string, fn: (value: TermData | undefined) => TermData): SearchableMap<TermData> { this.#tree(); return super.update(key, fn); }
  override fetch(key: string, initial: () => TermData): TermData { this.#tree(); return super.fetch(key, initial); }
  override atPrefix(prefix: string): SearchableMap<TermData> { this.#tree(); return super.atPrefix(prefix); }
  override fuzzyGet(key: string, maxEditDistance: number): ReturnType<SearchableMap<TermData>['fuzzyGet']> { this.#tree(); return super.fuzzyGet(key, maxEditDistance); }
  override entries() { this.#tree(); return super.entries(); }
  override keys() { this.#tree(); return super.keys(); }
  override values() { this.#tree(); return super.values(); }
  override forEach(fn: (key: string, value: TermData, map: SearchableMap<TermData>) => void): void { this.#tree(); super.forEach(fn); }
  override [Symbol.iterator]() { this.#tree(); return super[Symbol.iterator](); }
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
