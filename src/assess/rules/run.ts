import type { Node, QueryMatch, QueryOptions } from 'web-tree-sitter';
import { languageOfGrammar, resolveImports, type ImportMap } from '../../facets/imports.js';
import { constraintsHold } from './constraints.js';
import type { CapturedNode, CompiledRule, RuleMatch, RunInput } from './types.js';

/**
 * Runs compiled rules over one parsed file and returns the matches whose `where` constraints all hold,
 * limited to the unit's lines when a range is given, one per rule and reported range.
 */
export function runRules(rules: readonly CompiledRule[], input: RunInput): RuleMatch[] {
  const session = matchSession(input);
  for (const rule of rules) {
    if (rule.language !== session.language) continue;
    const query = rule.queries.get(input.grammar);
    if (!query) continue;
    for (const m of query.matches(input.tree.rootNode, session.options)) session.accept(rule, m);
  }
  return session.results();
}

/**
 * The per-file state of a run: turns raw query matches into RuleMatches (report capture, range, dedup,
 * `where` constraints). Shared by runRules (one query per rule) and the rule runner (combined queries).
 */
export function matchSession(input: RunInput): {
  readonly language: ReturnType<typeof languageOfGrammar>;
  readonly options: QueryOptions | undefined;
  accept(rule: CompiledRule, m: QueryMatch): void;
  results(): RuleMatch[];
  /** The file's imports, when given or when a rule needed them: a caller running again on the same tree may pass them. */
  resolvedImports(): ImportMap | undefined;
} {
  const language = languageOfGrammar(input.grammar);
  let imports: ImportMap | undefined = input.imports;
  const lazyImports = (): ImportMap => (imports ??= resolveImports(input.grammar, input.tree, input.source));
  const options: QueryOptions | undefined = input.range && {
    startPosition: { row: input.range.startLine - 1, column: 0 },
    endPosition: { row: input.range.endLine, column: 0 },
  };
  const out: RuleMatch[] = [];
  const seen = new Set<string>();
  return {
    language,
    options,
    accept(rule, m) {
      // web-tree-sitter 0.27 returns matches that failed a text predicate with no captures.
      if (m.captures.length === 0) return;
      const nodes = new Map<string, Node>();
      for (const c of m.captures) if (!nodes.has(c.name)) nodes.set(c.name, c.node);
      const report = nodes.get(rule.rule.report);
      if (!report) return;
      const { startLine, endLine } = lines(report);
      if (input.range && (startLine < input.range.startLine || endLine > input.range.endLine)) return;
      const key = `${rule.id}\0${report.startIndex}\0${report.endIndex}`;
      if (seen.has(key)) return;
      const ctx = { language, source: input.source, report, captures: nodes, regexes: rule.regexes, imports: lazyImports };
      if (!constraintsHold(rule.rule.where, ctx)) return;
      seen.add(key);
      const captures: Record<string, CapturedNode> = {};
      for (const [name, node] of nodes) captures[name] = capture(node);
      out.push({ ruleId: rule.id, grammar: input.grammar, startLine, endLine, captures });
    },
    results: () => out.sort((a, b) => a.startLine - b.startLine || a.ruleId.localeCompare(b.ruleId)),
    resolvedImports: () => imports,
  };
}

/** 1-based inclusive lines; a node that ends at column 0 (a trailing newline) ends on the line before. */
function lines(node: Node): { startLine: number; endLine: number } {
  const startLine = node.startPosition.row + 1;
  const end = node.endPosition;
  const endLine = end.column === 0 && end.row > node.startPosition.row ? end.row : end.row + 1;
  return { startLine, endLine };
}

function capture(node: Node): CapturedNode {
  return { text: node.text, type: node.type, ...lines(node), startIndex: node.startIndex, endIndex: node.endIndex };
}
