import type { Tree, TreeCursor } from 'web-tree-sitter';

/**
 * A tree walk without web-tree-sitter's per-call marshalling.
 *
 * Every TreeCursor method of web-tree-sitter copies the cursor's four words into a transfer buffer in
 * WebAssembly memory, calls the exported C function, and copies them back, through Emscripten's generic
 * `setValue`/`getValue`; on a 2,000-line function that bookkeeping cost more than the walk itself. The C
 * functions read the cursor from the transfer buffer and write it back after each move, so the state can
 * stay there for a whole walk: it is copied in once, the exports are called directly, and it is copied
 * out at the end so the TreeCursor object (and its `delete`) stays valid.
 *
 * This reaches past the package's public API: the Emscripten module object is the options object given to
 * `Parser.init` (Emscripten's `moduleArg`), which receives the exports and the heap views. The version of
 * web-tree-sitter is pinned; `rawCursorApi` checks that everything it needs is there (and that the host is
 * little-endian, which the direct heap access assumes) and returns undefined otherwise, and callers then
 * walk with the public API. Tests compare both walks node for node.
 */

type Export = (tree: number) => number;

interface EmscriptenModule {
  readonly HEAP32?: Int32Array;
  readonly _ts_init?: () => number;
  readonly _ts_tree_cursor_goto_first_child_wasm?: Export;
  readonly _ts_tree_cursor_goto_next_sibling_wasm?: Export;
  readonly _ts_tree_cursor_goto_parent_wasm?: Export;
  readonly _ts_tree_cursor_current_node_type_id_wasm?: Export;
  readonly _ts_tree_cursor_current_field_id_wasm?: Export;
  readonly _ts_tree_cursor_current_node_is_named_wasm?: Export;
  readonly _ts_tree_cursor_start_index_wasm?: Export;
  readonly _ts_tree_cursor_end_index_wasm?: Export;
}

/** The cursor operations, each taking the tree's address; the cursor itself lives in the transfer buffer. */
export interface RawCursorApi {
  readonly gotoFirstChild: Export;
  readonly gotoNextSibling: Export;
  readonly gotoParent: Export;
  readonly typeId: Export;
  readonly fieldId: Export;
  readonly isNamed: Export;
  /** UTF-16 offsets, as web-tree-sitter reports them. */
  readonly startIndex: Export;
  readonly endIndex: Export;
  /** Runs `walk` with `cursor`'s state in the transfer buffer; `tree` is the address to pass to the operations. */
  withCursor<T>(tree: Tree, cursor: TreeCursor, walk: (tree: number) => T): T;
}

let module: EmscriptenModule | undefined;
let api: RawCursorApi | null | undefined;

/** Called by the parser module with the object it gave `Parser.init`, once the init has completed. */
export function registerModule(options: object): void {
  module = options as EmscriptenModule;
  api = undefined;
  fastHeapAccess(options as MutableModule);
}

type HeapAccess = (ptr: number, ...rest: unknown[]) => unknown;
interface MutableModule {
  HEAP32?: Int32Array;
  getValue?: HeapAccess;
  setValue?: HeapAccess;
}

/**
 * web-tree-sitter moves every node and cursor in and out of WebAssembly memory through the module's
 * `getValue`/`setValue` with type "i32", which Emscripten (built for either byte order) routes through a
 * DataView call with an explicit little-endian flag. On a little-endian host an Int32Array view of the
 * same memory reads and writes the same values several times faster; every other type keeps Emscripten's
 * own code. The view is looked up on each call: growing the memory replaces it.
 */
function fastHeapAccess(m: MutableModule): void {
  const { getValue, setValue } = m;
  if (!LITTLE_ENDIAN || !(m.HEAP32 instanceof Int32Array) || typeof getValue !== 'function' || typeof setValue !== 'function') return;
  m.getValue = (ptr: number, type?: unknown) => (type === 'i32' ? m.HEAP32![ptr >> 2] : getValue(ptr, type));
  m.setValue = (ptr: number, value?: unknown, type?: unknown) => {
    if (type === 'i32') m.HEAP32![ptr >> 2] = value as number;
    else setValue(ptr, value, type);
  };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function rawCursorApi(): RawCursorApi | undefined {
  if (api !== undefined) return api ?? undefined;
  api = null;
  const m = module;
  if (!m || !LITTLE_ENDIAN || !(m.HEAP32 instanceof Int32Array) || typeof m._ts_init !== 'function') return undefined;
  const fns = [
    m._ts_tree_cursor_goto_first_child_wasm,
    m._ts_tree_cursor_goto_next_sibling_wasm,
    m._ts_tree_cursor_goto_parent_wasm,
    m._ts_tree_cursor_current_node_type_id_wasm,
    m._ts_tree_cursor_current_field_id_wasm,
    m._ts_tree_cursor_current_node_is_named_wasm,
    m._ts_tree_cursor_start_index_wasm,
    m._ts_tree_cursor_end_index_wasm,
  ];
  if (fns.some((f) => typeof f !== 'function')) return undefined;
  // The address of the static transfer buffer (ts_init only writes two version numbers into it).
  const buffer = m._ts_init() >> 2;
  const [gotoFirstChild, gotoNextSibling, gotoParent, typeId, fieldId, isNamed, startIndex, endIndex] = fns as Export[];
  api = {
    gotoFirstChild: gotoFirstChild!,
    gotoNextSibling: gotoNextSibling!,
    gotoParent: gotoParent!,
    typeId: typeId!,
    fieldId: fieldId!,
    isNamed: isNamed!,
    startIndex: startIndex!,
    endIndex: endIndex!,
    withCursor(tree, cursor, walk) {
      const handle = cursor as unknown as Record<number, number>;
      const address = (tree as unknown as Record<number, number>)[0]!;
      let heap = m.HEAP32!;
      for (let k = 0; k < 4; k++) heap[buffer + k] = handle[k]!;
      try {
        return walk(address);
      } finally {
        // A move may have grown the memory (the cursor's stack), which replaces the heap views.
        heap = m.HEAP32!;
        for (let k = 0; k < 4; k++) handle[k] = heap[buffer + k]!;
      }
    },
  };
  return api;
}
