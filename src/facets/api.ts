import type { Node } from 'web-tree-sitter';
import { calleeOf, isCall } from './imports-callee.js';
import { qualifiedNames, type ImportMap } from './imports.js';

/**
 * The paper's API facet: the calls of a unit, named the way the knowledge base names APIs (resolved through
 * the file's imports and aliases), plus member reads that are APIs without a call (`el.innerHTML`,
 * `flask.request.form`, `os.environ`), which the KB's API sets also name.
 */
export interface ApiFacet {
  /** Qualified callee names, first appearance order, unique. */
  readonly calls: readonly string[];
  /** Qualified member reads that are neither a callee nor part of one, unique. */
  readonly members: readonly string[];
}

export interface LineRange {
  readonly startLine: number;
  readonly endLine: number;
}

/** Member access node types per language (the callee path readers understand all of them). */
const MEMBER_TYPES: Readonly<Record<ImportMap['language'], ReadonlySet<string>>> = {
  python: new Set(['attribute']),
  javascript: new Set(['member_expression']),
  typescript: new Set(['member_expression']),
  java: new Set(['field_access']),
  go: new Set(['selector_expression']),
  c: new Set(['field_expression']),
  cpp: new Set(['field_expression']),
};

/** More than this many member reads is a data-munging unit; the first ones are kept. */
const MAX_MEMBERS = 64;

/** Collects the API facet of the nodes of `root` that lie within `range` (the whole tree without one). */
export function collectApis(map: ImportMap, root: Node, range?: LineRange): ApiFacet {
  const calls = new Set<string>();
  const members = new Set<string>();
  const calleeNodes = new Set<number>();
  const memberTypes = MEMBER_TYPES[map.language];
  const inRange = (n: Node): boolean =>
    !range || (n.endPosition.row + 1 >= range.startLine && n.startPosition.row + 1 <= range.endLine);
  const stack: Node[] = [root];
  const order: Node[] = [];
  // Pre-order, document order: children pushed in reverse.
  while (stack.length) {
    const node = stack.pop()!;
    if (!inRange(node)) continue;
    order.push(node);
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) if (children[i]) stack.push(children[i]!);
  }
  for (const node of order) {
    if (!isCall(map.language, node)) continue;
    const callee = calleeOf(map.language, node);
    if (callee) markPath(callee, calleeNodes, memberTypes);
    if (isRequire(map, node) || isRaised(node)) continue;
    for (const name of qualifiedNames(map, node)) calls.add(name);
  }
  for (const node of order) {
    if (members.size >= MAX_MEMBERS) break;
    if (!memberTypes.has(node.type) || calleeNodes.has(node.id)) continue;
    // Only the outermost member read: `a.b.c` once, not also `a.b`.
    if (node.parent && memberTypes.has(node.parent.type) && !calleeNodes.has(node.parent.id)) continue;
    const name = qualifiedNames(map, node)[0];
    if (name && !calls.has(name)) members.add(name);
  }
  return { calls: [...calls], members: [...members] };
}

/** The callee and the member nodes on its object chain are part of a call, not member reads. */
function markPath(callee: Node, marked: Set<number>, memberTypes: ReadonlySet<string>): void {
  let n: Node | null = callee;
  while (n && (n === callee || memberTypes.has(n.type))) {
    marked.add(n.id);
    n = n.namedChild(0);
  }
}

/**
 * `raise ValueError(...)`, `throw new Error(...)`: building the exception being thrown is not an API use,
 * and names like `ValueError` share words (`error`) with real APIs (`logging.error`).
 */
const THROWS = new Set(['raise_statement', 'throw_statement', 'throw_expression']);
function isRaised(node: Node): boolean {
  return !!node.parent && THROWS.has(node.parent.type);
}

function isRequire(map: ImportMap, node: Node): boolean {
  return (map.language === 'javascript' || map.language === 'typescript') && node.childForFieldName('function')?.text === 'require';
}

/** The facet as the terms of one BM25 query against an API set. */
export function apiQueryTerms(facet: ApiFacet): string[] {
  return [...facet.calls, ...facet.members];
}
