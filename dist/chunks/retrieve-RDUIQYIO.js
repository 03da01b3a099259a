#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  endpointSettings
} from "./chunk-JAZMMTRO.js";
import {
  extractFacets,
  retrieveForUnits
} from "./chunk-YRLRJWR4.js";
import {
  EXIT_OK
} from "./chunk-4KPSJP3U.js";
import {
  extractUnits
} from "./chunk-G3QCSQ4F.js";
import {
  loadKnowledgeBase
} from "./chunk-W67GOMEU.js";
import "./chunk-36CMHGC7.js";
import {
  ConfigurationError
} from "./chunk-VWQMS5WY.js";
import "./chunk-2TTF3MLN.js";
import "./chunk-HY7RJWAB.js";
import "./chunk-ZCLPTS52.js";
import {
  LANGUAGES,
  grammarOf,
  isLanguage,
  languageOf
} from "./chunk-7OFN7BBI.js";
import "./chunk-QPWDPIWN.js";

// src/cli/commands/retrieve.ts
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
var HELP = `Usage: rescue retrieve FILE [options]

Shows the hierarchical retrieval for each function of FILE: the ranked CWEs with each facet's score and
rank, and the chosen secure examples. A unit for which no facet clears its threshold is not
security-relevant and would not be sent to a model.

  --lang L                 the language (${LANGUAGES.join(", ")}); default from the file name
  --description TEXT       a pull-request or task description, used as search terms for the cause facet
  --unit NAME              only the unit of this name
  --line N                 only the unit that holds line N
  -k, --k N                CWEs kept (default 4)
  -f, --format F           text (default) or json
  --kb DIR                 a knowledge base build directory (default: the bundled one)
  --calibration FILE       facet thresholds (JSON, as written by bench/calibrate.ts) fitted for that KB;
                           default: the bundled calibration
  --embeddings-model M     embed the queries with M (dense facets; the KB needs vectors for M)
  --base-url URL           OpenAI-compatible endpoint for --embeddings-model (env OPENAI_BASE_URL; key in OPENAI_API_KEY)
  -v, --verbose            also print the facet queries (text format)

Exit codes: 0 done, 2 usage or configuration error.`;
var OPTIONS = {
  lang: { type: "string" },
  description: { type: "string" },
  unit: { type: "string" },
  line: { type: "string" },
  k: { type: "string", short: "k" },
  format: { type: "string", short: "f" },
  kb: { type: "string" },
  calibration: { type: "string" },
  "embeddings-model": { type: "string" },
  "base-url": { type: "string" },
  verbose: { type: "boolean", short: "v" },
  quiet: { type: "boolean", short: "q" }
};
var retrieveCommand = {
  name: "retrieve",
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new ConfigurationError("retrieve needs exactly one FILE");
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json") throw new ConfigurationError(`--format must be text or json; got "${format}"`);
    const k = values.k === void 0 ? 4 : Number(values.k);
    if (!Number.isInteger(k) || k < 1) throw new ConfigurationError(`--k must be a positive integer; got "${values.k}"`);
    const line = values.line === void 0 ? void 0 : Number(values.line);
    if (line !== void 0 && (!Number.isInteger(line) || line < 1)) throw new ConfigurationError(`--line must be a positive line number; got "${values.line}"`);
    const file = positionals[0];
    const language = languageFor(file, values.lang);
    let text;
    try {
      text = await fs.readFile(path.resolve(io.cwd, file), "utf8");
    } catch (e) {
      throw new ConfigurationError(`cannot read ${file}: ${e.code ?? e.message}`);
    }
    const kb = loadKnowledgeBase(values.kb ? path.resolve(io.cwd, values.kb) : void 0);
    const grammar = grammarOf(file, language);
    const { units } = await extractUnits({ path: file, language, text });
    const chosen = units.filter((u) => (values.unit === void 0 || u.name === values.unit) && (line === void 0 || u.startLine <= line && line <= u.endLine));
    const selected = line !== void 0 && chosen.length > 1 ? [chosen.reduce((a, b) => b.endLine - b.startLine < a.endLine - a.startLine ? b : a)] : chosen;
    if (selected.length === 0) throw new ConfigurationError(`no unit in ${file}${values.unit ? ` named ${values.unit}` : ""}${line ? ` at line ${line}` : ""}`);
    const facets = [];
    for (const u of selected) {
      facets.push(await extractFacets({ kb, grammar, source: text, startLine: u.startLine, endLine: u.endLine, description: values.description, slice: false }));
    }
    const model = values["embeddings-model"];
    const embedder = model ? (await import("./openai-client-ZM6D3LVD.js")).createOpenAiEmbedder({ ...endpointSettings(values["base-url"], io, "--embeddings-model needs an endpoint"), model }) : void 0;
    const calibration = values.calibration ? await readCalibration(path.resolve(io.cwd, values.calibration)) : void 0;
    const results = await retrieveForUnits(kb, facets.map((f) => ({ facets: f })), { k, embedder, embeddingModel: model, logger: io.logger, calibration });
    const out = selected.map((u, i) => ({
      unit: u.name,
      startLine: u.startLine,
      endLine: u.endLine,
      ...results[i],
      query: { apis: facets[i].apis.calls, members: facets[i].apis.members, cause: facets[i].cause, rules: facets[i].rules.map((r) => r.ruleId) }
    }));
    io.stdout.write(format === "json" ? `${JSON.stringify({ version: 1, path: file, language, units: out }, null, 2)}
` : renderText(out, values.verbose ?? false));
    return EXIT_OK;
  }
};
async function readCalibration(file) {
  let json;
  try {
    json = JSON.parse(await fs.readFile(file, "utf8"));
  } catch (e) {
    throw new ConfigurationError(`--calibration ${file}: ${e.code ?? e.message}`);
  }
  const c = json;
  const numbers = (o, keys) => !!o && keys.every((k) => typeof o[k] === "number");
  if (c?.version !== 1 || !numbers(c.bm25?.cwe, ["cause", "apis", "code", "rules"]) || !numbers(c.bm25?.example, ["cause", "apis", "code"]) || c.bm25?.gate !== void 0 && !numbers(c.bm25.gate, ["cause", "apis", "code", "rules"])) {
    throw new ConfigurationError(`--calibration ${file}: not a calibration file (version 1 with bm25.cwe, bm25.example and optionally bm25.gate thresholds)`);
  }
  return { ...c, dense: c.dense ?? {} };
}
function languageFor(file, flag) {
  if (flag !== void 0) {
    if (!isLanguage(flag)) throw new ConfigurationError(`--lang must be one of ${LANGUAGES.join(", ")}; got "${flag}"`);
    return flag;
  }
  const language = languageOf(file);
  if (!language) throw new ConfigurationError(`cannot tell the language of ${file}; pass --lang`);
  return language;
}
var num = (x) => Number.isInteger(x) ? String(x) : x.toFixed(4);
function renderText(units, verbose) {
  const lines = [];
  for (const u of units) {
    lines.push(`${u.unit} (lines ${u.startLine}-${u.endLine}): ${u.relevant ? "security-relevant" : "not security-relevant"}`);
    if (verbose) {
      lines.push(`  apis: ${u.query.apis.join(", ") || "-"}`);
      if (u.query.members.length) lines.push(`  members: ${u.query.members.join(", ")}`);
      lines.push(`  cause query: ${u.query.cause || "-"}`);
      if (u.query.rules.length) lines.push(`  rules: ${u.query.rules.join(", ")}`);
    }
    u.cwes.forEach((c, i) => {
      const facets = Object.entries(c.facets).map(([name, f]) => `${name} ${num(f.score)} #${f.rank}${f.counted ? "" : " (not counted)"}`).join("; ");
      lines.push(`  ${i + 1}. ${c.cwe} ${c.name}  rrf ${num(c.score)}  [${facets}]`);
    });
    for (const e of u.examples) lines.push(`  example ${e.id} (${e.language}): ${e.title}  rrf ${num(e.score)}`);
    lines.push("");
  }
  return `${lines.join("\n")}
`;
}
export {
  retrieveCommand
};
