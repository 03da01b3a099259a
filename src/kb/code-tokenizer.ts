/**
 * A tokenizer for code and for prose about code. MiniSearch's default splits on punctuation only, so
 * `yaml.safe_load` and `readObject` would never match `safe load` or `read object`; this one keeps each
 * qualified name whole, its qualified suffixes, each segment, and the camelCase and snake_case words of
 * every segment. Bump TOKENIZER_VERSION whenever the output changes: built indexes record it.
 */
export const TOKENIZER_VERSION = 'code-tokenizer/1';

// An identifier optionally followed by `.x`, `::x`, `->x` or `/x` parts: `yaml.load`, `std::vector::at`,
// `os/exec.Command`, `ptr->field`.
const QUALIFIED = /[A-Za-z_$][\w$]*(?:(?:\.|::|->|\/)[A-Za-z_$][\w$]*)*/g;
const SEPARATOR = /(\.|::|->|\/)/;
// camelCase and PascalCase boundaries, including acronyms: `parseHTTPRequest` -> parse, HTTP, Request.
const WORDS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;

/** Every token of `text`, in order of appearance, duplicates kept (term frequency matters to BM25). */
export function tokenizeCode(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(QUALIFIED)) {
    const full = match[0];
    // With a capturing separator, split() alternates segment, separator, segment, ...
    const parts = full.split(SEPARATOR);
    const segments = parts.filter((_, i) => i % 2 === 0);
    out.push(full);
    // Qualified suffixes let `ObjectInputStream.readObject` in code meet `java.io.ObjectInputStream.readObject`.
    for (let i = 2; i < parts.length - 1; i += 2) out.push(parts.slice(i).join(''));
    for (const segment of segments) {
      if (segments.length > 1) out.push(segment);
      const words = segment.split('_').flatMap((part) => part.match(WORDS) ?? []);
      const subparts = segment.split('_').filter(Boolean);
      if (subparts.length > 1) out.push(...subparts);
      if (words.length > 1) out.push(...words.filter((w) => !subparts.includes(w)));
    }
  }
  return out;
}

/** Lower-cases and drops one-character terms (loop variables and the like carry no signal). */
export function processCodeTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return lower.length < 2 ? null : lower;
}
