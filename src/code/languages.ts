import path from 'node:path';

/** The languages RESCUE reviews. `tsx` is a grammar, not a language: TSX files are TypeScript. */
export const LANGUAGES = ['python', 'javascript', 'typescript', 'java', 'go', 'c', 'cpp'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A tree-sitter grammar. Differs from Language only for TSX, which needs its own grammar. */
export type Grammar = Language | 'tsx';

const BY_EXTENSION: Readonly<Record<string, Language>> = {
  '.py': 'python',
  '.pyw': 'python',
  '.js': 'javascript',
  '.jsx': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.ts': 'typescript',
  '.tsx': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.java': 'java',
  '.go': 'go',
  '.c': 'c',
  '.h': 'c',
  '.cc': 'cpp',
  '.cpp': 'cpp',
  '.cxx': 'cpp',
  '.c++': 'cpp',
  '.hpp': 'cpp',
  '.hh': 'cpp',
  '.hxx': 'cpp',
};

/** The language of a file from its name, or undefined for files RESCUE does not review. */
export function languageOf(filePath: string): Language | undefined {
  const base = path.posix.basename(filePath.replace(/\\/g, '/')).toLowerCase();
  if (base.endsWith('.d.ts')) return undefined; // declarations carry no behaviour
  return BY_EXTENSION[path.posix.extname(base)];
}

/** The grammar to parse a file with. JSX parses with the JavaScript grammar; TSX needs its own. */
export function grammarOf(filePath: string, language: Language): Grammar {
  if (language === 'typescript' && filePath.toLowerCase().endsWith('.tsx')) return 'tsx';
  return language;
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
