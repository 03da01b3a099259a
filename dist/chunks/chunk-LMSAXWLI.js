#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  checkDisabledRules,
  createPathFilter,
  loadRuleBook,
  mergeSettings,
  readRepoConfig,
  renderMarkdown,
  renderSarif
} from "./chunk-3XY6ZGYD.js";
import {
  DEFAULT_OVERLAY_DIR,
  citeOverlayGuidance,
  loadOverlay,
  mergeOverlay
} from "./chunk-RIQ5OP7A.js";
import {
  EXIT_FINDINGS,
  EXIT_OK
} from "./chunk-4KPSJP3U.js";
import {
  createRuleBook
} from "./chunk-S7WXNWXR.js";
import {
  loadKnowledgeBase
} from "./chunk-W67GOMEU.js";
import {
  ConfigurationError
} from "./chunk-VWQMS5WY.js";
import {
  atLeast
} from "./chunk-DTECACHJ.js";

// src/pipeline/local-source.ts
import fs from "node:fs";
import path from "node:path";
function localFileSource(root, options = {}) {
  const base = path.resolve(root);
  const confine = options.confine ?? true;
  return {
    async read(file) {
      const abs = path.resolve(base, file);
      if (confine && abs !== base && !abs.startsWith(base + path.sep)) throw new Error(`path leaves the repository: ${file}`);
      try {
        return fs.readFileSync(abs);
      } catch (error) {
        if (error.code === "ENOENT") return void 0;
        throw error;
      }
    }
  };
}

// src/cli/output.ts
import fs2 from "node:fs/promises";
import path2 from "node:path";

// src/report/findings-json.ts
var FINDINGS_JSON_VERSION = 1;
function toFindingsJson(result) {
  return {
    version: FINDINGS_JSON_VERSION,
    findings: result.findings,
    suppressed: result.suppressed ?? [],
    rejectedFixes: result.rejectedFixes ?? [],
    belowThreshold: result.belowThreshold ?? 0,
    stats: result.stats,
    units: result.units.map((u) => ({
      path: u.path,
      unit: u.name,
      kind: u.kind,
      startLine: u.startLine,
      endLine: u.endLine,
      language: u.language
    })),
    skipped: result.skipped
  };
}
function renderJson(result) {
  return JSON.stringify(toFindingsJson(result), null, 2) + "\n";
}

// src/report/text.ts
import { styleText } from "node:util";
var SEVERITY_STYLE = { critical: ["bold", "red"], high: "red", medium: "yellow", low: "dim" };
function renderText(result, options) {
  const paint = (style, text) => options.color ? styleText(style, text, { validateStream: false }) : text;
  const out = [];
  const paths = [.../* @__PURE__ */ new Set([...result.units.map((u) => u.path), ...result.findings.map((f) => f.path)])].sort();
  for (const path4 of paths) {
    const findings = result.findings.filter((f) => f.path === path4);
    const units = result.units.filter((u) => u.path === path4);
    out.push(paint("bold", path4));
    for (const f of findings) {
      out.push(`  ${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(8))} ${f.cwe} line ${f.startLine}${f.endLine > f.startLine ? `-${f.endLine}` : ""} in ${f.unit}`);
      out.push(`           ${f.message}`);
      for (const g of f.guidelines) out.push(paint("dim", `           ${g.id}: ${g.text}`));
      if (f.fix?.verified) {
        const range = f.fix.endLine > f.fix.startLine ? `lines ${f.fix.startLine}-${f.fix.endLine}` : `line ${f.fix.startLine}`;
        out.push(paint("green", `           verified fix, replaces ${range}${f.fix.description ? `: ${f.fix.description}` : ""}`));
        for (const line of f.fix.replacement.split("\n")) out.push(paint("green", `             ${line}`));
      } else {
        const rejected = result.rejectedFixes?.find((r) => r.fingerprint === f.fingerprint);
        if (rejected) out.push(paint("dim", `           no fix offered: the template's fix failed verification (${rejected.reason})`));
      }
    }
    if (options.verbose || findings.length === 0) {
      for (const u of units) out.push(paint("dim", `  reviewed ${u.kind} ${u.name} (lines ${u.startLine}-${u.endLine})`));
    }
    out.push("");
  }
  const notable = result.skipped.filter((s) => s.reason !== "unsupported-language" && s.reason !== "excluded");
  for (const s of notable) out.push(paint("yellow", `skipped ${s.path ?? "diff"}: ${s.reason} (${s.detail})`));
  if (notable.length) out.push("");
  if (options.verbose) {
    for (const f of result.suppressed ?? []) {
      out.push(paint("dim", `suppressed ${f.path}:${f.startLine} ${f.cwe} ${f.ruleId ?? ""} (${f.suppression.kind}: ${f.suppression.reason})`));
    }
  }
  const n = result.findings.length;
  const unparsed = result.stats.filesWithoutCandidateRules ?? 0;
  const extras = [
    result.suppressed?.length ? `${result.suppressed.length} suppressed` : "",
    result.belowThreshold ? `${result.belowThreshold} below the severity threshold` : ""
  ].filter(Boolean);
  out.push(
    `${n === 0 ? paint("green", "No findings") : paint("bold", `${n} finding${n === 1 ? "" : "s"}`)} in ${result.stats.units} unit${result.stats.units === 1 ? "" : "s"} of ${result.stats.files} file${result.stats.files === 1 ? "" : "s"} (${result.stats.ms} ms)` + (unparsed ? `; ${unparsed} of the files had nothing a rule looks for: not parsed, their units not counted` : "") + (extras.length ? `; ${extras.join(", ")}${options.verbose ? "" : " (--verbose lists them)"}` : "")
  );
  return out.join("\n") + "\n";
}

