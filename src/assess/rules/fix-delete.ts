import type { Node } from 'web-tree-sitter';

/**
 * The range to delete for a node: the node with one adjacent comma when it is a list item, so that
 * `f(a, verify=False)` and `f(verify=False, a)` both become `f(a)`, and a line left blank goes with it.
 */
export function deletionRange(node: Node, source: string): [number, number] {
  const next = node.nextSibling;
  const prev = node.previousSibling;
  if (next?.type === ',') {
    const after = next.nextSibling;
    if (after?.isNamed) return [node.startIndex, after.startIndex]; // the next item moves into place
    // A trailing comma: drop the item's line if it was alone on it, else the comma before it too.
    const line = wholeLine(source, node.startIndex, next.endIndex);
    if (line) return line;
    if (prev?.type === ',') return [prev.previousSibling?.endIndex ?? prev.startIndex, next.endIndex];
    return [node.startIndex, next.endIndex];
  }
  if (prev?.type === ',') return [prev.previousSibling?.endIndex ?? prev.startIndex, node.endIndex];
  // The only item between brackets on one line: `{ a }` becomes `{}`, not `{  }`.
  if (prev && next && !prev.isNamed && !next.isNamed && !source.slice(prev.endIndex, next.startIndex).includes('\n')) {
    return [prev.endIndex, next.startIndex];
  }
  return wholeLine(source, node.startIndex, node.endIndex) ?? [node.startIndex, node.endIndex];
}

/** [start, end) widened to whole lines when only whitespace shares those lines, else undefined. */
function wholeLine(source: string, start: number, end: number): [number, number] | undefined {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = source.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = source.length;
  if (source.slice(lineStart, start).trim() !== '' || source.slice(end, lineEnd).trim() !== '') return undefined;
  return [lineStart, Math.min(lineEnd + 1, source.length)];
}
