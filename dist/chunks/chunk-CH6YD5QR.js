#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);

// src/llm/prompts/prompt-template.ts
function promptKey(p) {
  return `${p.id}.v${p.version}`;
}
function fence(text, info = "") {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = "`".repeat(longest + 1);
  return `${f}${info}
${text.replace(/\n$/, "")}
${f}`;
}

export {
  promptKey,
  fence
};
