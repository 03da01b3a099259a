/**
 * tree-sitter applies a predicate only inside the pattern group it belongs to: in
 *   (call function: (identifier) @fn) @call
 *   (#eq? @fn "load")
 * the predicate stands alone as a second top-level form, and web-tree-sitter silently ignores it, so the
 * rule would match every call. Authors write that shape naturally, so instead of rejecting it we attach
 * each top-level predicate to the pattern before it: ((call ...) @call (#eq? @fn "load")).
 */
export function attachTopLevelPredicates(query: string): string {
  const forms = topLevelForms(query);
  if (!forms.some((f) => f.predicate)) return query;
  const out: string[] = [];
  let pattern: { text: string; predicates: string[] } | undefined;
  const flush = () => {
    if (!pattern) return;
    out.push(pattern.predicates.length ? `(${pattern.text}\n ${pattern.predicates.join('\n ')})` : pattern.text);
    pattern = undefined;
  };
  for (const form of forms) {
    if (form.predicate) {
      if (!pattern) return query; // a predicate with no pattern: let tree-sitter report it
      pattern.predicates.push(form.text);
    } else {
      flush();
      pattern = { text: form.text, predicates: [] };
    }
  }
  flush();
  return out.join('\n');
}

interface Form {
  readonly text: string;
  readonly predicate: boolean;
}

/**
 * Splits a query into top-level forms: a pattern with its trailing captures and quantifiers, or a
 * predicate `(#...)`. Strings and `;` comments are skipped so brackets inside them do not count.
 */
function topLevelForms(query: string): Form[] {
  const forms: Form[] = [];
  let i = 0;
  const n = query.length;
  const skipSpace = () => {
    while (i < n) {
      if (/\s/.test(query[i]!)) i++;
      else if (query[i] === ';') while (i < n && query[i] !== '\n') i++;
      else break;
    }
  };
  const skipString = () => {
    i++; // opening quote
    while (i < n && query[i] !== '"') i += query[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipGroup = () => {
    let depth = 0;
    do {
      const c = query[i]!;
      if (c === '"') {
        skipString();
        continue;
      }
      if (c === ';') {
        while (i < n && query[i] !== '\n') i++;
        continue;
      }
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      i++;
    } while (i < n && depth > 0);
  };
  while (true) {
    skipSpace();
    if (i >= n) break;
    const start = i;
    const predicate = query.startsWith('(#', i);
    const c = query[i]!;
    if (c === '(' || c === '[') skipGroup();
    else if (c === '"') skipString();
    else while (i < n && !/[\s()[\]]/.test(query[i]!)) i++;
    // Trailing quantifiers and captures belong to the form: `(x)+ @name`.
    while (true) {
      const save = i;
      skipSpace();
      if (query[i] === '@') {
        while (i < n && !/[\s()[\]]/.test(query[i]!)) i++;
      } else if (query[i] === '*' || query[i] === '+' || query[i] === '?') {
        i++;
      } else {
        i = save;
        break;
      }
    }
    if (i === start) i++; // never loop on an unexpected character
    forms.push({ text: query.slice(start, i), predicate });
  }
  return forms;
}
