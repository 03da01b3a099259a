import type { Tree } from 'web-tree-sitter';
import { lineStarts as lineStartsOf, rowAt } from '../code/line-index.js';
import { rawCursorApi } from '../code/raw-cursor.js';

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

/** Per-language memo of which type ids are named (one WebAssembly call per type instead of per node). */
const namedCache = new WeakMap<object, Int8Array>();

function namedTable(language: Tree['language']): Int8Array {
  let namedById = namedCache.get(language);
  if (!namedById) {
    namedById = new Int8Array(language.types.length + 1).fill(-1);
    namedCache.set(language, namedById);
  }
  return namedById;
}

/** What a walk records per node, in preorder; the rest of the FlatTree is derived from it. */
interface Walked {
  readonly type: string[];
  readonly named: Uint8Array;
  readonly field: (string | null)[];
  readonly parent: Int32Array;
  /** Leaves only; -1 for inner nodes until derived. */
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/**
 * Copies the tree out of WebAssembly. The walk calls the cursor's C functions directly when it can
 * (src/code/raw-cursor.ts: about three times faster), else through web-tree-sitter's TreeCursor.
 */
export function flatten(tree: Tree, source: string): FlatTree {
  const walked = (rawCursorApi() && walkRaw(tree)) ?? walkWithCursor(tree);
  return derive(walked, tree, source);
}

/** The same copy through the public TreeCursor API only (tests compare the two). */
export function flattenWithCursor(tree: Tree, source: string): FlatTree {
  return derive(walkWithCursor(tree), tree, source);
}

/** Undefined when a node type is missing from the language's table (the public walk then names it). */
function walkRaw(tree: Tree): Walked | undefined {
  const raw = rawCursorApi()!;
  const language = tree.language;
  const typeNames = language.types;
  const fieldNames = language.fields;
  const namedById = namedTable(language);
  const count = tree.rootNode.descendantCount;
  const type: string[] = new Array<string>(count);
  const named = new Uint8Array(count);
  const field: (string | null)[] = new Array<string | null>(count);
  const parent = new Int32Array(count);
  const start = new Int32Array(count).fill(-1);
  const end = new Int32Array(count).fill(-1);
  const cursor = tree.walk();
  try {
    const complete = raw.withCursor(tree, cursor, (t) => {
      const stack = new Int32Array(256);
      let depth = 0;
      let id = 0;
      for (;;) {
        if (id >= count) return false;
        const typeId = raw.typeId(t);
        const name = typeNames[typeId] ?? (typeId === 65535 ? 'ERROR' : undefined);
        if (name === undefined) return false;
        type[id] = name;
        let isNamed = typeId < namedById.length ? namedById[typeId]! : -1;
        if (isNamed === -1) {
          isNamed = raw.isNamed(t) ? 1 : 0;
          if (typeId < namedById.length) namedById[typeId] = isNamed;
        }
        named[id] = isNamed;
        const fieldId = raw.fieldId(t);
        field[id] = fieldId ? (fieldNames[fieldId] ?? null) : null;
        parent[id] = depth ? stack[depth - 1]! : -1;
        if (raw.gotoFirstChild(t)) {
          if (depth === stack.length) return false;
          stack[depth++] = id++;
          continue;
        }
        start[id] = raw.startIndex(t);
        end[id] = raw.endIndex(t);
        id++;
        while (!raw.gotoNextSibling(t)) {
          if (depth === 0 || !raw.gotoParent(t)) return id === count;
          depth--;
        }
        if (depth === 0) return id === count;
      }
    });
    return complete ? { type, named, field, parent, start, end } : undefined;
  } finally {
    cursor.delete();
  }
}

function walkWithCursor(tree: Tree): Walked {
  const language = tree.language;
  const typeNames = language.types;
  const fieldNames = language.fields;
  const namedById = namedTable(language);
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
  return {
    type,
    named: Uint8Array.from(namedList),
    field,
    parent: Int32Array.from(parentList),
    start: Int32Array.from(startList),
    end: Int32Array.from(endList),
  };
}

function derive(walked: Walked, tree: Tree, source: string): FlatTree {
  const { type, named, field, parent, start, end } = walked;
  const count = type.length;
  const firstChild = new Int32Array(count).fill(-1);
  const nextSibling = new Int32Array(count).fill(-1);
  const lastChild = new Int32Array(count).fill(-1);
  for (let i = 1; i < count; i++) {
    const p = parent[i]!;
    if (lastChild[p] === -1) firstChild[p] = i;
    else nextSibling[lastChild[p]!] = i;
    lastChild[p] = i;
  }
  const lineStarts = lineStartsOf(source);
  const startRow = new Int32Array(count);
  const endRow = new Int32Array(count);
  // Leaves come in document order in a preorder walk: their rows follow with one moving line pointer.
  let line = 0;
  const lines = lineStarts.length;
  for (let i = 0; i < count; i++) {
    if (firstChild[i] !== -1) continue;
    const s = start[i]!;
    const e = end[i]!;
    if (line > 0 && lineStarts[line]! > s) line = rowAt(lineStarts, s);
    while (line + 1 < lines && lineStarts[line + 1]! <= s) line++;
    startRow[i] = line;
    let r = line;
    if (e - 1 > s) while (r + 1 < lines && lineStarts[r + 1]! <= e - 1) r++;
    endRow[i] = r;
  }
  // An inner node spans its first child's start to its last child's end.
  for (let i = count - 1; i >= 0; i--) {
    const f = firstChild[i]!;
    if (f === -1) continue;
    const l = lastChild[i]!;
    const s = (start[i] = start[f]!);
    const e = (end[i] = end[l]!);
    startRow[i] = startRow[f]!;
    // A last child of zero width (a MISSING token) may sit at the start of a line that the node does not reach.
    endRow[i] = end[l]! > start[l]! ? endRow[l]! : e - 1 > s ? rowAt(lineStarts, e - 1) : startRow[i]!;
  }
  return {
    source,
    count,
    type,
    named,
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
