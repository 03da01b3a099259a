/**
 * The facets of retrieval, as they appear in the Retrieval JSON. The paper's three (cause, APIs, code),
 * each with a BM25 scorer and, when vectors exist, a dense one; plus the KB rules, and at the example level
 * the fused score of the example's CWE.
 */
export const FACETS = ['cause', 'apis', 'code', 'rules', 'cause-dense', 'code-dense'] as const;
export type FacetName = (typeof FACETS)[number];

/** The CWE's fused score, as an example-level facet: evidence for the CWE is evidence for its examples. */
export const CWE_PRIOR_FACET = 'cwe';

export function isFacetName(value: string): value is FacetName {
  return (FACETS as readonly string[]).includes(value);
}
