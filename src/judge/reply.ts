import { z } from 'zod';
import { extractJsonObject } from '../llm/json-reply.js';
import { JUDGE_SEVERITIES } from '../llm/prompts/judge.v1.js';

/** A judge reply that passed the schema. Extra keys are kept only to be checked, never used. */
export interface JudgeReply {
  readonly verdict: 'vulnerable' | 'not_vulnerable';
  readonly cwe: string | null;
  readonly guidelines: readonly string[];
  readonly severity: (typeof JUDGE_SEVERITIES)[number];
  readonly explanation: string;
  readonly original: string | null;
  readonly replacement: string | null;
}

const replySchema = z.looseObject({
  verdict: z.enum(['vulnerable', 'not_vulnerable']),
  cwe: z.string().trim().regex(/^CWE-\d+$/, 'must look like CWE-89').nullable().optional().transform((v) => v ?? null),
  guidelines: z.array(z.string().trim()).max(20).optional().transform((v) => v ?? []),
  // A missing or odd severity is not worth a retry: medium.
  severity: z.enum(JUDGE_SEVERITIES).optional().catch('medium').transform((v) => v ?? 'medium'),
  explanation: z.string().max(4000).optional().transform((v) => (v ?? '').trim()),
  original: z.string().max(20_000).nullable().optional().transform((v) => v ?? null),
  replacement: z.string().max(20_000).nullable().optional().transform((v) => v ?? null),
});

/** Why a reply was refused, for counts: the sentence goes back to the model on the retry. */
export type RejectionKind = 'format' | 'schema' | 'target' | 'citation' | 'explanation' | 'no-replacement' | 'placeholder' | 'location' | 'verify';

export interface Rejection {
  readonly kind: RejectionKind;
  readonly reason: string;
}

export type ReplyCheck =
  | { readonly kind: 'not-vulnerable'; readonly reply: JudgeReply }
  /** Verdict, CWE, citations and explanation hold: a credible finding; its replacement is checked next. */
  | { readonly kind: 'finding'; readonly reply: JudgeReply }
  | { readonly kind: 'rejected'; readonly rejections: readonly Rejection[] };

export interface ReplyContext {
  /** The file under review: a reply that names any other is refused. */
  readonly path: string;
  /** Guideline ids the request listed. */
  readonly guidelineIds: ReadonlySet<string>;
  /** CWEs the request listed. */
  readonly cwes: ReadonlySet<string>;
}

const TARGET_KEYS = ['path', 'file', 'filename', 'file_path', 'filePath', 'files'];

/**
 * Extraction (tolerant), schema (strict), then the checks that make a finding credible: it names no other
 * file, its CWE is one that was retrieved, it cites at least one guideline, every cited id was in the
 * request and belongs to that CWE, and it explains itself. Line numbers in the reply are ignored by design.
 */
export function checkReply(text: string, ctx: ReplyContext): ReplyCheck {
  const extracted = extractJsonObject(text);
  if (!extracted.ok) return rejected('format', `${extracted.reason}; reply with one JSON object only`);
  const parsed = replySchema.safeParse(extracted.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'reply'}: ${i.message}`);
    return rejected('schema', `the JSON does not match the format (${issues.join('; ')})`);
  }
  const raw = parsed.data as Record<string, unknown>;
  for (const key of TARGET_KEYS) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.replace(/^\.?\//, '') !== ctx.path) {
      return rejected('target', `the reply names another file (${JSON.stringify(value).slice(0, 80)}); only ${ctx.path} is under review and the reply names no file`);
    }
  }
  const reply: JudgeReply = {
    verdict: parsed.data.verdict,
    cwe: parsed.data.cwe,
    guidelines: [...new Set(parsed.data.guidelines)],
    severity: parsed.data.severity,
    explanation: parsed.data.explanation,
    original: parsed.data.original,
    replacement: parsed.data.replacement,
  };
  if (reply.verdict === 'not_vulnerable') return { kind: 'not-vulnerable', reply };
  const problems: Rejection[] = [];
  if (!reply.cwe) problems.push({ kind: 'citation', reason: 'a vulnerable verdict needs the CWE of the violated guideline' });
  else if (!ctx.cwes.has(reply.cwe)) problems.push({ kind: 'citation', reason: `${reply.cwe} was not among the retrieved CWEs (${[...ctx.cwes].join(', ')})` });
  if (reply.guidelines.length === 0) problems.push({ kind: 'citation', reason: 'no guideline is cited; cite the ids of the violated guidelines' });
  const unknown = reply.guidelines.filter((id) => !ctx.guidelineIds.has(id));
  if (unknown.length) problems.push({ kind: 'citation', reason: `cited ${unknown.join(', ')}, which ${unknown.length === 1 ? 'was' : 'were'} not in the request; cite only the ids listed` });
  const foreign = reply.cwe ? reply.guidelines.filter((id) => ctx.guidelineIds.has(id) && !id.startsWith(`${reply.cwe}.`)) : [];
  if (foreign.length && foreign.length === reply.guidelines.length) problems.push({ kind: 'citation', reason: `the cited guidelines (${foreign.join(', ')}) are not guidelines of ${reply.cwe}` });
  if (!reply.explanation) problems.push({ kind: 'explanation', reason: 'the explanation is empty' });
  if (problems.length) return { kind: 'rejected', rejections: problems };
  return { kind: 'finding', reply };
}

function rejected(kind: RejectionKind, reason: string): ReplyCheck {
  return { kind: 'rejected', rejections: [{ kind, reason }] };
}
