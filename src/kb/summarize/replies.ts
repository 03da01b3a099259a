import { z } from 'zod';

/** What the summarizer accepts from the model. Anything else is a malformed reply. */
export const guidelinesReplySchema = z.strictObject({
  guidelines: z.array(z.string().trim().min(20).max(400)).min(1).max(12),
});

export const causeReplySchema = z.strictObject({
  cause: z.string().trim().min(80).max(2500),
});

export type ParsedReply<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Tolerant extraction, strict validation: a reply may wrap the object in a code fence or a sentence, but
 * the object itself must match the schema exactly.
 */
export function parseReply<T>(text: string, schema: z.ZodType<T>): ParsedReply<T> {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return { ok: false, reason: 'no JSON object in the reply' };
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch (e) {
    return { ok: false, reason: `invalid JSON: ${(e as Error).message}` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${issue.path.join('.') || 'reply'}: ${issue.message}` };
  }
  return { ok: true, value: parsed.data };
}
