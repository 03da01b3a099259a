import type { Language } from './languages.js';

export type UnitKind = 'function' | 'method' | 'constructor' | 'lambda' | 'module';

/**
 * A reviewable piece of code: a function-like definition, or the module-level statements of a file.
 * Lines are 1-based and inclusive, counted at `\n` (a CRLF file numbers its lines like the diff does).
 * Units carry no offsets; inside src/code, offsets are UTF-16 indices into the JavaScript string, which is
 * what web-tree-sitter reports for `startIndex` when it parses a string. See src/code/units.ts for the
 * naming conventions and the module-unit policy.
 */
export interface Unit {
  readonly path: string;
  readonly language: Language;
  /**
   * Qualified with enclosing classes, namespaces and functions: `Server.handle`, `outer.inner`,
   * `ns::Store::get` (C++), `app.get('/users') callback`, `<module>`; unique within a file (`#2` suffixes).
   */
  readonly name: string;
  readonly kind: UnitKind;
  readonly startLine: number;
  readonly endLine: number;
  /**
   * Review: the changed RIGHT-side lines that hold code (not only blanks or comments) and that no unit
   * nested in this one claims. Scan: every line of the unit (for `<module>`, its module-level lines).
   */
  readonly changedLines: readonly number[];
  /** The unit's source text, from startLine to endLine. */
  readonly text: string;
}
