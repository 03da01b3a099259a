import type { Language } from './languages.js';

export type UnitKind = 'function' | 'method' | 'constructor' | 'lambda' | 'module';

/**
 * A reviewable piece of code: a function-like definition, or the module-level statements of a file.
 * Lines are 1-based and inclusive; byte offsets are UTF-8 offsets into the file text as tree-sitter
 * reports them (web-tree-sitter reports UTF-16 indices; see src/code/units.ts).
 */
export interface Unit {
  readonly path: string;
  readonly language: Language;
  /** Qualified with enclosing classes, namespaces and functions: `Server.handle`, `outer.inner`. */
  readonly name: string;
  readonly kind: UnitKind;
  readonly startLine: number;
  readonly endLine: number;
  /** The changed RIGHT-side lines inside the unit (review), or every line of the unit (scan). */
  readonly changedLines: readonly number[];
  /** The unit's source text, from startLine to endLine. */
  readonly text: string;
}
