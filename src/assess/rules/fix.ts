import type { Node, Tree } from 'web-tree-sitter';
import { TEMPLATE_REF } from './compile.js';
import { deletionRange } from './fix-delete.js';
import { importEdits } from './fix-imports.js';
import { applyEdits, makeEdit } from './edits.js';
import type { CompiledRule, FixResult, RuleMatch, TextEdit } from './types.js';

/**
 * Applies a rule's fix template to the source a match came from: `replace` edits with `{{capture}}`
 * substitution, `delete` edits (with the list separator), and the imports the fix needs when absent.
 * Edits are applied bottom-up in UTF-16 string indices; overlapping edits are an error, not a guess.
 * `tree`: the tree of `source` with the match's grammar when the caller has it (not deleted here), so
 * deletions and imports are placed without parsing the file again.
 */
export function applyFix(rule: CompiledRule, match: RuleMatch, source: string, tree?: Tree): FixResult {
  const fix = rule.rule.fix;
  if (!fix) return { error: `rule ${rule.id} has no fix` };
  const parser = rule.parsers.get(match.grammar);
  if (!parser) return { error: `rule ${rule.id} does not run on the ${match.grammar} grammar` };
  let own: Tree | null = null;
  const getTree = (): Tree => tree ?? (own ??= parser.parse(source)!);
  try {
    const edits: TextEdit[] = [];
    for (const edit of fix.edits) {
      const cap = match.captures[edit.capture];
      if (!cap) return { error: `rule ${rule.id}: capture @${edit.capture} is not bound in this match` };
      if (source.slice(cap.startIndex, cap.endIndex) !== cap.text) {
        return { error: `rule ${rule.id}: the source differs from the one the match came from` };
      }
      if ('replace' in edit) {
        let missing: string | undefined;
        const text = edit.replace.replace(TEMPLATE_REF, (_, name: string) => {
          const c = match.captures[name];
          if (!c) missing = name;
          return c?.text ?? '';
        });
        if (missing) return { error: `rule ${rule.id}: template capture @${missing} is not bound in this match` };
        edits.push(makeEdit(source, cap.startIndex, cap.endIndex, text));
      } else {
        const node = findNode(getTree().rootNode, cap.startIndex, cap.endIndex, cap.type);
        if (!node) return { error: `rule ${rule.id}: cannot find @${edit.capture} again in the source` };
        const [start, end] = deletionRange(node, source);
        edits.push(makeEdit(source, start, end, ''));
      }
    }
    if (fix.imports.length > 0) {
      const added = importEdits(match.grammar, getTree(), source, fix.imports, parser);
      if ('error' in added) return { error: `rule ${rule.id}: ${added.error}` };
      edits.push(...added.edits);
    }
    return applyEdits(source, edits);
  } finally {
    (own as Tree | null)?.delete();
  }
}

/** The node with exactly this range and type (several nodes can share a range: a call and its statement). */
export function findNode(root: Node, start: number, end: number, type: string): Node | undefined {
  let node: Node | undefined = root;
  while (node) {
    if (node.startIndex === start && node.endIndex === end) {
      for (let n: Node | null = node; n && n.startIndex === start && n.endIndex === end; n = n.parent) {
        if (n.type === type) return n;
      }
    }
    // The child holding a non-empty range is unique (siblings do not overlap): ask tree-sitter for it rather
    // than unmarshalling every child (a module with thousands of functions made this quadratic).
    const holds = (c: Node | null | undefined): c is Node => !!c && c.startIndex <= start && c.endIndex >= end && c.endIndex > c.startIndex;
    const quick: Node | null | undefined = start < end ? node.firstChildForIndex(start) : undefined;
    node = holds(quick) ? quick : node.children.find(holds);
  }
  return undefined;
}
