import type { Node } from 'web-tree-sitter';
import type { Language } from '../../code/languages.js';
import type { Constraint } from '../../kb/source-schema.js';
import { nameMatches, qualifiedNames, type ImportMap } from '../../facets/imports.js';
import { findArgument } from './arguments.js';
import { isLiteral } from './literal.js';

export interface ConstraintContext {
  readonly language: Language;
  readonly source: string;
  /** The node of the rule's `report` capture: `unitLacks` looks at the function around it. */
  readonly report: Node;
  readonly captures: ReadonlyMap<string, Node>;
  readonly regexes: ReadonlyMap<string, RegExp>;
  /** Lazy: only `resolvesTo` needs the file's imports. */
  readonly imports: () => ImportMap;
}

/** Function-like nodes whose text is "the unit" for `unitLacks`. Python lambdas cannot hold a guard. */
const FUNCTIONS: Readonly<Record<Language, ReadonlySet<string>>> = {
  python: new Set(['function_definition']),
  javascript: new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function_declaration', 'generator_function']),
  typescript: new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function_declaration', 'generator_function']),
  java: new Set(['method_declaration', 'constructor_declaration', 'lambda_expression', 'compact_constructor_declaration']),
  go: new Set(['function_declaration', 'method_declaration', 'func_literal']),
  c: new Set(['function_definition']),
  cpp: new Set(['function_definition', 'lambda_expression']),
};

/** True when every constraint holds. A capture the match did not bind (an optional one) fails its constraint. */
export function constraintsHold(where: readonly Constraint[], ctx: ConstraintContext): boolean {
  return where.every((c) => holds(c, ctx));
}

function holds(c: Constraint, ctx: ConstraintContext): boolean {
  if ('unitLacks' in c) return !ctx.regexes.get(c.unitLacks)!.test(enclosingUnitText(ctx));
  const node = ctx.captures.get(c.capture);
  if (!node) return false;
  if ('literal' in c) return isLiteral(ctx.language, node) === c.literal;
  if ('resolvesTo' in c) {
    const names = qualifiedNames(ctx.imports(), node);
    return names.some((q) => c.resolvesTo.some((n) => nameMatches(q, n)));
  }
  if ('hasArgument' in c) {
    const arg = findArgument(ctx.language, node, c.hasArgument);
    if (arg.found !== 'yes') return false;
    return c.value === undefined || ctx.regexes.get(c.value)!.test(arg.value.text);
  }
  // `unknown` (a **kwargs or ...spread may pass it) does not count as lacking: prefer a missed finding.
  if ('lacksArgument' in c) return findArgument(ctx.language, node, c.lacksArgument).found === 'no';
  if ('inside' in c) return hasAncestor(node, c.inside);
  return !hasAncestor(node, c.notInside);
}

function hasAncestor(node: Node, types: readonly string[]): boolean {
  for (let n = node.parent; n; n = n.parent) if (types.includes(n.type)) return true;
  return false;
}

/** The text of the innermost function around the report capture, or the whole file at module level. */
export function enclosingUnitText(ctx: ConstraintContext): string {
  const fns = FUNCTIONS[ctx.language];
  for (let n = ctx.report.parent; n; n = n.parent) {
    if (!fns.has(n.type)) continue;
    // Python decorators (`@login_required`) sit outside function_definition but guard it.
    return n.parent?.type === 'decorated_definition' ? n.parent.text : n.text;
  }
  return ctx.source;
}
