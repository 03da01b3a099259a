// Fix verification parses the edited file incrementally from the original's tree: the tree must be the one
// a fresh parse gives. Checked on the assessment samples with random edits: lines replaced by other lines
// of the file (code that parses), by blanks, by an unbalanced bracket (code that does not), with an
// insertion elsewhere (anywhere in a line), as fix verification makes them.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Tree } from 'web-tree-sitter';
import { grammarOf, languageOf } from '../../src/code/languages.js';
import { getParser } from '../../src/code/parser.js';
import type { TextEdit } from '../../src/assess/rules/types.js';
import { applyEdits } from '../../src/assess/rules/edits.js';
import { reparse } from '../../src/verify/reparse.js';
import { lineStarts } from '../../src/code/line-index.js';
import { lineEndIndex } from '../../src/verify/verify-replacement.js';

const samples = path.join(import.meta.dirname, '..', 'data', 'assess');
const files = fs
  .readdirSync(samples, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.includes('/') && !f.endsWith('.json') && languageOf(f.replace(/\.sample$/, '')))
  .sort();

test.each(files)('%s: an incremental reparse equals a fresh parse', async (file) => {
  const name = file.replace(/\.sample$/, '');
  const source = fs.readFileSync(path.join(samples, file), 'utf8') + '\n// é ünïcode ✓ 𝒳\n'.replace('//', name.endsWith('.py') ? '#' : '//');
  const parser = await getParser(grammarOf(name, languageOf(name)!));
  const tree = parser.parse(source)!;
  const starts = lineStarts(source);
  const lines = source.split('\n');
  const lineCount = lines.length;
  try {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: lineCount }),
        fc.integer({ min: 0, max: 3 }),
        fc.oneof(
          fc.array(fc.integer({ min: 0, max: lineCount - 1 }), { minLength: 0, maxLength: 4 }).map((ls) => ls.map((l) => lines[l]).join('\n')),
          fc.constantFrom('', '(', '}', '  x = "ü"', '\t'),
        ),
        fc.option(fc.integer({ min: 0, max: source.length }), { nil: undefined }),
        fc.constantFrom('\n', ' ', 'x', '\nimport os\n', '\n#include <string.h>', ', 1'),
        (startLine, extra, replacement, insertAt, inserted) => {
          const endLine = Math.min(lineCount, startLine + extra);
          const main: TextEdit = { startIndex: starts[startLine - 1]!, endIndex: lineEndIndex(source, starts, endLine), text: replacement, startLine, endLine };
          const edits = [main];
          // Anywhere outside the replaced lines, but not inside a surrogate pair.
          if (insertAt !== undefined && (insertAt < main.startIndex || insertAt > main.endIndex) && !/[\udc00-\udfff]/.test(source[insertAt] ?? '')) {
            edits.push({ startIndex: insertAt, endIndex: insertAt, text: inserted, startLine: 0, endLine: 0 });
          }
          const applied = applyEdits(source, edits);
          if ('error' in applied) return;
          const incremental = reparse(parser, tree, starts, edits, applied.text);
          const fresh = parser.parse(applied.text)!;
          try {
            expect(nodes(incremental)).toEqual(nodes(fresh));
          } finally {
            incremental.delete();
            fresh.delete();
          }
        },
      ),
      { numRuns: 150 },
    );
  } finally {
    tree.delete();
  }
});

/** Every node, in document order, with its type, range and position: what verification reads of a tree. */
function nodes(tree: Tree): string[] {
  const out: string[] = [];
  const cursor = tree.walk();
  try {
    for (let more = true; more; ) {
      const { nodeType, startIndex, endIndex, startPosition: s, endPosition: e, nodeIsMissing, currentFieldName } = cursor;
      out.push(`${currentFieldName ?? ''}:${nodeType}${nodeIsMissing ? '!' : ''} ${startIndex}-${endIndex} ${s.row}:${s.column}-${e.row}:${e.column}`);
      if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) continue;
      more = false;
      while (cursor.gotoParent()) {
        if (cursor.gotoNextSibling()) {
          more = true;
          break;
        }
      }
    }
  } finally {
    cursor.delete();
  }
  return out;
}
