import type { Profile } from './profiles.js';
import type { FlatTree } from './syntax.js';

/**
 * The statements of one unit, as PDG nodes. A statement owns the lines on which it has a token that no
 * nested statement owns: a simple statement owns all its lines, an `if` owns its condition line, its
 * `} else {` line and its closing brace, a function owns its signature and closing brace.
 */

export type StmtKind = 'root' | 'param' | 'simple' | 'compound' | 'function';

/** Escape flags: the statement (or something inside it) leaves the function, or the enclosing loop/switch. */
export const ESCAPES_FUNCTION = 1;
export const ESCAPES_LOOP = 2;

export interface Stmt {
  readonly id: number;
  /** Tree node, -1 for the virtual root and parameter pseudo-statements. */
  readonly node: number;
  readonly kind: StmtKind;
  /** Structural parent statement, -1 for none. */
  readonly parent: number;
  /** The tree node that groups this statement with its siblings (a block, an else clause). */
  readonly container: number;
  readonly children: number[];
  /** Last statement id in this statement's subtree (ids are preorder). */
  last: number;
  /** Own rows, ascending, 0-based. */
  readonly rows: number[];
  defs: string[];
  uses: string[];
  /** Variables declared without a value: earlier definitions end here, no use depends on this. */
  kills: string[];
  /** The subset of `uses` read as whole objects (passed to a call, returned, copied): see def-use.ts. */
  objectUses: string[];
  /**
   * A loop's initializer (`for (i = 0; ...)`), which runs once before the loop: its own definitions and
   * uses. The loop's `defs`/`uses` then hold only those of the rest of its header.
   */
  init: { defs: string[]; uses: string[]; objectUses: string[]; kills: string[] } | undefined;
  receivers: string[];
  isLoop: boolean;
  isSwitch: boolean;
  /** Data flow: 'branch' (an if: one block runs; `exhaustive` when it has an else), 'always' (the body
   * always runs: with, do, a bare block), or 'maybe' (blocks run in order, each possibly skipped). */
  flow: 'branch' | 'always' | 'maybe';
  exhaustive: boolean;
  /** Own exit: 'return' (return/throw/goto) or 'jump' (break/continue). */
  exit: 'return' | 'break' | 'continue' | 'fallthrough' | undefined;
  /**
   * For a switch (or Python's match): whether its cases fall through into the next one by default
   * (C, JavaScript, Java's `case X:`) or are alternatives (Go, Java's `case X ->`, Python).
   */
  cases: 'fallthrough' | 'exclusive' | undefined;
  escapes: number;
}

export interface UnitModel {
  readonly tree: FlatTree;
  readonly profile: Profile;
  /** Rows of the unit, inclusive, 0-based. */
  readonly lo: number;
  readonly hi: number;
  readonly stmts: Stmt[];
  /** Rows always kept: the signature (or the code before the first statement) and the closing line(s). */
  readonly frame: ReadonlySet<number>;
  /** rows (offset lo) -> statements with a non-punctuation token there. */
  readonly rowOwners: readonly (readonly number[] | undefined)[];
  /** Rows (offset lo) with a code token (not blank, not only comments). */
  readonly codeRows: Uint8Array;
  /**
   * Code rows (offset lo) that hold only constant data inside a literal (an initializer list, an array,
   * a dict): no variable, nothing but literals and punctuation. Slices drop long runs of them.
   */
  readonly inertRows: Uint8Array;
  /** The function node the unit is, or -1 when the unit is a group of statements. */
  readonly rootNode: number;
}
