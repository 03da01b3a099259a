import type { Grammar } from '../code/languages.js';
import type { Unit } from '../code/unit.js';
import { getExampleText, type KnowledgeBase } from '../kb/load.js';
import type { ChatMessage } from '../llm/openai-client.js';
import { judgePrompt, type JudgePromptInput } from '../llm/prompts/judge.v1.js';
import type { Retrieval } from '../retrieve/retrieve.js';
import { sliceUnit } from '../slice/index.js';

/** The program slicer's contract as the judge uses it (src/slice `sliceUnit` satisfies it). */
export type JudgeSlicer = (input: {
  readonly grammar: Grammar;
  readonly source: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly pointsOfInterest: readonly number[];
}) => Promise<{ readonly lines: readonly number[]; readonly fallback?: string }>;

export const defaultJudgeSlicer: JudgeSlicer = (input) => sliceUnit(input);

export interface RequestInput {
  readonly unit: Unit;
  readonly grammar: Grammar;
  /** The file's head text with secrets already replaced (line structure unchanged). */
  readonly redactedSource: string;
  readonly retrieval: Retrieval;
  readonly kb: KnowledgeBase;
  /** Redacted pull-request text. */
  readonly pr?: { readonly title?: string; readonly body?: string };
  readonly boundary: string;
  /** Show the unit's slice around its changed lines (the paper's code facet); default true. */
  readonly slice?: boolean;
  /** Carry the sliced secure example (default) or its whole secure version (the bench's ablation). */
  readonly example?: 'sliced' | 'full';
  readonly slicer?: JudgeSlicer;
}

export interface UnitRequest {
  readonly messages: ChatMessage[];
  readonly prompt: JudgePromptInput;
  /** Lines of the unit the request shows: a replacement may only touch these. */
  readonly shown: ReadonlySet<number>;
  readonly guidelineIds: ReadonlySet<string>;
  readonly cwes: ReadonlySet<string>;
  readonly tokens: number;
  /** What was left out to fit the input cap. */
  readonly trimmed: readonly string[];
}

export const MAX_TITLE_CHARS = 300;
export const MAX_BODY_CHARS = 2000;

/** Which lines of the unit the model sees: the slice, the whole changed region, and the unit's first line. */
export async function shownLines(input: Pick<RequestInput, 'unit' | 'grammar' | 'redactedSource' | 'slice' | 'slicer'>): Promise<{ lines: Set<number>; sliced: boolean }> {
  const { unit } = input;
  const all = new Set<number>();
  for (let l = unit.startLine; l <= unit.endLine; l++) all.add(l);
  const changed = unit.changedLines.filter((l) => l >= unit.startLine && l <= unit.endLine);
  if (input.slice === false || changed.length === 0 || changed.length >= all.size) return { lines: all, sliced: false };
  try {
    const slice = await (input.slicer ?? defaultJudgeSlicer)({ grammar: input.grammar, source: input.redactedSource, startLine: unit.startLine, endLine: unit.endLine, pointsOfInterest: changed });
    if (slice.fallback) return { lines: all, sliced: false };
    const lines = new Set<number>(slice.lines.filter((l) => all.has(l)));
    // The changed region in full, so a replacement of it can be copied from what is shown.
    for (let l = Math.min(...changed); l <= Math.max(...changed); l++) lines.add(l);
    lines.add(unit.startLine);
    return { lines, sliced: lines.size < all.size };
  } catch {
    return { lines: all, sliced: false };
  }
}

/** `  12 | code` for shown lines; one `     | ...` line per elided run. */
export function renderNumbered(sourceLines: readonly string[], startLine: number, endLine: number, shown: ReadonlySet<number>): string {
  const width = String(endLine).length;
  const out: string[] = [];
  let elided = false;
  for (let l = startLine; l <= endLine; l++) {
    if (!shown.has(l)) {
      if (!elided) out.push(`${' '.repeat(width)} | ...`);
      elided = true;
      continue;
    }
    elided = false;
    out.push(`${String(l).padStart(width)} | ${(sourceLines[l - 1] ?? '').replace(/\r$/, '')}`);
  }
  return out.join('\n');
}

