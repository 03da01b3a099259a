#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);

// src/code/languages.ts
import path from "node:path";
var LANGUAGES = ["python", "javascript", "typescript", "java", "go", "c", "cpp"];
var BY_EXTENSION = {
  ".py": "python",
  ".pyw": "python",
  ".js": "javascript",
  ".jsx": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".ts": "typescript",
  ".tsx": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".java": "java",
  ".go": "go",
  ".c": "c",
  ".h": "c",
  ".cc": "cpp",
  ".cpp": "cpp",
  ".cxx": "cpp",
  ".c++": "cpp",
  ".hpp": "cpp",
  ".hh": "cpp",
  ".hxx": "cpp"
};
function languageOf(filePath) {
  const base = path.posix.basename(filePath.replace(/\\/g, "/")).toLowerCase();
  if (base.endsWith(".d.ts")) return void 0;
  return BY_EXTENSION[path.posix.extname(base)];
}
function grammarOf(filePath, language) {
  if (language === "typescript" && filePath.toLowerCase().endsWith(".tsx")) return "tsx";
  return language;
}
function isLanguage(value) {
  return LANGUAGES.includes(value);
}

export {
  LANGUAGES,
  languageOf,
  grammarOf,
  isLanguage
};
