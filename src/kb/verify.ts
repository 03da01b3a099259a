import fs from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../code/languages.js';
import { parse } from '../code/parser.js';
import { getExampleText, loadKnowledgeBase, readManifest } from './load.js';
import { readMined } from './mined.js';
import { formatProblem, readSources } from './source-loader.js';
import { sha256 } from './stable-json.js';
import type { RuleSource } from './source-schema.js';

/** Checks one rule against its own tests. The real one runs the rule engine (src/kb/rule-check.ts). */
export interface RuleChecker {
  /** Problems found, as sentences without the rule id; empty when the rule is fine. */
  check(rule: RuleSource): Promise<string[]>;
}

export interface VerifyOptions {
  readonly sourcesDir: string;
  readonly buildDir: string;
  readonly minedDir?: string;
  readonly rules: RuleChecker;
  /** Whether example code must parse; default true. */
  readonly parseExamples?: boolean;
}

export interface VerifyReport {
  readonly problems: readonly string[];
  readonly counts: { readonly sources: number; readonly rules: number; readonly examples: number };
}

/**
 * `rescue kb verify`: the sources validate (schema, ids, references, line numbers), every rule compiles and
 * passes its own tests, every example parses, the build's manifest matches the sources and its files, and
 * the build loads (the example index and texts included).
 */
export async function verifyKnowledgeBase(opts: VerifyOptions): Promise<VerifyReport> {
  const problems: string[] = [];
  const { sources, problems: sourceProblems } = await readSources(opts.sourcesDir);
  problems.push(...sourceProblems.map(formatProblem));
  let rules = 0;
  let examples = 0;
  for (const { file, source } of sources) {
    for (const [i, rule] of source.rules.entries()) {
      rules++;
      for (const p of await opts.rules.check(rule)) problems.push(`${file}: rules[${i}] (${rule.id}): ${p}`);
    }
    if (opts.parseExamples === false) continue;
    for (const [i, ex] of source.examples.entries()) {
      examples++;
      for (const side of ['vulnerable', 'secure'] as const) {
        const error = await parseError(ex.language, ex[side]);
        if (error) problems.push(`${file}: examples[${i}].${side}: does not parse as ${ex.language} (${error})`);
      }
    }
  }

  try {
    const manifest = readManifest(opts.buildDir);
    const minedDir = opts.minedDir ?? path.join(path.dirname(path.resolve(opts.sourcesDir)), 'mined');
    const expected = {
      sources: Object.fromEntries(sources.map((s) => [s.name, s.sha256])),
      mined: Object.fromEntries((await readMined(minedDir)).map((m) => [m.name, m.sha256])),
    };
    for (const kind of ['sources', 'mined'] as const) {
      const built = manifest[kind];
      for (const name of new Set([...Object.keys(built), ...Object.keys(expected[kind])])) {
        if (built[name] === expected[kind][name]) continue;
        const state = !(name in built) ? 'is not in the build' : !(name in expected[kind]) ? 'was removed but is still in the build' : 'changed since the build';
        problems.push(`${opts.buildDir}: ${kind === 'sources' ? 'source' : 'mined file'} ${name} ${state}; run \`rescue kb build\``);
      }
    }
    // Every generated file is as the manifest recorded it (a hand edit or a partial copy shows here).
    for (const [name, hash] of Object.entries(manifest.files)) {
      const text = await fs.readFile(path.join(opts.buildDir, name), 'utf8').catch(() => undefined);
      if (text === undefined) problems.push(`${opts.buildDir}: ${name} is missing; run \`rescue kb build\``);
      else if (sha256(text) !== hash) problems.push(`${opts.buildDir}: ${name} differs from the manifest; run \`rescue kb build\``);
    }
    // Load everything, the parts read on demand included.
    const kb = loadKnowledgeBase(opts.buildDir);
    void kb.exampleIndex;
    for (const id of kb.examples.keys()) getExampleText(kb, id);
  } catch (e) {
    problems.push((e as Error).message);
  }
  return { problems, counts: { sources: sources.length, rules, examples } };
}

async function parseError(language: Language, code: string): Promise<string | undefined> {
  const tree = await parse(language, code);
  try {
    if (!tree.rootNode.hasError) return undefined;
    const stack = [tree.rootNode];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.isError || n.isMissing) return `line ${n.startPosition.row + 1}`;
      for (const c of n.children) if (c?.hasError || c?.isMissing) stack.push(c);
    }
    return 'syntax error';
  } finally {
    tree.delete();
  }
}