/** Guidelines for the prompt: the winning example's CWE first, then the other retrieved CWEs; this language only. */
export function promptGuidelines(kb: KnowledgeBase, retrieval: Retrieval, language: string): { cwes: { id: string; name: string }[]; guidelines: { id: string; text: string }[] } {
  const top = retrieval.examples[0]?.cwe;
  const ranked = retrieval.cwes.map((c) => c.cwe);
  const order = top ? [top, ...ranked.filter((c) => c !== top)] : ranked;
  const cwes: { id: string; name: string }[] = [];
  const guidelines: { id: string; text: string }[] = [];
  for (const id of order) {
    const node = kb.cwes.get(id);
    if (!node) continue;
    const own = node.guidelines.filter((g) => !g.languages || g.languages.includes(language as never));
    if (!own.length) continue;
    cwes.push({ id, name: node.name });
    for (const g of own) guidelines.push({ id: g.id, text: g.text });
  }
  return { cwes, guidelines };
}

export function judgeMessages(prompt: JudgePromptInput): ChatMessage[] {
  return [
    { role: 'system', content: judgePrompt.system },
    { role: 'user', content: judgePrompt.render(prompt) },
  ];
}

function cut(text: string | undefined, max: number): string | undefined {
  if (!text) return text;
  return text.length <= max ? text : `${text.slice(0, max)}\n[cut at ${max} characters]`;
}

/**
 * The judge request for one unit, made to fit `maxTokens` by leaving out, in order: most of the
 * description, the guidelines of every CWE but the first, the secure example, the description. Undefined
 * when even the smallest request is over the cap (the unit is then skipped and counted).
 */
export async function buildUnitRequest(input: RequestInput, fit: { readonly maxTokens: number; readonly count: (messages: readonly ChatMessage[]) => number | Promise<number> }): Promise<UnitRequest | { readonly overCap: number }> {
  const { unit, kb, retrieval } = input;
  const sourceLines = input.redactedSource.split('\n');
  const { lines: shown } = await shownLines(input);
  const { cwes, guidelines } = promptGuidelines(kb, retrieval, unit.language);
  const best = retrieval.examples.find((e) => cwes.some((c) => c.id === e.cwe)) ?? retrieval.examples[0];
  let example: JudgePromptInput['example'];
  if (best) {
    const full = input.example === 'full' ? getExampleText(kb, best.id)?.secure : undefined;
    const code = full ?? best.secure;
    if (code.trim()) example = { cwe: best.cwe, language: best.language, title: best.title, code, sliced: full === undefined && kb.examples.get(best.id)?.secureSlice.fallback === undefined };
  }
  const base: JudgePromptInput = {
    language: unit.language,
    path: unit.path,
    unitName: unit.name,
    startLine: unit.startLine,
    endLine: unit.endLine,
    changedLines: unit.changedLines,
    numberedCode: renderNumbered(sourceLines, unit.startLine, unit.endLine, shown),
    cwes,
    guidelines,
    example,
    pr: { title: cut(input.pr?.title, MAX_TITLE_CHARS), body: cut(input.pr?.body, MAX_BODY_CHARS) },
    boundary: input.boundary,
  };
  const firstCwe = cwes[0]?.id;
  const steps: [string, (p: JudgePromptInput) => JudgePromptInput][] = [
    ['most of the description', (p) => ({ ...p, pr: { ...p.pr, body: cut(p.pr?.body, 400) } })],
    ['guidelines of the other CWEs', (p) => ({ ...p, cwes: p.cwes.slice(0, 1), guidelines: p.guidelines.filter((g) => firstCwe && g.id.startsWith(`${firstCwe}.`)) })],
    ['the secure example', (p) => ({ ...p, example: undefined })],
    ['the description', (p) => ({ ...p, pr: { title: p.pr?.title } })],
  ];
  let prompt = base;
  const trimmed: string[] = [];
  let messages = judgeMessages(prompt);
  let tokens = await fit.count(messages);
  for (const [what, step] of steps) {
    if (tokens <= fit.maxTokens) break;
    prompt = step(prompt);
    trimmed.push(what);
    messages = judgeMessages(prompt);
    tokens = await fit.count(messages);
  }
  if (tokens > fit.maxTokens) return { overCap: tokens };
  return {
    messages,
    prompt,
    shown,
    guidelineIds: new Set(prompt.guidelines.map((g) => g.id)),
    cwes: new Set(prompt.cwes.map((c) => c.id)),
    tokens,
    trimmed,
  };
}
