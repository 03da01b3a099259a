import type { Tree } from 'web-tree-sitter';

/**
 * A syntax tree copied out of tree-sitter into plain arrays, in preorder. Every later pass reads these
 * arrays: crossing into WebAssembly once per node (with a cursor) is the dominant cost, so it is done once.
 * Node 0 is the root. Rows are 0-based; indices are UTF-16 offsets into `source` (what web-tree-sitter reports).
 */
export interface FlatTree {
  readonly source: string;
  readonly count: number;
  readonly type: readonly string[];
  readonly named: Uint8Array;
  readonly field: readonly (string | null)[];
  readonly parent: Int32Array;
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly startRow: Int32Array;
  /** Row of the last character of the node (not of the position after it). */
  readonly endRow: Int32Array;
  readonly hasError: boolean;
  /** Start offset of every line. */
  readonly lineStarts: readonly number[];
}

export function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Row of a UTF-16 offset. */
export function rowAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Per-language memo of which type ids are named (one WebAssembly call per type instead of per node). */
const namedCache = new WeakMap<object, Int8Array>();

export function flatten(tree: Tree, source: string): FlatTree {
  const language = tree.language;
  const typeNames = language.types;
  const fieldNames = language.fields;
  let namedById = namedCache.get(language);
  if (!namedById) {
    namedById = new Int8Array(typeNames.length + 1).fill(-1);
    namedCache.set(language, namedById);
  }
  const cursor = tree.walk();
  const type: string[] = [];
  const namedList: number[] = [];
  const field: (string | null)[] = [];
  const parentList: number[] = [];
  // Only leaves are asked for their offsets; an inner node spans its first to its last child.
  const startList: number[] = [];
  const endList: number[] = [];
  const stack: number[] = [];
  try {
    for (;;) {
      const id = type.length;
      const typeId = cursor.nodeTypeId;
      let isNamed: boolean;
      const cached = typeId < namedById.length ? namedById[typeId]! : -1;
      if (cached !== -1) isNamed = cached === 1;
      else {
        isNamed = cursor.nodeIsNamed;
        if (typeId < namedById.length) namedById[typeId] = isNamed ? 1 : 0;
      }
      // Aliased and error nodes may be missing from the id table.
      type.push(typeNames[typeId] ?? cursor.nodeType);
      namedList.push(isNamed ? 1 : 0);
      const fieldId = cursor.currentFieldId;
      field.push(fieldId ? (fieldNames[fieldId] ?? null) : null);
      parentList.push(stack.length ? stack[stack.length - 1]! : -1);
      if (cursor.gotoFirstChild()) {
        startList.push(-1);
        endList.push(-1);
        stack.push(id);
        continue;
      }
      startList.push(cursor.startIndex);
      endList.push(cursor.endIndex);
      let done = false;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true;
          break;
        }
        stack.pop();
      }
      if (done || stack.length === 0) break;
    }
  } finally {
    cursor.delete();
  }
  const count = type.length;
  const parent = Int32Array.from(parentList);
  const firstChild = new Int32Array(count).fill(-1);
  const nextSibling = new Int32Array(count).fill(-1);
  const lastChild = new Int32Array(count).fill(-1);
  for (let i = 1; i < count; i++) {
    const p = parent[i]!;
    if (lastChild[p] === -1) firstChild[p] = i;
    else nextSibling[lastChild[p]!] = i;
    lastChild[p] = i;
  }
  const start = Int32Array.from(startList);
  const end = Int32Array.from(endList);
  for (let i = count - 1; i >= 0; i--) {
    if (firstChild[i] === -1) continue;
    start[i] = start[firstChild[i]!]!;
    end[i] = end[lastChild[i]!]!;
  }
  const lineStarts = lineStartsOf(source);
  const startRow = new Int32Array(count);
  const endRow = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const s = start[i]!;
    const e = end[i]!;
    const r = rowAt(lineStarts, s);
    startRow[i] = r;
    endRow[i] = e - 1 > s ? rowAt(lineStarts, e - 1) : r;
  }
  return {
    source,
    count,
    type,
    named: Uint8Array.from(namedList),
    field,
    parent,
    firstChild,
    nextSibling,
    start,
    end,
    startRow,
    endRow,
    hasError: tree.rootNode.hasError,
    lineStarts,
  };
}

export function textOf(tree: FlatTree, node: number): string {
  return tree.source.slice(tree.start[node], tree.end[node]);
}

/** The first child with the given field name, or -1. */
export function childByField(tree: FlatTree, node: number, name: string): number {
  for (let c = tree.firstChild[node]!; c !== -1; c = tree.nextSibling[c]!) if (tree.field[c] === name) return c;
  return -1;
}
