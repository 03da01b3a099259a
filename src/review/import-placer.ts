import { importEdits } from '../assess/rules/fix-imports.js';
import { grammarOf } from '../code/languages.js';
import { getParser, parse } from '../code/parser.js';
import type { ImportPlacer } from './apply-fixes.js';

/** Import lines placed as the knowledge base's fixes place them (after the last import, in the file's style). */
export const treeSitterImportPlacer: ImportPlacer = async (path, language, text, lines) => {
  const grammar = grammarOf(path, language);
  const tree = await parse(grammar, text);
  try {
    const r = importEdits(grammar, tree, text, lines, await getParser(grammar));
    return 'error' in r ? r : r.edits;
  } finally {
    tree.delete();
  }
};
