import type { Node, Tree } from 'web-tree-sitter';

/** ERROR and MISSING nodes whose lines meet start..end (1-based), descending only into subtrees with errors. */
export function syntaxErrorsIn(tree: Tree, startLine: number, endLine: number): Node[] {
  const out: Node[] = [];
  const visit = (node: Node): void => {
    if (node.endPosition.row + 1 < startLine || node.startPosition.row + 1 > endLine) return;
    if (node.isError || node.isMissing) {
      out.push(node);
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  return out;
}

/** `line 12: unexpected "foo"` / `line 12: missing ")"`, for rejection reasons. */
export function describeSyntaxError(node: Node): string {
  const line = node.startPosition.row + 1;
  if (node.isMissing) return `line ${line}: missing ${JSON.stringify(node.type)}`;
  const text = node.text.length > 40 ? `${node.text.slice(0, 40)}…` : node.text;
  return `line ${line}: unexpected ${JSON.stringify(text)}`;
}
