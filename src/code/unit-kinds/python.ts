import type { Node } from 'web-tree-sitter';
import { compactText, same, wholeStatement, type UnitSpec } from '../unit-spec.js';

const INERT = new Set([
  'import_statement',
  'import_from_statement',
  'future_import_statement',
  'function_definition',
  'class_definition',
  'decorated_definition',
  'pass_statement',
  'type_alias_statement',
]);

/** `"""docstring"""` as a statement: documentation, not behaviour. */
export function isDocstring(node: Node): boolean {
  return node.type === 'expression_statement' && node.namedChildCount === 1 && node.namedChild(0)?.type === 'string';
}

/** `self.handler = lambda ...` is named `handler`; other targets as written. */
function targetName(left: Node): string | undefined {
  if (left.type === 'identifier') return left.text;
  if (left.type === 'attribute') return compactText(left).replace(/^(self|cls)\./, '');
  return undefined;
}

export const python: UnitSpec = {
  separator: '.',
  commentTypes: new Set(['comment']),
  unitTypes: new Set(['function_definition', 'lambda']),
  scopeTypes: new Set(['class_definition']),
  containerTypes: new Set(['module']),
  scopeBodiesAreContainers: true,

  unit(node, context) {
    if (node.type === 'function_definition') {
      const name = node.childForFieldName('name')?.text;
      if (!name) return undefined;
      const decorated = node.parent?.type === 'decorated_definition' ? node.parent : node;
      const kind = context.nearest === 'class' ? (name === '__init__' ? 'constructor' : 'method') : 'function';
      return { name, kind, first: decorated, last: decorated };
    }
    // lambda: a unit only when assigned to a name (`f = lambda x: ...`); inline lambdas are expressions.
    const parent = node.parent;
    if (parent?.type !== 'assignment' || !same(parent.childForFieldName('right'), node)) return undefined;
    const left = parent.childForFieldName('left');
    const name = left && targetName(left);
    if (!name) return undefined;
    const span = wholeStatement(parent);
    return { name, kind: 'lambda', first: span, last: span };
  },

  scope(node) {
    return { name: node.childForFieldName('name')?.text, kind: 'class' };
  },

  isInert: (node) => INERT.has(node.type) || isDocstring(node),
  recoveryLine: /^(?:async\s+def|def|class)\s|^@/,
  docstring(owner) {
    const body = owner.type === 'module' ? owner : owner.childForFieldName('body');
    if (body?.type !== 'module' && body?.type !== 'block') return undefined;
    const first = body.namedChildren.find((c) => c?.type !== 'comment');
    return first && isDocstring(first) ? first : undefined;
  },
};
