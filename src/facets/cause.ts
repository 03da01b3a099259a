import type { Node } from 'web-tree-sitter';
import type { LineRange } from './api.js';

/**
 * The paper's vulnerability-cause facet, offline: with no model to write a cause paragraph, the query is
 * made of what the code says about itself (identifiers split into words, string literals, comments and
 * docstrings) and what the change says about itself (the pull request's title and description, or a task
 * description). Pull-request text is hostile input: it is only ever used as search terms here.
 * With a model configured, see cause-analysis.ts.
 */
export interface CauseSources {
  readonly identifiers: readonly string[];
  readonly strings: readonly string[];
  readonly comments: readonly string[];
}

const STRING_TYPES = new Set([
  'string', 'string_literal', 'template_string', 'interpreted_string_literal', 'raw_string_literal',
  'char_literal', 'concatenated_string', 'text_block',
]);

/** Reads identifiers, string literals and comments of the nodes within `range`. */
export function causeSources(root: Node, range?: LineRange): CauseSources {
  const identifiers: string[] = [];
  const strings: string[] = [];
  const comments: string[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (range && (node.endPosition.row + 1 < range.startLine || node.startPosition.row + 1 > range.endLine)) continue;
    if (node.type.includes('comment')) {
      comments.push(node.text);
      continue;
    }
    if (STRING_TYPES.has(node.type)) {
      strings.push(stripQuotes(node.text));
      continue;
    }
    if (node.type.endsWith('identifier') && node.namedChildCount === 0) identifiers.push(node.text);
    // Reversed onto the stack: document order out. Comments are named extras, so they are among these.
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) if (children[i]) stack.push(children[i]!);
  }
  return { identifiers, strings, comments };
}

function stripQuotes(text: string): string {
  return text.replace(/^[A-Za-z]{0,3}("""|'''|["'`])/, '').replace(/("""|'''|["'`])$/, '');
}

// Words that every description and every function holds: English glue and the keywords and
// builtins of the reviewed languages. They carry no cause and would only raise MiniSearch's
// matched-terms multiplier for every node alike.
const STOPWORDS = new Set(
  `a about above after all also an and any are as at be been before being but by can could did do does
  each for from had has have how if in into is it its may might more most must no not of on only or other
  our out over same should so some such than that the their them then there these they this those through
  to too under until up very was we were what when where which while who why will with would you your
  should shall use used using uses given based returns return ensure ensures make makes take takes
  def self cls let var const function fn func void int str bool boolean string char long short float double
  true false none null nil undefined new return returns import from package class struct public private
  protected static final async await yield else elif try except catch finally throw throws raise lambda
  args kwargs arg param params value values result results data obj item items tmp temp val err error
  get set list dict map len print println printf main init`.split(/\s+/).filter(Boolean),
);

const WORDS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;

/** Words of a text or identifier: camelCase and snake_case split, lower-cased, stopwords dropped. */
export function causeWords(text: string): string[] {
  const out: string[] = [];
  for (const word of text.match(WORDS) ?? []) {
    const w = word.toLowerCase();
    if (w.length < 3 || /^\d+$/.test(w) || STOPWORDS.has(w)) continue;
    out.push(w);
  }
  return out;
}

export interface OfflineCauseInput {
  readonly sources: CauseSources;
  /** Pull-request title and description, or a task description. Untrusted: search terms only. */
  readonly description?: string;
}

/** At most this many distinct words: a long function does not drown its description. */
export const MAX_CAUSE_WORDS = 160;

/**
 * The offline cause query: distinct words, the description's first (it says what the code is for), then
 * comments, strings and identifiers.
 */
export function offlineCauseQuery(input: OfflineCauseInput): string {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (text: string): void => {
    for (const w of causeWords(text)) {
      if (out.length >= MAX_CAUSE_WORDS) return;
      if (!seen.has(w)) {
        seen.add(w);
        out.push(w);
      }
    }
  };
  if (input.description) add(input.description);
  for (const c of input.sources.comments) add(c);
  for (const s of input.sources.strings) add(s);
  for (const id of input.sources.identifiers) add(id);
  return out.join(' ');
}
