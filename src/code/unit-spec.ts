import type { Node } from 'web-tree-sitter';
import type { UnitKind } from './unit.js';

/** What the walker knows about the enclosing code when it asks a spec about a node. */
export interface UnitContext {
  /** The node sits inside a function-like unit (anonymous callbacks there rarely deserve their own unit). */
  readonly insideUnit: boolean;
  /** The nearest enclosing scope or unit: a class decides between method and function. */
  readonly nearest: 'module' | 'unit' | ScopeKind;
  /** The simple name of that nearest scope or unit (a C++ constructor is named after its class). */
  readonly nearestName: string | undefined;
}

export type ScopeKind = 'class' | 'namespace' | 'object';

/** A function-like definition found at a node. */
export interface UnitCandidate {
  /** Unqualified; may itself contain separators (`Server.handle` for a Go method, `A::f` out of line). */
  readonly name: string;
  readonly kind: UnitKind;
  /** First and last node of the span (decorators, `export`, `template <...>`, the declaration that names it). */
  readonly first: Node;
  readonly last: Node;
}

/** A named scope that qualifies the units inside it (a class, a namespace, a named object literal). */
export interface ScopeCandidate {
  /** Undefined for an anonymous scope, which still counts as a class for method kinds. */
  readonly name: string | undefined;
  readonly kind: ScopeKind;
}

/**
 * How one language shapes its units. The walker visits every node once; it asks the spec about a node only
 * when its type is in one of the sets, so the sets must be exact and the methods may look at neighbours.
 */
export interface UnitSpec {
  /** `.` everywhere except C++ (`::`). */
  readonly separator: string;
  readonly commentTypes: ReadonlySet<string>;
  readonly unitTypes: ReadonlySet<string>;
  readonly scopeTypes: ReadonlySet<string>;
  /** Node types whose named children are module-level statements (the root, class bodies, namespaces). */
  readonly containerTypes: ReadonlySet<string>;
  /**
   * The `body` of each scope is a container too: Python's class `block` and a TypeScript namespace's
   * `statement_block`, types that elsewhere are function bodies.
   */
  readonly scopeBodiesAreContainers?: boolean;
  /** Child fields of a container that are not statements (`#ifdef NAME`, `#if CONDITION`). */
  readonly nonStatementFields?: ReadonlySet<string>;
  unit(node: Node, context: UnitContext): UnitCandidate | undefined;
  scope(node: Node): ScopeCandidate | undefined;
  /**
   * A module-level statement that holds no behaviour of its own: imports, declarations of functions, classes
   * and types, declarations without a value, docstrings. Lines of inert statements never make a module unit.
   */
  isInert(node: Node): boolean;
  /**
   * The docstring of a module, class or function (Python): its lines count as comments, so editing it
   * selects no unit.
   */
  docstring?(owner: Node): Node | undefined;
  /**
   * Lines that start a top-level definition. A syntax error can leave the rest of a file as one ERROR node
   * (an unclosed parenthesis in Python); such a region is cut at these lines and each piece parsed alone.
   */
  readonly recoveryLine?: RegExp;
}

/** First and last line (1-based) of a node; a node ending at column 0 ends on the line before. */
export function lineSpan(node: Node): { start: number; end: number } {
  const start = node.startPosition.row + 1;
  const endPos = node.endPosition;
  const end = endPos.column === 0 && endPos.row > node.startPosition.row ? endPos.row : endPos.row + 1;
  return { start, end };
}

export function isMultiLine(node: Node): boolean {
  const { start, end } = lineSpan(node);
  return end > start;
}

/** Same node (web-tree-sitter hands out fresh wrapper objects). */
export function same(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.id === b.id;
}

/** Source text on one line: whitespace that spans lines is dropped (`app\n  .get` is `app.get`). */
export function compactText(node: Node): string {
  return node.text.replace(/\s*[\r\n]\s*/g, '').replace(/\s+/g, ' ');
}

/** A property or key name without its quotes. */
export function keyName(node: Node): string {
  const text = compactText(node);
  const quoted = /^(['"`])(.*)\1$/s.exec(text);
  return quoted ? quoted[2]! : text;
}

/** The parent, looking through parentheses. */
export function parentThroughParens(node: Node): { parent: Node | null; child: Node } {
  let child = node;
  let parent = node.parent;
  while (parent && parent.type === 'parenthesized_expression') {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** The enclosing statement when a node is the whole of an expression statement, else the node. */
export function wholeStatement(node: Node, statementType = 'expression_statement'): Node {
  const parent = node.parent;
  return parent && parent.type === statementType && parent.namedChildCount === 1 ? parent : node;
}

const REGISTRATION_KEY = /^(['"`])[^\s'"`\\]{1,60}\1$/;
const MAX_CALLEE = 60;

export interface CallbackShape {
  /** The node type of argument lists. */
  readonly argumentsType: string;
  readonly stringTypes: ReadonlySet<string>;
  /** Function-like node types, to count the callbacks of one call. */
  readonly functionTypes: ReadonlySet<string>;
  /** The callee of a call as written (`app.get`, `new Promise`), or undefined when the node is no call. */
  callee(call: Node): string | undefined;
  /** Is this node a call whose callee position holds `child` (an IIFE)? */
  isCallee(call: Node, child: Node): boolean;
  /** The name a wrapping call gives away: `const Card = memo(() => ...)` is `Card`. */
  nameOfCall?(call: Node): string | undefined;
}

/**
 * An anonymous function-like expression (arrow function, func literal, lambda) that no name claims.
 * It is a unit when it spans more than one line and either sits outside every other unit (a module-level
 * `app.get('/x', (req, res) => {...})`) or is registered under a string key (`http.HandleFunc("/x", func...)`
 * inside `main`): request handlers are where the security bugs are. Other callbacks (`rows.map(...)`,
 * `new Promise(...)` inside a function) stay part of their enclosing unit, whose variables they use.
 * Names: the function's own name, the variable a wrapping call is assigned to (`const Card = memo(...)`),
 * `<callee>(<key>) callback`, `<callee> callback`, `<iife>`, or `<anonymous>`.
 */
export function anonymousUnit(
  node: Node,
  context: UnitContext,
  shape: CallbackShape,
  kind: UnitKind,
  ownName?: string,
): UnitCandidate | undefined {
  if (!isMultiLine(node)) return undefined;
  const { parent, child } = parentThroughParens(node);
  if (parent && parent.type === shape.argumentsType && parent.parent) {
    const call = parent.parent;
    const args = parent.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
    const first = args[0];
    const key =
      first && !same(first, child) && shape.stringTypes.has(first.type) && REGISTRATION_KEY.test(first.text)
        ? first.text
        : undefined;
    if (context.insideUnit && !key) return undefined;
    const callee = shape.callee(call);
    const name =
      ownName ??
      shape.nameOfCall?.(call) ??
      (callee && callee.length <= MAX_CALLEE ? `${callee}${key ? `(${key})` : ''} callback` : '<anonymous>');
    const callbacks = args.filter((a) => shape.functionTypes.has(a.type)).length;
    const span = callbacks === 1 ? wholeStatement(call) : node;
    return { name, kind, first: span, last: span };
  }
  if (context.insideUnit) return undefined;
  if (parent && shape.isCallee(parent, child)) {
    const span = wholeStatement(parent);
    return { name: ownName ?? '<iife>', kind, first: span, last: span };
  }
  return { name: ownName ?? '<anonymous>', kind, first: node, last: node };
}
