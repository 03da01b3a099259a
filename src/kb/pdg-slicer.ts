import { slicePair } from '../slice/index.js';
import type { PairSlicer } from './pair-slicer.js';

/**
 * The paper's security-focused slicing (src/slice, pair mode: 2-hop backward and forward PDG reachability
 * from the changed lines, each side completed with the other's context) as the KB build's PairSlicer.
 */
export const pdgSlicer: PairSlicer = {
  async slicePair(input) {
    const { vulnerable, secure } = await slicePair(input);
    return {
      vulnerable: { lines: vulnerable.lines, text: vulnerable.text, totalLines: vulnerable.totalLines, ...(vulnerable.fallback && { fallback: vulnerable.fallback }) },
      secure: { lines: secure.lines, text: secure.text, totalLines: secure.totalLines, ...(secure.fallback && { fallback: secure.fallback }) },
    };
  },
};
