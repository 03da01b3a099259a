import type { KbDocument } from './model.js';

export interface KbStatsRow {
  readonly cwe: string;
  readonly name: string;
  readonly guidelines: number;
  readonly rules: number;
  /** Rules with a fix template. */
  readonly fixes: number;
  readonly examples: number;
  readonly apis: number;
  /** Rules and examples per language. */
  readonly languages: Readonly<Record<string, { readonly rules: number; readonly examples: number }>>;
}

export function kbStats(doc: KbDocument): { rows: KbStatsRow[]; totals: Omit<KbStatsRow, 'cwe' | 'name'> & { cwes: number } } {
  const rows = doc.cwes.map((c): KbStatsRow => {
    const languages: Record<string, { rules: number; examples: number }> = {};
    const slot = (l: string) => (languages[l] ??= { rules: 0, examples: 0 });
    for (const r of c.rules) slot(r.language).rules++;
    for (const e of c.examples) slot(e.language).examples++;
    return { cwe: c.id, name: c.name, guidelines: c.guidelines.length, rules: c.rules.length, fixes: c.rules.filter((r) => r.fix).length, examples: c.examples.length, apis: c.allApis.length, languages };
  });
  const languages: Record<string, { rules: number; examples: number }> = {};
  for (const row of rows) {
    for (const [l, v] of Object.entries(row.languages)) {
      const t = (languages[l] ??= { rules: 0, examples: 0 });
      t.rules += v.rules;
      t.examples += v.examples;
    }
  }
  const sum = (k: 'guidelines' | 'rules' | 'fixes' | 'examples' | 'apis') => rows.reduce((n, r) => n + r[k], 0);
  return { rows, totals: { cwes: rows.length, guidelines: sum('guidelines'), rules: sum('rules'), fixes: sum('fixes'), examples: sum('examples'), apis: sum('apis'), languages } };
}

export function formatStats(stats: ReturnType<typeof kbStats>): string {
  const langs = Object.keys(stats.totals.languages).sort();
  const header = ['CWE', 'guidelines', 'rules', 'fixes', 'examples', 'apis', ...langs.map((l) => `${l} r/e`)];
  const body = stats.rows.map((r) => [r.cwe, r.guidelines, r.rules, r.fixes, r.examples, r.apis, ...langs.map((l) => (r.languages[l] ? `${r.languages[l].rules}/${r.languages[l].examples}` : '-'))].map(String));
  const t = stats.totals;
  body.push([`total (${t.cwes})`, t.guidelines, t.rules, t.fixes, t.examples, t.apis, ...langs.map((l) => `${t.languages[l]!.rules}/${t.languages[l]!.examples}`)].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  return [header, ...body].map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}
