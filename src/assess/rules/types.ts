import type { Parser, Query, Tree } from 'web-tree-sitter';
import type { Grammar, Language } from '../../code/languages.js';
import type { RuleSource } from '../../kb/source-schema.js';
import type { ImportMap } from '../../facets/imports.js';

/** A rule ready to run: its query compiled for every grammar it applies to. */
export interface CompiledRule {
  readonly id: string;
  readonly language: Language;
  readonly rule: RuleSource;
  /** `typescript` rules hold a query for both `typescript` and `tsx`. */
  readonly queries: ReadonlyMap<Grammar, Query>;
  /** Parsers for the same grammars: applyFix re-reads the source synchronously to place deletions and imports. */
  readonly parsers: ReadonlyMap<Grammar, Parser>;
  /** `unitLacks` and argument `value` regexes, compiled once, keyed by their source text. */
  readonly regexes: ReadonlyMap<string, RegExp>;
}

/**
 * A captured node as plain data, so matches outlive the tree. Indices are JavaScript string (UTF-16)
 * indices into the source, which is what web-tree-sitter reports for a tree parsed from a JS string;
 * lines are 1-based and inclusive.
 */
export interface CapturedNode {
  readonly text: string;
  readonly type: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly startIndex: number;
  readonly endIndex: number;
}

export interface RuleMatch {
  readonly ruleId: string;
  /** The grammar the source was parsed with; applyFix re-parses with it. */
  readonly grammar: Grammar;
  /** Lines of the `report` capture. */
  readonly startLine: number;
  readonly endLine: number;
  readonly captures: Readonly<Record<string, CapturedNode>>;
}

export interface RunInput {
  readonly grammar: Grammar;
  readonly tree: Tree;
  readonly source: string;
  /** The unit: only matches whose report capture lies within these 1-based inclusive lines. */
  readonly range?: { readonly startLine: number; readonly endLine: number };
  /** Computed from the tree when absent and a rule needs it. */
  readonly imports?: ImportMap;
  /**
   * A tree known to have the same imports as `tree` (an edit that touched no import): a runner that has
   * them for that tree need not read them again.
   */
  readonly importsOf?: Tree;
}

/** A replacement of source[startIndex, endIndex) (UTF-16 indices) by `text`; lines are of the original source. */
export interface TextEdit {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly text: string;
  readonly startLine: number;
  readonly endLine: number;
}

export type FixResult = { readonly text: string; readonly edits: readonly TextEdit[] } | { readonly error: string };
