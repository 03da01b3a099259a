import type { Grammar } from '../code/languages.js';
import { parse } from '../code/parser.js';
import type { RuleBook } from '../assess/rule-book.js';
import { runRules } from '../assess/rules/run.js';
import { verifyReplacement, type ReplacementCandidate, type Verdict } from '../verify/verify-replacement.js';
import { languageOfGrammar } from '../facets/imports.js';

/** What the judge asks of verification: the narrow seam over src/verify. */
export interface VerifyRequest {
  readonly path: string;
  readonly grammar: Grammar;
  /** The whole head text of the file. */
  readonly source: string;
  readonly unit: { readonly startLine: number; readonly endLine: number };
  readonly candidate: ReplacementCandidate;
  /** The CWE the model says the replacement removes. */
  readonly cwe: string;
}

export type ReplacementVerifier = (request: VerifyRequest) => Promise<Verdict>;

/**
 * Verification of a model's replacement with the knowledge base's rules (src/verify `verifyReplacement`):
 * it parses, stays in the unit, adds no rule finding, keeps the signature, and every rule of the claimed
 * CWE that fired in the unit before fires fewer times after ("keeps the weakness" otherwise). When no rule
 * of that CWE fires in the unit, the weakness cannot be checked by rules and the other checks decide.
 */
export function createRuleVerifier(rules: RuleBook): ReplacementVerifier {
  return async (request) => {
    const compiled = await rules.rulesFor(languageOfGrammar(request.grammar));
    const tree = await parse(request.grammar, request.source);
    try {
      const before = runRules(compiled, { grammar: request.grammar, tree, source: request.source, range: request.unit });
      const fired = [...new Set(before.map((m) => m.ruleId).filter((id) => rules.info(id)?.rule.cwe === request.cwe))];
      const base = { grammar: request.grammar, source: request.source, unit: request.unit, candidate: request.candidate, rules: compiled, tree };
      if (fired.length === 0) return await verifyReplacement(base);
      let verdict: Verdict | undefined;
      for (const ruleId of fired) {
        verdict = await verifyReplacement({ ...base, firedRuleId: ruleId });
        if (!verdict.verified) return verdict;
      }
      return verdict!;
    } finally {
      tree.delete();
    }
  };
}
