import type { Language as Grammar, Node, Tree } from 'web-tree-sitter';
import type { UnitKind } from './unit.js';
import { lineSpan, type ScopeKind, type UnitContext, type UnitSpec } from './unit-spec.js';
import type { LineIndex } from './line-index.js';

/** A function-like unit as the walk finds it, before names are made unique and lines attributed. */
export interface OutlineUnit {
  /** Qualified: enclosing scopes and units joined with the language's separator. */
  name: string;
  readonly kind: UnitKind;
  readonly start: number;
  readonly end: number;
  /** Index of the innermost enclosing unit, or -1. */
  readonly parent: number;
  readonly children: number[];
}

/** A statement directly inside the module, a class body or a namespace. */
export interface OutlineStatement {
  readonly start: number;
  readonly end: number;
  /** Holds no behaviour: imports, declarations of functions, classes and types, declarations without a value. */
  readonly inert: boolean;
}

export interface Outline {
  /** In document order (pre-order: a unit comes before the units nested in it). */
  readonly units: OutlineUnit[];
  readonly statements: OutlineStatement[];
  /** For each line, the index of the innermost statement that holds it, or -1. */
  readonly statementAt: Int32Array;
}

/** Where a second pass writes: the outline of the file, and the place of a piece of it (see recovery.ts). */
export interface OutlineInto {
  readonly outline: Outline;
  readonly lineOffset?: number;
  readonly indexOffset?: number;
  /** Offset ranges of the tree to leave out: ERROR regions that are re-parsed piece by piece. */
  readonly skip?: readonly { readonly startIndex: number; readonly endIndex: number }[];
}

interface Open {
  readonly endIndex: number;
  readonly kind: 'unit' | ScopeKind;
  readonly name: string | undefined;
  /** The unit's index, or -1 for a scope. */
  readonly unit: number;
}

/**
 * One pass over the tree: units, the scopes that qualify their names, module-level statements, and comments
 * (recorded into `lines`).
 *
 * The pass is `descendantsOfType`, which walks the tree inside WebAssembly and hands back only the nodes of
 * the types the spec lists, in document order; nesting is rebuilt from their offsets with a stack. A walk
 * with a TreeCursor from JavaScript costs three calls into WebAssembly per node, which made it the slowest
 * step on large files.
 */
