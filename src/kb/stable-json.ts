import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so the committed kb/build is byte-for-byte reproducible.
 * Arrays keep their order: callers sort the ones whose order carries no meaning.
 */
export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

/**
 * Like stableStringify with an indent, but values nested `inlineDepth` levels deep or more are written on
 * one line: kb.json keeps one line per guideline, rule and example (readable diffs) without paying for the
 * indentation of every field of 50,000 examples at load time.
 */
export function stableStringifyLines(value: unknown, indent: number, inlineDepth: number): string {
  const write = (v: unknown, depth: number): string => {
    if (depth >= inlineDepth || v === null || typeof v !== 'object') return JSON.stringify(sortKeys(v));
    const pad = ' '.repeat(indent * (depth + 1));
    const close = ' '.repeat(indent * depth);
    if (Array.isArray(v)) {
      return v.length ? `[\n${v.map((x) => `${pad}${write(x === undefined ? null : x, depth + 1)}`).join(',\n')}\n${close}]` : '[]';
    }
    const keys = Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined);
    return keys.length
      ? `{\n${keys.map((k) => `${pad}${JSON.stringify(k)}: ${write((v as Record<string, unknown>)[k], depth + 1)}`).join(',\n')}\n${close}}`
      : '{}';
  };
  return write(value, 0);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
