import { createRuleBook, type RuleBook } from '../assess/rule-book.js';
import { loadKnowledgeBase } from '../kb/load.js';
import type { Logger } from '../logging/logger.js';

/** The bundled knowledge base's rules (or those of `dir`), loaded once per process. */
let bundled: { dir: string | undefined; book: RuleBook } | undefined;
export function loadRuleBook(dir?: string): RuleBook {
  if (bundled && bundled.dir === dir) return bundled.book;
  const kb = dir === undefined ? loadKnowledgeBase() : loadKnowledgeBase(dir);
  bundled = { dir, book: createRuleBook(kb.document) };
  return bundled.book;
}

/** Warns about disabled rule ids the knowledge base does not have: most likely a typo in the config. */
export function checkDisabledRules(book: RuleBook, disabled: readonly string[], file: string, logger: Logger): void {
  for (const id of disabled) if (!book.ruleIds.has(id)) logger.warning(`${file}: disable-rules names ${id}, which is not a rule of the knowledge base`);
}
