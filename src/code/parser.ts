import { Language as TsLanguage, Parser, type Tree } from 'web-tree-sitter';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import type { Grammar } from './languages.js';
import { registerModule } from './raw-cursor.js';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

const WASM: Readonly<Record<Grammar, string>> = {
  python: 'tree-sitter-python/tree-sitter-python.wasm',
  javascript: 'tree-sitter-javascript/tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript/tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-typescript/tree-sitter-tsx.wasm',
  java: 'tree-sitter-java/tree-sitter-java.wasm',
  go: 'tree-sitter-go/tree-sitter-go.wasm',
  c: 'tree-sitter-c/tree-sitter-c.wasm',
  cpp: 'tree-sitter-cpp/tree-sitter-cpp.wasm',
};


/**
 * dist/wasm/<file> in the bundle (this code sits in dist/ or dist/chunks/), node_modules when run from
 * source (jest, tsx).
 */
function wasmPath(specifier: string): string {
  for (const dir of [here, path.dirname(here)]) {
    const bundled = path.join(dir, 'wasm', path.basename(specifier));
    if (fs.existsSync(bundled)) return bundled;
  }
  return require.resolve(specifier);
}

let ready: Promise<void> | undefined;
const languages = new Map<Grammar, Promise<TsLanguage>>();
const parsers = new Map<Grammar, Parser>();

/** Loads tree-sitter's runtime once per process (loadLanguage does it too). */
export function initParser(): Promise<void> {
  return (ready ??= (async () => {
    // Emscripten makes this object the module: it receives the exports and heap views (raw-cursor.ts).
    const options = { locateFile: (name: string) => wasmPath(`web-tree-sitter/${name}`) };
    await Parser.init(options);
    registerModule(options);
  })());
}

/** Loads a grammar once per process; grammars load in milliseconds, so only those a change needs are loaded. */
export async function loadLanguage(grammar: Grammar): Promise<TsLanguage> {
  await initParser();
  let lang = languages.get(grammar);
  if (!lang) {
    lang = TsLanguage.load(wasmPath(WASM[grammar]));
    languages.set(grammar, lang);
  }
  return lang;
}

/** One parser per grammar, reused: parsing is synchronous, so reuse cannot interleave. */
export async function getParser(grammar: Grammar): Promise<Parser> {
  let parser = parsers.get(grammar);
  if (!parser) {
    const language = await loadLanguage(grammar); // also completes Parser.init()
    parser = parsers.get(grammar) ?? new Parser();
    parser.setLanguage(language);
    parsers.set(grammar, parser);
  }
  return parser;
}

/** Parses source text. The caller owns the tree and must `delete()` it when done. */
export async function parse(grammar: Grammar, source: string): Promise<Tree> {
  const parser = await getParser(grammar);
  const tree = parser.parse(source);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${grammar}`);
  return tree;
}
