import type { Language } from '../code/languages.js';

/** One side of a sliced pair: the kept 1-based lines of the full text and the text they form. */
export interface PairSlice {
  readonly lines: readonly number[];
  readonly text: string;
  readonly totalLines: number;
  /** Set when this version could not be sliced (the reason): the slice is then the whole version. */
  readonly fallback?: string;
}

export interface PairSliceInput {
  readonly language: Language;
  readonly vulnerable: string;
  readonly secure: string;
  readonly deletedLines?: readonly number[];
  readonly addedLines?: readonly number[];
  readonly hops?: number;
}

/**
 * The slicer seam (the paper's security-focused slicing in pair mode). The KB build only needs this one
 * call; src/slice provides the real implementation.
 */
export interface PairSlicer {
  slicePair(input: PairSliceInput): Promise<{ vulnerable: PairSlice; secure: PairSlice }>;
}
