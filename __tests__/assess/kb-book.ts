// Rule books for assessment tests: the project's own kb/sources (read directly, so tests never need
// kb/build), or a handful of fixture rules.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { createRuleBook, type RuleBook } from '../../src/assess/rule-book.js';
import type { KbDocument } from '../../src/kb/model.js';
import { cweSourceSchema, type RuleSource } from '../../src/kb/source-schema.js';

let sourcesBook: RuleBook | undefined;

/** Every rule of kb/sources. A source that does not parse is left out here; kb-rules.test.ts reports it. */
export function kbSourcesRuleBook(): RuleBook {
  if (sourcesBook) return sourcesBook;
  const dir = path.join(process.cwd(), 'kb', 'sources');
  const cwes = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    let parsed;
    try {
      parsed = cweSourceSchema.safeParse(YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    } catch {
      continue;
    }
    if (!parsed.success) continue;
    const s = parsed.data;
    cwes.push({ id: s.id, guidelines: s.guidelines, rules: s.rules.map((r) => ({ ...r, cwe: s.id })) });
  }
  sourcesBook = createRuleBook({ schemaVersion: 1, cwes } as unknown as KbDocument);
  return sourcesBook;
}

/** A rule book of fixture rules, all under one fixture CWE per rule (`cwe` defaults to CWE-1). */
export function fixtureRuleBook(rules: readonly (RuleSource & { cwe?: string })[]): RuleBook {
  const byCwe = new Map<string, (RuleSource & { cwe: string })[]>();
  for (const r of rules) {
    const cwe = r.cwe ?? 'CWE-1';
    byCwe.set(cwe, [...(byCwe.get(cwe) ?? []), { ...r, cwe }]);
  }
  const cwes = [...byCwe].map(([id, rs]) => ({
    id,
    guidelines: rs.map((r) => ({ id: r.guideline, text: `guideline text of ${r.guideline}` })),
    rules: rs,
  }));
  return createRuleBook({ schemaVersion: 1, cwes } as unknown as KbDocument);
}
