/**
 * Tolerant extraction of one JSON object from a model's reply: models wrap JSON in code fences, put prose
 * before or after it, leave trailing commas, or answer with a BOM. Anything that is still not a JSON object
 * after these repairs is rejected; nothing is guessed beyond them.
 */
export type Extracted = { readonly ok: true; readonly value: Record<string, unknown>; readonly repaired: readonly string[] } | { readonly ok: false; readonly reason: string };

export function extractJsonObject(reply: string): Extracted {
  const repaired: string[] = [];
  let text = reply.replace(/^\uFEFF/, '').trim();
  if (!text) return { ok: false, reason: 'the reply is empty' };
  const candidates: string[] = [];
  // Fenced blocks first (```json ... ```), in order; then every balanced {...} of the whole text.
  for (const m of text.matchAll(/(`{3,}|~{3,})[ \t]*[\w-]*[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*\1/g)) candidates.push(m[2]!);
  if (candidates.length) repaired.push('code fence');
  candidates.push(...balancedObjects(text));
  for (const candidate of candidates) {
    for (const objectText of candidate.trim().startsWith('{') ? [candidate.trim()] : balancedObjects(candidate)) {
      const parsed = parseLenient(objectText);
      if (parsed === undefined) continue;
      if (objectText.length < text.length && !repaired.includes('code fence')) repaired.push('surrounding text');
      return { ok: true, value: parsed.value, repaired: [...repaired, ...parsed.repaired] };
    }
  }
  text = text.slice(0, 80).replace(/\s+/g, ' ');
  return { ok: false, reason: `the reply is not a JSON object (it starts "${text}")` };
}

function parseLenient(text: string): { value: Record<string, unknown>; repaired: string[] } | undefined {
  const attempts: [string, string[]][] = [[text, []]];
  const noTrailing = stripTrailingCommas(text);
  if (noTrailing !== text) attempts.push([noTrailing, ['trailing comma']]);
  for (const [t, repaired] of attempts) {
    try {
      const value = JSON.parse(t) as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value)) return { value: value as Record<string, unknown>, repaired };
    } catch {
      // next attempt
    }
  }
  return undefined;
}

/** Removes commas before `}` or `]` outside strings. */
export function stripTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === '}' || text[j] === ']') continue;
    }
    out += ch;
  }
  return out;
}

/** Every top-level balanced `{...}` span of the text (string-aware), in order. */
export function balancedObjects(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"' && depth > 0) inString = true;
    else if (ch === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) out.push(text.slice(start, i + 1));
    }
  }
  return out;
}
