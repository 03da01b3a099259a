/**
 * Generates a synthetic but well-formed change: files in the 7 languages, each with functions whose bodies
 * were partly rewritten, as a unified diff plus the head contents. Deterministic (seeded).
 */
const TEMPLATES: Record<string, { ext: string; header: string; fn: (name: string, body: string[]) => string; stmt: (i: number) => string }> = {
  python: { ext: 'py', header: 'import os\n', fn: (n, b) => `def ${n}(a, b):\n${b.map((s) => `    ${s}`).join('\n')}\n    return a\n`, stmt: (i) => `a = a + b * ${i}` },
  javascript: { ext: 'js', header: "const fs = require('fs');\n", fn: (n, b) => `function ${n}(a, b) {\n${b.map((s) => `  ${s}`).join('\n')}\n  return a;\n}\n`, stmt: (i) => `a = a + b * ${i};` },
  typescript: { ext: 'ts', header: "import fs from 'fs';\n", fn: (n, b) => `export function ${n}(a: number, b: number): number {\n${b.map((s) => `  ${s}`).join('\n')}\n  return a;\n}\n`, stmt: (i) => `a = a + b * ${i};` },
  java: { ext: 'java', header: 'package gen;\n', fn: (n, b) => `  static int ${n}(int a, int b) {\n${b.map((s) => `    ${s}`).join('\n')}\n    return a;\n  }\n`, stmt: (i) => `a = a + b * ${i};` },
  go: { ext: 'go', header: 'package gen\n', fn: (n, b) => `func ${n}(a int, b int) int {\n${b.map((s) => `\t${s}`).join('\n')}\n\treturn a\n}\n`, stmt: (i) => `a = a + b*${i}` },
  c: { ext: 'c', header: '#include <stdio.h>\n', fn: (n, b) => `int ${n}(int a, int b) {\n${b.map((s) => `  ${s}`).join('\n')}\n  return a;\n}\n`, stmt: (i) => `a = a + b * ${i};` },
  cpp: { ext: 'cpp', header: '#include <string>\n', fn: (n, b) => `int ${n}(int a, int b) {\n${b.map((s) => `  ${s}`).join('\n')}\n  return a;\n}\n`, stmt: (i) => `a = a + b * ${i};` },
};

function file(lang: string, functions: number, bodyLines: number, variant: number): string {
  const t = TEMPLATES[lang];
  const fns: string[] = [];
  for (let f = 0; f < functions; f++) {
    const body = Array.from({ length: bodyLines }, (_, i) => t.stmt(variant && i % 2 === 0 ? i + 1000 * variant : i));
    fns.push(t.fn(`fn${f}`, body));
  }
  const text = t.header + '\n' + fns.join('\n');
  return lang === 'java' ? text.replace(/^(package gen;\n)\n/, '$1\nclass Gen {\n') + '}\n' : text;
}

export function generateChange(options: { files: number; changedLines: number }) {
  const langs = Object.keys(TEMPLATES);
  const perFile = Math.ceil(options.changedLines / options.files);
  const bodyLines = 10;
  // Every other body line changes: one deleted and one added line per change, 5 changed per function.
  const functions = Math.ceil(perFile / (bodyLines / 2) / 2);
  const contents = new Map<string, Uint8Array>();
  const parts: string[] = [];
  let changedLines = 0;
  for (let i = 0; i < options.files; i++) {
    const lang = langs[i % langs.length];
    const p = `src/${lang}/mod${i}.${TEMPLATES[lang].ext}`;
    const before = file(lang, functions, bodyLines, 0).split('\n');
    const after = file(lang, functions, bodyLines, 1).split('\n');
    contents.set(p, new TextEncoder().encode(after.join('\n')));
    const body: string[] = [];
    for (let l = 0; l < before.length; l++) {
      if (before[l] === after[l]) body.push(` ${before[l]}`);
      else {
        body.push(`-${before[l]}`, `+${after[l]}`);
        changedLines += 2;
      }
    }
    parts.push(`diff --git a/${p} b/${p}\n--- a/${p}\n+++ b/${p}\n@@ -1,${before.length} +1,${after.length} @@\n${body.join('\n')}\n`);
  }
  return { diff: parts.join(''), contents, changedLines };
}
