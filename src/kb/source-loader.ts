import fs from 'node:fs/promises';
import path from 'node:path';
import YAML, { LineCounter, isNode } from 'yaml';
import type { z } from 'zod';
import { ConfigurationError } from '../config/errors.js';
import { cweSourceSchema, type CweSource } from './source-schema.js';
import { sha256 } from './stable-json.js';

/** One validated source file. `file` is the path as given (for messages), `name` its base name. */
export interface LoadedSource {
  readonly file: string;
  readonly name: string;
  readonly sha256: string;
  readonly source: CweSource;
}

/** A problem in one source file, located by field path and, when known, line. */
export interface SourceProblem {
  readonly file: string;
  /** `rules[3].severity`; empty for whole-file problems. */
  readonly path: string;
  readonly message: string;
  readonly line?: number;
}

export function formatProblem(p: SourceProblem): string {
  const where = p.path ? `${p.path}: ` : '';
  return `${p.file}: ${where}${p.message}${p.line ? ` (line ${p.line})` : ''}`;
}

/** Thrown when sources do not validate: the message lists every problem, one a line. */
export class KbSourceError extends ConfigurationError {
  constructor(readonly problems: readonly SourceProblem[]) {
    super(`the knowledge-base sources have ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  }
}

export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : `${out ? '.' : ''}${String(s)}`;
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  const p = [...issue.path];
  switch (issue.code) {
    case 'invalid_value':
      return { path: p, message: `expected one of ${issue.values.map(String).join('|')}` };
    case 'unrecognized_keys':
      return { path: p, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` };
    case 'invalid_union':
      return { path: p, message: 'matches none of the allowed forms (see kb/README.md)' };
    default:
      return { path: p, message: issue.message.replace(/^Invalid input: /, '') };
  }
}

/** Validates one file's text. Pure: `file` is only used in messages and for the name check. */
export function parseSourceText(file: string, text: string): { source?: CweSource; problems: SourceProblem[] } {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        path: '',
        message: `YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        line: e.linePos?.[0]?.line,
      })),
    };
  }
  const lineOf = (segments: readonly PropertyKey[]): number | undefined => {
    for (let n = segments.length; n >= 0; n--) {
      const node = doc.getIn(segments.slice(0, n) as (string | number)[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const parsed = cweSourceSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const { path: p, message } = describeIssue(issue);
        return { file, path: formatPath(p), message, line: lineOf(p) };
      }),
    };
  }
  const source = parsed.data;
  const problems: SourceProblem[] = [];
  const add = (segments: PropertyKey[], message: string) =>
    problems.push({ file, path: formatPath(segments), message, line: lineOf(segments) });

  const expectedName = `${source.id}.yaml`;
  if (path.basename(file) !== expectedName) add(['id'], `is ${source.id} but the file is named ${path.basename(file)}; name it ${expectedName}`);
  const lowerId = source.id.toLowerCase();
  const own = new Set<string>();
  source.guidelines.forEach((g, i) => {
    if (!g.id.startsWith(`${source.id}.`)) add(['guidelines', i, 'id'], `${g.id} must start with ${source.id}.`);
    if (own.has(g.id)) add(['guidelines', i, 'id'], `duplicate guideline id ${g.id}`);
    own.add(g.id);
  });
  source.rules.forEach((r, i) => {
    if (!own.has(r.guideline)) add(['rules', i, 'guideline'], `${r.guideline} is not a guideline of ${source.id}`);
    if (!r.id.startsWith(`${lowerId}.`)) add(['rules', i, 'id'], `${r.id} must start with ${lowerId}.`);
  });
  source.examples.forEach((ex, i) => {
    ex.guidelines.forEach((g, j) => {
      if (!own.has(g)) add(['examples', i, 'guidelines', j], `${g} is not a guideline of ${source.id}`);
    });
    for (const side of ['vulnerable', 'secure'] as const) {
      const count = lineCount(ex[side]);
      const key = side === 'vulnerable' ? 'vulnerableLines' : 'secureLines';
      ex[key].forEach((line, j) => {
        if (line > count) add(['examples', i, key, j], `line ${line} is past the end of ${side} (${count} lines)`);
      });
    }
  });
  return problems.length ? { problems } : { source, problems };
}

/** Checks across files: guideline and rule ids are unique over the whole KB, CWE ids are unique. */
export function checkSourceSet(sources: readonly LoadedSource[]): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const seen = new Map<string, string>();
  const claim = (key: string, file: string, where: string, what: string) => {
    const first = seen.get(key);
    if (first !== undefined) problems.push({ file, path: where, message: `duplicate ${what}, also in ${first}` });
    else seen.set(key, file);
  };
  for (const { file, source } of sources) {
    claim(`cwe:${source.id}`, file, 'id', `CWE ${source.id}`);
    source.guidelines.forEach((g, i) => claim(`g:${g.id}`, file, `guidelines[${i}].id`, `guideline id ${g.id}`));
    source.rules.forEach((r, i) => claim(`r:${r.id}`, file, `rules[${i}].id`, `rule id ${r.id}`));
  }
  return problems;
}

/** Reads and validates every `*.yaml` in `dir` (sorted by name). Never throws for content problems. */
export async function readSources(dir: string): Promise<{ sources: LoadedSource[]; problems: SourceProblem[] }> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (e) {
    throw new ConfigurationError(`cannot read the knowledge-base sources in ${dir}: ${(e as Error).message}`);
  }
  const sources: LoadedSource[] = [];
  const problems: SourceProblem[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const text = await fs.readFile(file, 'utf8');
    const result = parseSourceText(file, text);
    problems.push(...result.problems);
    if (result.source) sources.push({ file, name, sha256: sha256(text), source: result.source });
  }
  problems.push(...checkSourceSet(sources));
  return { sources, problems };
}

/** Like readSources, but any problem is a KbSourceError. */
export async function loadSources(dir: string): Promise<LoadedSource[]> {
  const { sources, problems } = await readSources(dir);
  if (problems.length) throw new KbSourceError(problems);
  return sources;
}

export function lineCount(text: string): number {
  return text.replace(/\n$/, '').split('\n').length;
}