// src/cli/output.ts
var FORMATS = ["text", "json", "sarif", "markdown"];
function parseFormat(value) {
  const format = value ?? "text";
  if (!FORMATS.includes(format)) throw new ConfigurationError(`--format must be one of ${FORMATS.join(", ")}; got "${format}"`);
  return format;
}
function parseSeverity(value, flag) {
  const v = value ?? "low";
  if (!["low", "medium", "high", "critical"].includes(v)) throw new ConfigurationError(`${flag} must be one of low, medium, high, critical; got "${v}"`);
  return v;
}
async function emitReport(result, options, io) {
  const toFile = options.output !== void 0;
  const color = !toFile && Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  const text = options.format === "json" ? renderJson(result) : options.format === "sarif" ? renderSarif(result) : options.format === "markdown" ? renderMarkdown(result) : renderText(result, { color, verbose: options.verbose });
  if (toFile) {
    const file = path2.resolve(io.cwd, options.output);
    await fs2.mkdir(path2.dirname(file), { recursive: true });
    await fs2.writeFile(file, text);
    io.logger.info(`wrote ${options.format} report to ${options.output}`);
  } else {
    io.stdout.write(text);
  }
  return result.findings.some((f) => atLeast(f.severity, options.threshold)) ? EXIT_FINDINGS : EXIT_OK;
}

// src/cli/commands/common-options.ts
import path3 from "node:path";
var COMMON_OPTIONS = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  "severity-threshold": { type: "string" },
  include: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  verbose: { type: "boolean", short: "v" },
  quiet: { type: "boolean", short: "q" },
  config: { type: "string" },
  "no-overlay": { type: "boolean" }
};
var COMMON_HELP = `  -f, --format F               text (default), json, sarif or markdown
  -o, --output FILE            write the report to FILE instead of stdout
  --severity-threshold S       low (default), medium, high or critical: exit 1 only for findings at or above S
  --include GLOB               review only matching paths (repeatable, or comma-separated)
  --exclude GLOB               skip matching paths (repeatable, or comma-separated)
  --config FILE                repository settings (default: .github/rescue.yml under the root, when
                               present); flags win over the file
  --no-overlay                 ignore the repository's learned knowledge (.github/rescue/kb/)
  -v, --verbose                list every reviewed unit and debug messages
  -q, --quiet                  only warnings and errors on stderr

Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage or configuration error.`;
function listOption(values) {
  const items = values?.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  return items?.length ? items : void 0;
}
async function assessmentSettings(values, root, io) {
  const repoConfig = await readRepoConfig(root, values.config);
  const settings = mergeSettings(repoConfig, {
    include: listOption(values.include),
    exclude: listOption(values.exclude),
    severityThreshold: values["severity-threshold"] === void 0 ? void 0 : parseSeverity(values["severity-threshold"], "--severity-threshold")
  });
  const { rules, kb } = knowledge(root, values["no-overlay"] === true, io);
  checkDisabledRules(rules, settings.disableRules, repoConfig.file, io.logger);
  return {
    threshold: settings.severityThreshold,
    filter: createPathFilter({ include: settings.include, exclude: settings.exclude }),
    assessment: { rules, config: settings },
    kb
  };
}
function knowledge(root, noOverlay, io) {
  const overlay = noOverlay ? void 0 : loadOverlay(path3.join(root, DEFAULT_OVERLAY_DIR));
  if (!overlay) {
    let kb;
    return { rules: loadRuleBook(), kb: () => kb ??= loadKnowledgeBase() };
  }
  const merged = mergeOverlay(loadKnowledgeBase(), overlay);
  io.logger.info(`using the repository's knowledge-base overlay in ${DEFAULT_OVERLAY_DIR} (${merged.overlay.cwes.length} CWE(s), ${merged.overlay.guidelines} guideline(s))`);
  return { rules: citeOverlayGuidance(createRuleBook(merged.document), merged), kb: () => merged };
}

export {
  localFileSource,
  parseFormat,
  emitReport,
  COMMON_OPTIONS,
  COMMON_HELP,
  assessmentSettings
};