export function outline(tree: Tree, spec: UnitSpec, lines: LineIndex, into?: OutlineInto): Outline {
  const units = into?.outline.units ?? [];
  const statements = into?.outline.statements ?? [];
  const statementAt = into?.outline.statementAt ?? new Int32Array(lines.lineCount + 2).fill(-1);
  const lineOffset = into?.lineOffset ?? 0;
  const indexOffset = into?.indexOffset ?? 0;
  const skip = into?.skip ?? [];
  const open: Open[] = [];
  const qualifiers: string[] = [];
  let openUnits = 0;

  const span = (node: Node): { start: number; end: number } => {
    const { start, end } = lineSpan(node);
    return { start: start + lineOffset, end: end + lineOffset };
  };
  const skipped = (node: Node): boolean =>
    skip.length > 0 && skip.some((r) => node.startIndex >= r.startIndex && node.startIndex < r.endIndex);

  const addComment = (node: Node): void => {
    lines.addComment(
      node.startPosition.row + 1 + lineOffset,
      node.endPosition.row + 1 + lineOffset,
      node.startIndex + indexOffset,
      node.endIndex + indexOffset,
    );
  };
  const addDocstring = (owner: Node): void => {
    const docstring = spec.docstring?.(owner);
    if (docstring) addComment(docstring);
  };
  const addStatements = (container: Node): void => {
    const skipFields = new Set<number>();
    for (const field of spec.nonStatementFields ?? []) {
      const child = container.childForFieldName(field);
      if (child) skipFields.add(child.id);
    }
    for (const child of container.namedChildren) {
      if (!child || spec.commentTypes.has(child.type) || skipFields.has(child.id) || skipped(child)) continue;
      const { start, end } = span(child);
      statementAt.fill(statements.length, start, end + 1);
      statements.push({ start, end, inert: spec.isInert(child) });
    }
  };
  const context = (): UnitContext => {
    const top = open[open.length - 1];
    return { insideUnit: openUnits > 0, nearest: top?.kind ?? 'module', nearestName: top?.name };
  };

  const root = tree.rootNode;
  addDocstring(root);
  if (spec.containerTypes.has(root.type)) addStatements(root);

  const keywords = keywordTypes(tree.language, spec);
  for (const node of root.descendantsOfType(interestingTypes(spec))) {
    const type = node.type;
    if (keywords.has(type) && !node.isNamed) continue; // the `lambda` keyword, not the `lambda` node
    if (skipped(node)) continue;
    if (spec.commentTypes.has(type)) {
      addComment(node);
      continue;
    }
    const endIndex = node.endIndex;
    while (open.length > 0 && open[open.length - 1]!.endIndex < endIndex) {
      const closed = open.pop()!;
      if (closed.name !== undefined) qualifiers.pop();
      if (closed.unit >= 0) openUnits--;
    }
    // Statements inside functions belong to their unit; only module-level containers matter.
    if (openUnits === 0 && spec.containerTypes.has(type)) addStatements(node);
    if (spec.unitTypes.has(type)) {
      const found = spec.unit(node, context());
      if (!found) continue;
      const index = units.length;
      let parent = -1;
      for (let i = open.length - 1; i >= 0 && parent < 0; i--) parent = open[i]!.unit;
      units.push({
        name: [...qualifiers, found.name].join(spec.separator),
        kind: found.kind,
        start: span(found.first).start,
        end: span(found.last).end,
        parent,
        children: [],
      });
      if (parent >= 0) units[parent]!.children.push(index);
      open.push({ endIndex, kind: 'unit', name: found.name, unit: index });
      qualifiers.push(found.name);
      openUnits++;
      addDocstring(node);
    } else if (spec.scopeTypes.has(type)) {
      const found = spec.scope(node);
      if (!found) continue;
      open.push({ endIndex, kind: found.kind, name: found.name, unit: -1 });
      if (found.name !== undefined) qualifiers.push(found.name);
      addDocstring(node);
      if (openUnits === 0 && spec.scopeBodiesAreContainers) {
        const body = node.childForFieldName('body');
        if (body) addStatements(body);
      }
    }
  }
  return { units, statements, statementAt };
}

const INTERESTING = new WeakMap<UnitSpec, string[]>();

function interestingTypes(spec: UnitSpec): string[] {
  let types = INTERESTING.get(spec);
  if (!types) {
    types = [...new Set([...spec.unitTypes, ...spec.scopeTypes, ...spec.containerTypes, ...spec.commentTypes])];
    INTERESTING.set(spec, types);
  }
  return types;
}

const KEYWORDS = new WeakMap<Grammar, Map<UnitSpec, Set<string>>>();

/**
 * `descendantsOfType` matches type names, and some names are also keywords (`lambda`, `class`, `module`):
 * those nodes need an `isNamed` check.
 */
function keywordTypes(grammar: Grammar, spec: UnitSpec): Set<string> {
  let bySpec = KEYWORDS.get(grammar);
  if (!bySpec) KEYWORDS.set(grammar, (bySpec = new Map()));
  let keywords = bySpec.get(spec);
  if (!keywords) {
    const wanted = new Set(interestingTypes(spec));
    keywords = new Set();
    for (let id = 0; id < grammar.nodeTypeCount; id++) {
      const type = grammar.types[id];
      if (type && wanted.has(type) && !grammar.nodeTypeIsNamed(id)) keywords.add(type);
    }
    bySpec.set(spec, keywords);
  }
  return keywords;
}
