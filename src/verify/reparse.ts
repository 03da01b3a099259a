import { Edit, type Parser, type Point, type Tree } from 'web-tree-sitter';
import type { TextEdit } from '../assess/rules/types.js';
import { rowAt } from '../code/line-index.js';

/** Characters handed to tree-sitter per read during an incremental parse. */
const READ_CHUNK = 1024;

/**
 * The tree of `text`, which is the source of `tree` with `edits` applied (non-overlapping, in UTF-16
 * indices of that source, whose line starts are `starts`), parsed incrementally from `tree` (neither
 * changed nor deleted here):
 * tree-sitter re-reads only around the edits, where a fresh parse reads the whole file. A result with
 * syntax errors is parsed again from scratch: error recovery is where reusing old subtrees could make a
 * tree differ from a fresh parse, and the errors are what verification counts.
 */
export function reparse(parser: Parser, tree: Tree, starts: readonly number[], edits: readonly TextEdit[], text: string): Tree {
  const edited = tree.copy();
  try {
    // From the last edit to the first: the positions of the earlier ones do not move.
    for (const e of [...edits].sort((a, b) => b.startIndex - a.startIndex)) edited.edit(treeEdit(starts, e));
    // Read in short pieces: an incremental parse jumps from reused subtree to reused subtree, and each
    // jump copies what the read returns into WebAssembly memory (given the string, up to 10 KB a jump).
    const out = parser.parse((index: number) => text.slice(index, index + READ_CHUNK), edited);
    if (!out) throw new Error('tree-sitter returned no tree');
    if (!out.rootNode.hasError) return out;
    out.delete();
  } finally {
    edited.delete();
  }
  const fresh = parser.parse(text);
  if (!fresh) throw new Error('tree-sitter returned no tree');
  return fresh;
}

function treeEdit(starts: readonly number[], e: TextEdit): Edit {
  const startPosition = pointAt(starts, e.startIndex);
  let row = startPosition.row;
  let column = startPosition.column;
  const lastBreak = e.text.lastIndexOf('\n');
  if (lastBreak >= 0) {
    for (let i = e.text.indexOf('\n'); i !== -1; i = e.text.indexOf('\n', i + 1)) row++;
    column = e.text.length - lastBreak - 1;
  } else {
    column += e.text.length;
  }
  return new Edit({
    startIndex: e.startIndex,
    oldEndIndex: e.endIndex,
    newEndIndex: e.startIndex + e.text.length,
    startPosition,
    oldEndPosition: pointAt(starts, e.endIndex),
    newEndPosition: { row, column },
  });
}

/** Row and column (UTF-16 units, as web-tree-sitter counts them for a tree parsed from a string) of an index. */
export function pointAt(starts: readonly number[], index: number): Point {
  const row = rowAt(starts, index);
  return { row, column: index - starts[row]! };
}
