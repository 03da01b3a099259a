import type { Language } from '../code/languages.js';
import type { RuleSource } from './source-schema.js';

/**
 * The built knowledge base document, `kb/build/kb.json`. Versioned: the loader refuses any other
 * KB_SCHEMA_VERSION. Bump it on any change a consumer could notice.
 *
 * v2: kb.json holds what retrieval needs at run time (nodes, rules, API sets, example metadata and the
 * sliced secure example); the full texts and the vulnerable slice moved to `examples/<CWE>.jsonl`
 * (KbExampleText, read on demand with `getExampleText`) so that a large KB loads fast.
 */
export const KB_SCHEMA_VERSION = 2;

/** Where an entry came from. Hand-written entries win over mined ones; `overlay` is reserved for a
 * repository's own additions on top of the bundled KB. */
export type Origin = 'hand-written' | 'mined' | 'overlay';

export interface KbGuideline {
  readonly id: string;
  readonly text: string;
  /** Absent: every language. */
  readonly languages?: readonly Language[];
  readonly origin: Origin;
}

export interface KbApiSet {
  readonly insecure: readonly string[];
  readonly safe: readonly string[];
  /** Called in this CWE's examples (hand-written or mined), whether or not classified above. */
  readonly seen: readonly string[];
}

/** A program slice of one side of an example: `lines` are 1-based lines of the full text. */
export interface KbSlice {
  readonly lines: readonly number[];
  readonly text: string;
  /** Set when the version could not be sliced (the reason): `text` is then the whole version. */
  readonly fallback?: string;
}

/** An example as kb.json holds it: what retrieval and the prompt need. The full texts are in KbExampleText. */
export interface KbExample {
  /** `CWE-89.python.1` for hand-written examples, `CWE-89.python.m1` for mined ones. */
  readonly id: string;
  readonly cwe: string;
  readonly language: Language;
  readonly title: string;
  /** 1-based lines of the full vulnerable text that the fix removed or edited. */
  readonly vulnerableLines: readonly number[];
  readonly secureLines: readonly number[];
  readonly guidelines: readonly string[];
  readonly origin: Origin;
  readonly provenance: string;
  /** APIs called in either version, qualified through the example's imports (`yaml.load`, `strcpy`). */
  readonly apis: readonly string[];
  /**
   * The security-focused slice of the secure version (pair mode): what the prompt carries. Always present;
   * when slicing failed it is the whole secure version and `fallback` says why.
   */
  readonly secureSlice: KbSlice;
}

/** The heavy part of an example, in `examples/<CWE>.jsonl`: read with `getExampleText(kb, id)`. */
export interface KbExampleText {
  readonly id: string;
  readonly vulnerable: string;
  readonly secure: string;
  /** The slice of the vulnerable version, parallel to KbExample.secureSlice. */
  readonly vulnerableSlice: KbSlice;
}

export type KbRule = RuleSource & { readonly cwe: string };

export interface KbCwe {
  readonly id: string;
  readonly name: string;
  readonly parents: readonly string[];
  readonly related: readonly string[];
  readonly cause: string;
  readonly causeOrigin: Origin;
  readonly guidelines: readonly KbGuideline[];
  readonly apis: Partial<Record<Language, KbApiSet>>;
  /** Every API named for or seen in this CWE, over all languages, sorted. */
  readonly allApis: readonly string[];
  /** Sorted by id. */
  readonly rules: readonly KbRule[];
  /** Sorted by language, then hand-written before mined, then source order. */
  readonly examples: readonly KbExample[];
}

export interface KbDocument {
  readonly schemaVersion: typeof KB_SCHEMA_VERSION;
  /** Sorted by CWE number. */
  readonly cwes: readonly KbCwe[];
}

/** Orders `CWE-79` before `CWE-502`. */
export function compareCweIds(a: string, b: string): number {
  return Number(a.slice(4)) - Number(b.slice(4)) || a.localeCompare(b);
}
