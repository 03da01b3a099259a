#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  changedFileFromGithub,
  createGitHubClient,
  readText,
  require_tunnel,
  require_undici
} from "./chunks/chunk-IAYEKO2Q.js";
import {
  Inputs,
  Outputs,
  judgePrompt
} from "./chunks/chunk-BYUYSSHJ.js";
import "./chunks/chunk-CH6YD5QR.js";
import "./chunks/chunk-YAW5J35F.js";
import {
  EMPTY_REPO_CONFIG,
  FileSkip,
  checkDisabledRules,
  createPathFilter,
  escapeMarkdown,
  inlineCode,
  mergeSettings,
  parseRepoConfig,
  renderMarkdown,
  renderSarif,
  reviewChange
} from "./chunks/chunk-3XY6ZGYD.js";
import "./chunks/chunk-ATV33OIO.js";
import {
  DEFAULT_OVERLAY_DIR,
  citeOverlayGuidance,
  loadOverlay,
  mergeOverlay
} from "./chunks/chunk-RIQ5OP7A.js";
import {
  VERSION
} from "./chunks/chunk-O5UZ4QXP.js";
import {
  createRuleBook
} from "./chunks/chunk-S7WXNWXR.js";
import "./chunks/chunk-G3QCSQ4F.js";
import {
  importEdits
} from "./chunks/chunk-KHVTQXMD.js";
import {
  KbLoadError,
  loadKnowledgeBase
} from "./chunks/chunk-W67GOMEU.js";
import {
  MANIFEST_FILE,
  manifestSchema
} from "./chunks/chunk-36CMHGC7.js";
import {
  ConfigurationError
} from "./chunks/chunk-VWQMS5WY.js";
import {
  SEVERITIES,
  atLeast
} from "./chunks/chunk-DTECACHJ.js";
import "./chunks/chunk-2TTF3MLN.js";
import "./chunks/chunk-RHUYUCDS.js";
import "./chunks/chunk-HY7RJWAB.js";
import {
  PREFILTERS_FILE,
  getParser,
  parse
} from "./chunks/chunk-ZCLPTS52.js";
import {
  grammarOf
} from "./chunks/chunk-7OFN7BBI.js";
import {
  __toESM
} from "./chunks/chunk-QPWDPIWN.js";

// src/action/main.ts
import fs5 from "node:fs/promises";
import os5 from "node:os";
import path2 from "node:path";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties2, message) {
  const cmd = new Command(command, properties2, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties2, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties2;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties2 = {}) {
  issueCommand("error", toCommandProperties(properties2), message instanceof Error ? message.toString() : message);
}
function warning(message, properties2 = {}) {
  issueCommand("warning", toCommandProperties(properties2), message instanceof Error ? message.toString() : message);
}
function notice(message, properties2 = {}) {
  issueCommand("notice", toCommandProperties(properties2), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter2(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}

// src/config/action-config.ts
function readActionConfig(input) {
  const get = (name) => input(name).trim();
  const githubToken = get(Inputs.GithubToken);
  if (!githubToken) throw new ConfigurationError(`Input "${Inputs.GithubToken}" is empty: pass \${{ github.token }} or a token with pull-requests: write`);
  return {
    githubToken,
    mode: oneOf(Inputs.Mode, get(Inputs.Mode) || "review", ["review", "commit", "pull-request"]),
    pullRequest: optionalInt(Inputs.PullRequest, get(Inputs.PullRequest), 1),
    llm: {
      provider: oneOf(Inputs.LlmProvider, get(Inputs.LlmProvider) || "auto", ["auto", "github-models", "openai", "none"]),
      baseUrl: optionalUrl(Inputs.LlmBaseUrl, get(Inputs.LlmBaseUrl)),
      model: get(Inputs.LlmModel) || void 0,
      apiKey: get(Inputs.LlmApiKey) || void 0,
      embeddingsModel: get(Inputs.EmbeddingsModel) || void 0
    },
    severityThreshold: oneOf(Inputs.SeverityThreshold, get(Inputs.SeverityThreshold) || "medium", ["low", "medium", "high", "critical"]),
    failOn: parseFailOn(get(Inputs.FailOn)),
    maxUnits: optionalInt(Inputs.MaxUnits, get(Inputs.MaxUnits), 0) ?? 30,
    maxLlmCalls: optionalInt(Inputs.MaxLlmCalls, get(Inputs.MaxLlmCalls), 0) ?? 40,
    maxInputTokens: optionalInt(Inputs.MaxInputTokens, get(Inputs.MaxInputTokens), 500) ?? 7e3,
    maxComments: optionalInt(Inputs.MaxComments, get(Inputs.MaxComments), 0) ?? 20,
    include: list(get(Inputs.Include)),
    exclude: list(get(Inputs.Exclude)),
    configFile: get(Inputs.ConfigFile) || ".github/rescue.yml",
    sarifFile: get(Inputs.SarifFile) || void 0,
    dryRun: bool(Inputs.DryRun, get(Inputs.DryRun))
  };
}
function describeConfig(config) {
  const { githubToken: _t, llm, ...rest } = config;
  const { apiKey, ...llmRest } = llm;
  return JSON.stringify({ ...rest, llm: { ...llmRest, apiKey: apiKey ? "***" : void 0 } });
}
function oneOf(name, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new ConfigurationError(`Input "${name}" must be one of ${allowed.join(", ")}; got "${value}"`);
}
function optionalInt(name, value, min) {
  if (!value) return void 0;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new ConfigurationError(`Input "${name}" must be a whole number of at least ${min}; got "${value}"`);
  return Number(value);
}
function optionalUrl(name, value) {
  if (!value) return void 0;
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("protocol");
    return value;
  } catch {
    throw new ConfigurationError(`Input "${name}" must be an http(s) URL such as https://api.openai.com/v1; got "${value}"`);
  }
}
function bool(name, value) {
  if (!value || /^(false|no|0|off)$/i.test(value)) return false;
  if (/^(true|yes|1|on)$/i.test(value)) return true;
  throw new ConfigurationError(`Input "${name}" must be true or false; got "${value}"`);
}
function list(value) {
  return value.split(/[\n,]/).map((s) => s.trim()).filter((s) => s && !s.startsWith("#"));
}
function parseFailOn(value) {
  const items = list(value || "never");
  if (items.length === 1 && items[0] === "never") return [];
  for (const item of items) {
    if (item !== "findings" && item !== "errors") throw new ConfigurationError(`Input "${Inputs.FailOn}" must be never, findings, errors, or "findings,errors"; got "${value}"`);
  }
  return items;
}

// src/github/fix-commit.ts
var CO_AUTHOR = "Co-authored-by: rescue-action[bot] <rescue-action[bot]@users.noreply.github.com>";
function fixCommitMessage(findings, pr) {
  const n = findings.length;
  const lines2 = findings.map((f) => `- ${f.path}:${f.fix.startLine} ${f.cwe}${f.ruleId ? ` (${f.ruleId})` : ""}: ${oneLine(f.fix.description ?? f.message)}`);
  return [`RESCUE: apply ${n} verified security fix${n === 1 ? "" : "es"} to #${pr}`, "", ...lines2, "", CO_AUTHOR].join("\n");
}
function oneLine(s) {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}
function fixBranchName(pr, headSha) {
  return `rescue/fixes-${pr}-${headSha.slice(0, 7)}`;
}
function statusOf(error2) {
  const status = error2.status;
  return typeof status === "number" ? status : 0;
}
async function publishFixes(client, target, mode, files, logger) {
  if (target.fromFork) {
    return { status: "refused", reason: `mode "${mode}" is refused for pull requests from forks: RESCUE cannot and will not push to a fork's branch. The fixes are offered as suggestions instead.` };
  }
  const changed = files.filter((f) => f.after !== f.before);
  if (changed.length === 0) return { status: "nothing-to-do", reason: "no verified fix to apply" };
  const repo = { owner: target.owner, repo: target.repo };
  const findings = changed.flatMap((f) => f.findings);
  try {
    if (mode === "commit") {
      const { data: ref } = await client.rest.git.getRef({ ...repo, ref: `heads/${target.headRef}` });
      if (ref.object.sha !== target.headSha) {
        return { status: "refused", reason: `the branch ${target.headRef} moved to ${ref.object.sha.slice(0, 12)} since the reviewed commit ${target.headSha.slice(0, 12)}; not committing fixes computed for an older state (the next run reviews the new one)` };
      }
    }
    if (mode === "pull-request") {
      const existing = await openFixPullRequest(client, repo, target);
      if (existing) return existing;
    }
    const { data: head } = await client.rest.git.getCommit({ ...repo, commit_sha: target.headSha });
    const modes = await fileModes(client, repo, head.tree.sha, changed.map((f) => f.path));
    const tree = [];
    for (const f of changed) {
      const { data: blob } = await client.rest.git.createBlob({ ...repo, content: Buffer.from(f.after, "utf8").toString("base64"), encoding: "base64" });
      tree.push({ path: f.path, mode: modes.get(f.path) ?? "100644", type: "blob", sha: blob.sha });
    }
    const { data: newTree } = await client.rest.git.createTree({ ...repo, base_tree: head.tree.sha, tree });
    const { data: commit } = await client.rest.git.createCommit({ ...repo, message: fixCommitMessage(findings, target.number), tree: newTree.sha, parents: [target.headSha] });
    if (mode === "commit") {
      await client.rest.git.updateRef({ ...repo, ref: `heads/${target.headRef}`, sha: commit.sha, force: false });
      logger.info(`Committed ${findings.length} fix(es) to ${target.headRef}: ${commit.sha}`);
      return { status: "committed", sha: commit.sha, url: commit.html_url, branch: target.headRef };
    }
    const branch = fixBranchName(target.number, target.headSha);
    try {
      await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit.sha });
    } catch (error2) {
      if (statusOf(error2) !== 422) throw error2;
      const { data: open2 } = await client.rest.pulls.list({ ...repo, head: `${target.owner}:${branch}`, state: "open" });
      if (open2[0]) return { status: "pull-request", sha: commit.sha, url: open2[0].html_url, branch, number: open2[0].number };
      return { status: "refused", reason: `the branch ${branch} already exists without an open pull request; delete it to let RESCUE open a new one` };
    }
    const { data: created } = await client.rest.pulls.create({
      ...repo,
      head: branch,
      base: target.headRef,
      title: `RESCUE: security fixes for #${target.number}`,
      body: fixPullRequestBody(findings, target.number)
    });
    logger.info(`Opened ${created.html_url} with ${findings.length} fix(es) into ${target.headRef}`);
    return { status: "pull-request", sha: commit.sha, url: created.html_url, branch, number: created.number };
  } catch (error2) {
    const status = statusOf(error2);
    const why = status === 403 || status === 404 ? ' (the token needs "contents: write"' + (mode === "pull-request" ? ' and "pull-requests: write")' : ")") : "";
    return { status: "failed", reason: `GitHub refused the fix ${mode === "commit" ? "commit" : "pull request"}: ${error2.message}${why}` };
  }
}
async function openFixPullRequest(client, repo, target) {
  const branch = fixBranchName(target.number, target.headSha);
  let sha;
  try {
    sha = (await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha;
  } catch (error2) {
    if (statusOf(error2) === 404) return void 0;
    throw error2;
  }
  const { data: open2 } = await client.rest.pulls.list({ ...repo, head: `${target.owner}:${branch}`, state: "open" });
  if (open2[0]) return { status: "pull-request", sha, url: open2[0].html_url, branch, number: open2[0].number };
  return { status: "refused", reason: `the branch ${branch} already exists without an open pull request; delete it to let RESCUE open a new one` };
}
function fixPullRequestBody(findings, pr) {
  return [
    `Verified fixes for the findings RESCUE reported on #${pr}. Each replacement parses, stays inside its function, and the rule that found the weakness no longer fires.`,
    "",
    ...findings.map((f) => `- \`${f.path}\` line ${f.fix.startLine}: ${f.cwe}${f.guidelines.length ? ` (${f.guidelines.map((g) => g.id).join(", ")})` : ""}`)
  ].join("\n");
}
async function fileModes(client, repo, treeSha, paths) {
  const out = /* @__PURE__ */ new Map();
  try {
    const { data } = await client.rest.git.getTree({ ...repo, tree_sha: treeSha, recursive: "true" });
    const wanted = new Set(paths);
    for (const e of data.tree) if (e.path && wanted.has(e.path) && (e.mode === "100755" || e.mode === "100644")) out.set(e.path, e.mode);
  } catch {
  }
  return out;
}

// src/github/pull-request-source.ts
var MAX_LISTED_FILES = 3e3;
async function getPullRequest(client, pr) {
  const { data } = await client.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });
  return {
    headSha: data.head.sha,
    baseSha: data.base.sha,
    title: data.title,
    body: data.body ?? "",
    fromFork: data.head.repo === null || data.head.repo.full_name !== data.base.repo.full_name,
    /** The branch the pull request's commits are on (in the head repository) and the one it merges into. */
    headRef: data.head.ref,
    headRepo: data.head.repo?.full_name,
    baseRef: data.base.ref
  };
}
async function listPullRequestChange(client, pr) {
  const entries = await client.paginate(client.rest.pulls.listFiles, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
  const files = [];
  const skipped = [];
  for (const entry of entries) {
    const r = changedFileFromGithub(entry);
    if (r.file) files.push(r.file);
    if (r.skipped) skipped.push(r.skipped);
  }
  if (entries.length >= MAX_LISTED_FILES) {
    skipped.push({ reason: "too-large", detail: `GitHub lists only the first ${MAX_LISTED_FILES} files of a pull request; later files were not reviewed` });
  }
  return { files, skipped };
}
function headFileSource(client, pr, headSha) {
  return {
    async read(path3) {
      try {
        const { data } = await client.rest.repos.getContent({ owner: pr.owner, repo: pr.repo, path: path3, ref: headSha });
        if (Array.isArray(data) || data.type !== "file") throw new Error("not a file at the head commit");
        if (data.encoding !== "base64" || data.content === "" && data.size > 0) {
          throw new FileSkip("too-large", `${data.size} bytes: larger than the contents API returns`);
        }
        return Buffer.from(data.content, "base64");
      } catch (error2) {
        if (error2.status === 404) return void 0;
        throw error2;
      }
    }
  };
}
async function readFileAt(client, pr, path3, ref) {
  const bytes = await headFileSource(client, pr, ref).read(path3);
  return bytes === void 0 ? void 0 : Buffer.from(bytes).toString("utf8");
}
function recordingSource(source) {
  const texts = /* @__PURE__ */ new Map();
  return {
    async read(path3) {
      const bytes = await source.read(path3);
      if (bytes !== void 0) texts.set(path3, Buffer.from(bytes).toString("utf8"));
      return bytes;
    },
    text: (path3) => texts.get(path3)
  };
}

// src/review/marker.ts
import { createHash } from "node:crypto";
var FP = /^[0-9a-f]{8,64}$/;
function markerFingerprint(fingerprint) {
  return FP.test(fingerprint) ? fingerprint : createHash("sha256").update(fingerprint).digest("hex").slice(0, 20);
}
var VERSION2 = /^[A-Za-z0-9._-]{1,40}$/;
function renderMarker(marker) {
  if (!VERSION2.test(marker.version)) throw new Error(`not a marker version: ${marker.version}`);
  return `<!-- rescue:fp=${markerFingerprint(marker.fingerprint)};v=${marker.version} -->`;
}
function parseMarker(body) {
  const m = /<!-- rescue:fp=([0-9a-f]{8,64});v=([A-Za-z0-9._-]{1,40}) -->\s*$/.exec(body);
  return m ? { fingerprint: m[1], version: m[2] } : void 0;
}
function renderBodyMarker(fingerprints, version) {
  const fps = fingerprints.map(markerFingerprint);
  if (!VERSION2.test(version)) throw new Error(`not a marker version: ${version}`);
  return `<!-- rescue:review;fps=${fps.join(",")};v=${version} -->`;
}
function parseBodyMarker(body) {
  const m = /<!-- rescue:review;fps=((?:[0-9a-f]{8,64})?(?:,[0-9a-f]{8,64})*);v=([A-Za-z0-9._-]{1,40}) -->\s*$/.exec(body);
  if (!m) return void 0;
  return { fingerprints: m[1] ? m[1].split(",") : [], version: m[2] };
}
var OUTDATED_NOTE = "> [!NOTE]\n> **Outdated:** RESCUE no longer finds this";
function isMarkedOutdated(body) {
  return body.startsWith(OUTDATED_NOTE);
}

// src/github/review-publisher.ts
var WORKFLOW_BOT = "github-actions[bot]";
var THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  viewer { login }
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          isResolved
          comments(first: 1) { nodes { databaseId body path line url author { login } } }
        }
      }
    }
  }
}`;
var RESOLVE_MUTATION = `mutation($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }`;
function sameLogin(a, b) {
  const norm = (s) => s.toLowerCase().replace(/\[bot\]$/, "");
  return a !== void 0 && b !== void 0 && norm(a) === norm(b);
}
function statusOf2(error2) {
  const status = error2.status;
  return typeof status === "number" ? status : 0;
}
function messageOf(error2) {
  const e = error2;
  const data = e.response?.data;
  const details = data?.errors ? ` ${JSON.stringify(data.errors)}` : "";
  return `${data?.message ?? e.message ?? String(error2)}${details}`.slice(0, 500);
}
function createOctokitPublisher(client, pr, options) {
  const { logger } = options;
  const repo = { owner: pr.owner, repo: pr.repo };
  async function viaGraphql() {
    const comments = [];
    let cursor = null;
    let login = WORKFLOW_BOT;
    for (let page = 0; page < 50; page++) {
      const data = await client.graphql(THREADS_QUERY, { ...repo, number: pr.number, cursor });
      login = data.viewer?.login || WORKFLOW_BOT;
      const threads = data.repository?.pullRequest?.reviewThreads;
      if (!threads) break;
      for (const t of threads.nodes) {
        const first = t.comments.nodes[0];
        if (!first || !sameLogin(first.author?.login, login)) continue;
        const marker = parseMarker(first.body);
        if (!marker) continue;
        comments.push({
          where: "inline",
          id: first.databaseId,
          threadId: t.id,
          resolved: t.isResolved,
          markedOutdated: isMarkedOutdated(first.body),
          path: first.path,
          ...first.line ? { line: first.line } : {},
          body: first.body,
          url: first.url,
          ...marker
        });
      }
      if (!threads.pageInfo.hasNextPage) break;
      cursor = threads.pageInfo.endCursor;
    }
    return { login, comments };
  }
  async function viaRest(login) {
    const list2 = await client.paginate(client.rest.pulls.listReviewComments, { ...repo, pull_number: pr.number, per_page: 100 });
    const out = [];
    for (const c of list2) {
      if (c.in_reply_to_id || !sameLogin(c.user?.login, login)) continue;
      const marker = parseMarker(c.body);
      if (!marker) continue;
      out.push({
        where: "inline",
        id: c.id,
        resolved: false,
        markedOutdated: isMarkedOutdated(c.body),
        path: c.path,
        ...c.line ? { line: c.line } : {},
        body: c.body,
        url: c.html_url,
        ...marker
      });
    }
    return out;
  }
  async function reviewBodies(login) {
    const reviews = await client.paginate(client.rest.pulls.listReviews, { ...repo, pull_number: pr.number, per_page: 100 });
    const out = [];
    for (const r of reviews) {
      if (!sameLogin(r.user?.login, login) || !r.body) continue;
      const marker = parseBodyMarker(r.body);
      if (!marker) continue;
      for (const fingerprint of marker.fingerprints) {
        out.push({ where: "review-body", id: r.id, resolved: false, markedOutdated: false, body: "", fingerprint, version: marker.version, url: r.html_url });
      }
    }
    return out;
  }
  return {
    async listExisting() {
      let login = WORKFLOW_BOT;
      let inline;
      try {
        const found = await viaGraphql();
        login = found.login;
        inline = found.comments;
      } catch (error2) {
        logger.warning(`Could not list review threads through GraphQL (${messageOf(error2)}); using REST, so outdated comments are edited instead of resolved`);
        inline = await viaRest(login);
      }
      const bodies = await reviewBodies(login);
      logger.debug(`existing RESCUE comments by ${login}: ${inline.length} inline, ${bodies.length} in review bodies`);
      return [...inline, ...bodies];
    },
    async postReview(draft2, mode) {
      const comments = draft2.comments.map((c) => ({
        path: c.path,
        line: c.line,
        side: c.side,
        ...c.startLine !== void 0 ? { start_line: c.startLine, start_side: c.side } : {},
        body: c.body
      }));
      try {
        const { data } = await client.rest.pulls.createReview({
          ...repo,
          pull_number: pr.number,
          commit_id: draft2.commitId,
          body: draft2.body,
          // No event: a pending review, visible only to its author; the probe deletes it at once.
          ...mode === "submit" ? { event: "COMMENT" } : {},
          comments
        });
        if (mode === "probe") {
          try {
            await client.rest.pulls.deletePendingReview({ ...repo, pull_number: pr.number, review_id: data.id });
          } catch (error2) {
            return { ok: false, status: statusOf2(error2) || 500, message: `could not delete the probe review: ${messageOf(error2)}` };
          }
        }
        return { ok: true, id: data.id, url: data.html_url };
      } catch (error2) {
        const status = statusOf2(error2);
        if (!status) throw error2;
        return { ok: false, status, message: messageOf(error2) };
      }
    },
    async retire(stale, note) {
      const { comment } = stale;
      if (stale.action === "resolve" && comment.threadId) {
        try {
          await client.graphql(RESOLVE_MUTATION, { threadId: comment.threadId });
          return "resolved";
        } catch (error2) {
          logger.debug(`resolveReviewThread failed for comment ${comment.id}: ${messageOf(error2)}; editing it instead`);
        }
      }
      const body = `${OUTDATED_NOTE} at ${note}: the code changed or the finding was fixed.

${comment.body}`;
      await client.rest.pulls.updateReviewComment({ ...repo, comment_id: comment.id, body });
      return "marked-outdated";
    },
    annotate(annotations) {
      for (const a of annotations) options.annotate(a);
    }
  };
}

// src/kb/overlay-fetch.ts
import fs3 from "node:fs/promises";
import path from "node:path";
var BUILD_FILE = /^(kb\.json|index\.json|example-index\.json|prefilters\.json|vectors\.[A-Za-z0-9._-]+\.json|examples\/CWE-\d+\.jsonl)$/;
async function fetchOverlay(client, repo, ref, dest, overlayDir = DEFAULT_OVERLAY_DIR) {
  const buildPath = `${overlayDir.replace(/\/+$/, "")}/build`;
  const manifestText = await readText(client, repo.owner, repo.repo, `${buildPath}/${MANIFEST_FILE}`, ref);
  if (manifestText === void 0) return void 0;
  let files;
  try {
    files = Object.keys(manifestSchema.parse(JSON.parse(manifestText)).files);
  } catch (e) {
    throw new KbLoadError(`${buildPath}/${MANIFEST_FILE} at ${ref.slice(0, 12)} is not a knowledge-base manifest (${e.message.split("\n")[0]}); rebuild the overlay`);
  }
  const build = path.join(dest, "build");
  await fs3.mkdir(path.join(build, "examples"), { recursive: true });
  await fs3.writeFile(path.join(build, MANIFEST_FILE), manifestText);
  for (const name of files) {
    if (!BUILD_FILE.test(name)) throw new KbLoadError(`${buildPath}/${MANIFEST_FILE} names ${JSON.stringify(name)}, which is not a file of a knowledge-base build`);
    if (name === PREFILTERS_FILE) continue;
    const text = await readText(client, repo.owner, repo.repo, `${buildPath}/${name}`, ref);
    if (text === void 0) throw new KbLoadError(`${buildPath}/${name} is missing at ${ref.slice(0, 12)} (or over 1 MB); rebuild the overlay`);
    await fs3.writeFile(path.join(build, name), text);
  }
  return loadOverlay(dest);
}

// src/report/job-summary.ts
var REASON = { overflow: "over the inline comment limit", "outside-diff": "not on changed lines", refused: "refused by GitHub (422)" };
function renderJobSummary(result, publication) {
  return `${renderMarkdown(result)}
${renderPublication(publication)}`;
}
function renderPublication(p) {
  const out = ["### On the pull request", ""];
  const plan = p.review?.plan ?? p.plan;
  if (p.dryRun) out.push("- **Dry run**: nothing was posted. The review would have had:");
  if (plan) {
    const suggestions = plan.comments.filter((c) => c.suggestion).length;
    const review2 = p.review;
    if (!p.dryRun && review2?.status === "posted") out.push(`- Review [posted](${review2.reviewUrl}) with ${plan.comments.length} inline comment${plural(plan.comments.length)} (${suggestions} with a suggested change) and ${plan.bodyEntries.length} finding${plural(plan.bodyEntries.length)} in its body.`);
    else if (p.dryRun) out.push(`  ${plan.comments.length} inline comment${plural(plan.comments.length)} (${suggestions} with a suggested change) and ${plan.bodyEntries.length} finding${plural(plan.bodyEntries.length)} in its body.`);
    else if (review2?.status === "nothing-new") out.push("- No new review: nothing new to say.");
    if (plan.kept.length) out.push(`- ${plan.kept.length} finding${plural(plan.kept.length)} already commented on an earlier run (not repeated).`);
    if (review2 && (review2.resolved || review2.markedOutdated)) out.push(`- Earlier comments whose finding is gone: ${review2.resolved} resolved, ${review2.markedOutdated} marked outdated.`);
    else if (p.dryRun && plan.stale.length) out.push(`- ${plan.stale.length} earlier comment${plural(plan.stale.length)} would be resolved or marked outdated (the finding is gone).`);
    if (review2?.retireFailures) out.push(`- ${review2.retireFailures} earlier comment${plural(review2.retireFailures)} could not be resolved or edited (see the log).`);
    if (review2?.fallbackReason) out.push(`- **Nothing was posted**: ${escapeMarkdown(review2.fallbackReason)} ${review2.annotations} finding${plural(review2.annotations)} annotated on their lines; all are in the table above.`);
    if (plan.bodyEntries.length) {
      out.push("", "<details><summary>Not commented inline</summary>", "");
      for (const e of plan.bodyEntries) out.push(`- ${inlineCode(e.finding.path)}:${e.finding.startLine} ${e.finding.cwe}: ${REASON[e.reason]}`);
      out.push("", "</details>");
    }
    if (p.dryRun && plan.comments.length) {
      out.push("", "<details><summary>Planned inline comments</summary>", "");
      for (const c of plan.comments) out.push(`- ${inlineCode(c.path)} ${c.startLine !== void 0 ? `${c.startLine}\u2013${c.line}` : c.line} ${c.finding.cwe}${c.suggestion ? " (suggestion)" : ""}`);
      out.push("", "</details>");
    }
  }
  for (const note of p.notes ?? []) out.push(`- ${note}`);
  if (p.fixes) {
    out.push("", `### Fixes (mode ${inlineCode(p.mode)})`, "");
    const o = p.fixes.outcome;
    if (o.status === "committed") out.push(`- Committed ${p.fixes.applied} fix${p.fixes.applied === 1 ? "" : "es"} to ${inlineCode(o.branch)}: [${o.sha.slice(0, 12)}](${o.url}).`);
    else if (o.status === "pull-request") out.push(`- Opened [#${o.number}](${o.url}) from ${inlineCode(o.branch)} with ${p.fixes.applied} fix${p.fixes.applied === 1 ? "" : "es"}.`);
    else out.push(`- No fix ${p.mode === "commit" ? "commit" : "pull request"}: ${escapeMarkdown(o.reason)}`);
    for (const r of p.fixes.refused) out.push(`- Not applied: ${inlineCode(r.finding.path)}:${r.finding.fix?.startLine ?? r.finding.startLine} ${r.finding.cwe}: ${escapeMarkdown(r.reason)}`);
  }
  if (out.length === 2) out.push("- Nothing to do.");
  return out.join("\n") + "\n";
}
function plural(n) {
  return n === 1 ? "" : "s";
}

// src/review/apply-fixes.ts
function isWorkflowPath(path3) {
  return /^\.github\/workflows\//.test(path3);
}
function lineStartIndices(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}
async function applyFixes(findings, readText2, placeImports) {
  const refused = [];
  const perFile = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const fix = f.fix;
    if (!fix?.verified) continue;
    if (isWorkflowPath(f.path)) {
      refused.push({ finding: f, reason: "files under .github/workflows/ are never changed by RESCUE (the workflow token cannot push them)" });
      continue;
    }
    const text = readText2(f.path);
    if (text === void 0) {
      refused.push({ finding: f, reason: "the head content of the file is not available" });
      continue;
    }
    const starts = lineStartIndices(text);
    const lineCount = text.endsWith("\n") ? starts.length - 1 : starts.length;
    if (fix.startLine < 1 || fix.endLine < fix.startLine || fix.endLine > lineCount) {
      refused.push({ finding: f, reason: `lines ${fix.startLine}\u2013${fix.endLine} are not in the file (${lineCount} lines)` });
      continue;
    }
    const list2 = perFile.get(f.path) ?? [];
    const clash = list2.find((o) => o.finding.fix.startLine <= fix.endLine && fix.startLine <= o.finding.fix.endLine);
    if (clash) {
      refused.push({ finding: f, reason: `its lines ${fix.startLine}\u2013${fix.endLine} overlap the fix of ${clash.finding.cwe} at lines ${clash.finding.fix.startLine}\u2013${clash.finding.fix.endLine}, applied first` });
      continue;
    }
    const crlf = text.includes("\r\n");
    const startIndex = starts[fix.startLine - 1];
    let endIndex = fix.endLine < starts.length ? starts[fix.endLine] - 1 : text.length;
    if (crlf && text[endIndex - 1] === "\r") endIndex--;
    const replacement = crlf ? fix.replacement.replace(/\r?\n/g, "\r\n") : fix.replacement;
    list2.push({ finding: f, edit: { startIndex, endIndex, text: replacement } });
    perFile.set(f.path, list2);
  }
  const files = [];
  const applied = [];
  for (const [path3, list2] of perFile) {
    const text = readText2(path3);
    let accepted = list2;
    let importEdits2 = [];
    const wanted = [...new Set(list2.flatMap((x) => x.finding.fix.imports ?? []))];
    if (wanted.length) {
      const placed = placeImports ? await placeImports(path3, list2[0].finding.language, text, wanted) : { error: "no import placement available" };
      if ("error" in placed) {
        for (const x of list2.filter((x2) => x2.finding.fix.imports?.length)) refused.push({ finding: x.finding, reason: `the imports it needs could not be added: ${placed.error}` });
        accepted = list2.filter((x) => !x.finding.fix.imports?.length);
      } else importEdits2 = placed;
    }
    if (accepted.length === 0) continue;
    const result = applyIndexEdits(text, [...accepted.map((x) => x.edit), ...importEdits2]);
    if ("error" in result) {
      for (const x of accepted) refused.push({ finding: x.finding, reason: result.error });
      continue;
    }
    files.push({ path: path3, before: text, after: result.text, findings: accepted.map((x) => x.finding) });
    applied.push(...accepted.map((x) => x.finding));
  }
  return { files, applied, refused };
}
function applyIndexEdits(text, edits) {
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.startIndex - a.e.startIndex || b.e.endIndex - a.e.endIndex || b.i - a.i);
  let out = text;
  let limit = Infinity;
  for (const { e } of order) {
    if (e.endIndex > limit) return { error: `an import and a fix overlap at character ${e.startIndex}` };
    out = out.slice(0, e.startIndex) + e.text + out.slice(e.endIndex);
    limit = e.startIndex;
  }
  return { text: out };
}

// src/review/fence.ts
function fenceFor(code) {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run2) => run2.length));
  return "`".repeat(Math.max(3, longest + 1));
}
function fenced(info2, code) {
  const fence = fenceFor(code);
  return `${fence}${info2}
${code}${code.endsWith("\n") || code === "" ? "" : "\n"}${fence}`;
}

// src/review/render-comment.ts
var ICON = { critical: "\u{1F7E5}", high: "\u{1F7E7}", medium: "\u{1F7E8}", low: "\u2B1C" };
function cweUrl(cwe) {
  const n = /^CWE-(\d+)$/.exec(cwe)?.[1];
  return n ? `https://cwe.mitre.org/data/definitions/${n}.html` : "https://cwe.mitre.org/";
}
function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function headline(f) {
  const origin = f.source === "rule" && f.ruleId ? `rule ${inlineCode(f.ruleId)}` : "model review";
  return `${ICON[f.severity]} **${capitalize(f.severity)} \xB7 [${f.cwe}](${cweUrl(f.cwe)})** in ${inlineCode(f.unit)} \xB7 ${origin}`;
}
function explanation(f, fix) {
  const sentences = [ensureStop(escapeMarkdown(f.message))];
  if (f.fix?.verified && fix.kind !== "none") {
    sentences.push(
      f.fix.description ? ensureStop(escapeMarkdown(f.fix.description)) : "The replacement below removes the weakness.",
      "RESCUE checked that it parses, stays inside the function and that the rule no longer fires."
    );
  } else {
    sentences.push(`No verified replacement is available; follow the guideline${f.guidelines.length === 1 ? "" : "s"} below.`);
  }
  return sentences.join(" ");
}
function ensureStop(s) {
  const t = s.trim();
  return /[.!?)]$/.test(t) ? t : `${t}.`;
}
function guidelineList(f) {
  return f.guidelines.map((g) => `- **${escapeMarkdown(g.id)}**: ${escapeMarkdown(g.text)}`);
}
function fixBlock(f, fix) {
  if (!f.fix?.verified || fix.kind === "none") return fix.kind === "none" && fix.why ? [`_${fix.why}_`] : [];
  if (fix.kind === "suggestion") return [fenced("suggestion", f.fix.replacement)];
  const out = [];
  const removed = fix.oldLines?.map((l) => `-${l}`) ?? [];
  const added = f.fix.replacement.split("\n").map((l) => `+${l}`);
  const imports = (f.fix.imports ?? []).map((l) => `+${l}`);
  out.push(`${fix.why} The fix replaces lines ${f.fix.startLine}\u2013${f.fix.endLine}:`);
  out.push(fenced("diff", [...removed, ...added].join("\n")));
  if (imports.length) out.push("and adds at the import block:", fenced("diff", imports.join("\n")));
  return out;
}
function renderComment(f, fix, version) {
  const parts = [headline(f), "", explanation(f, fix)];
  const block = fixBlock(f, fix);
  if (block.length) parts.push("", ...block);
  const guidelines = guidelineList(f);
  if (guidelines.length) parts.push("", "**Guidelines**", ...guidelines);
  parts.push("", renderMarker({ fingerprint: f.fingerprint, version }));
  return parts.join("\n");
}

// src/review/render-body.ts
var MAX_BODY_CHARS = 6e4;
var REASON2 = {
  overflow: "more findings than the inline comment limit",
  "outside-diff": "not on lines this pull request changes",
  refused: "GitHub refused the inline comment"
};
function lines(f) {
  return f.startLine === f.endLine ? `line ${f.startLine}` : `lines ${f.startLine}\u2013${f.endLine}`;
}
function renderEntry(entry, context) {
  const f = entry.finding;
  const head = `- **${capitalize(f.severity)} \xB7 [${f.cwe}](${cweUrl(f.cwe)})** ${inlineCode(f.path)} ${lines(f)} in ${inlineCode(f.unit)}: ${escapeMarkdown(f.message)} (${REASON2[entry.reason]})`;
  if (entry.reason === "overflow") return head;
  const headLines = context.headLines?.(f.path);
  const fix = f.fix?.verified ? { kind: "diff", oldLines: headLines?.slice(f.fix.startLine - 1, f.fix.endLine), why: "Apply it by hand or with `mode: commit`." } : { kind: "none" };
  const detail = [explanation(f, fix), ...fixBlock(f, fix), ...guidelineList(f)];
  return [head, "", "  <details><summary>Details</summary>", "", ...detail.flatMap((d) => d.split("\n")).map((l) => l ? `  ${l}` : ""), "", "  </details>"].join("\n");
}
function renderReviewBody(entries, context) {
  const newCount = context.inline + entries.length;
  const out = ["### RESCUE security review", ""];
  const parts = [`${newCount} new finding${newCount === 1 ? "" : "s"}: ${context.inline} as inline comment${context.inline === 1 ? "" : "s"}`];
  if (entries.length) parts.push(`${entries.length} listed below`);
  if (context.kept) parts.push(`${context.kept} already commented on an earlier run`);
  if (context.resolved) parts.push(`${context.resolved} earlier comment${context.resolved === 1 ? "" : "s"} resolved (the finding is gone)`);
  out.push(`${parts.join("; ")}. The job summary lists every finding.`);
  for (const note of context.notes ?? []) out.push("", note);
  const shown = [];
  if (entries.length) {
    out.push("", "#### Not commented inline", "");
    let size = out.join("\n").length;
    for (const entry of entries) {
      const text = renderEntry(entry, context);
      if (size + text.length > MAX_BODY_CHARS) break;
      out.push(text);
      shown.push(entry);
      size += text.length + 1;
    }
    if (shown.length < entries.length) out.push(`- \u2026 and ${entries.length - shown.length} more: see the job summary.`);
  }
  out.push("", renderBodyMarker(shown.map((e) => e.finding.fingerprint), context.version));
  return out.join("\n");
}
function describeComment(c) {
  const range = c.startLine !== void 0 && c.startLine !== c.line ? `${c.startLine}-${c.line}` : `${c.line}`;
  return `${c.path}:${range} RIGHT ${c.finding.cwe} ${c.finding.ruleId ?? "llm"}${c.suggestion ? " [suggestion]" : ""}`;
}

// src/review/describe-plan.ts
function describePlan(plan) {
  const out = [
    `Review plan: ${plan.comments.length} inline comment(s), ${plan.bodyEntries.length} finding(s) in the body, ${plan.kept.length} already commented, ${plan.stale.length} earlier comment(s) to resolve or mark outdated`
  ];
  for (const c of plan.comments) out.push(`--- comment ${describeComment(c)}`, c.body);
  for (const e of plan.bodyEntries) out.push(`--- in the body (${e.reason}): ${e.finding.path}:${e.finding.startLine} ${e.finding.cwe}`);
  for (const s of plan.stale) out.push(`--- ${s.action}: comment ${s.comment.id} on ${s.comment.path ?? "?"} (fingerprint ${s.comment.fingerprint})`);
  out.push("--- review body", plan.body);
  return out.join("\n");
}

// src/review/import-placer.ts
var treeSitterImportPlacer = async (path3, language, text, lines2) => {
  const grammar = grammarOf(path3, language);
  const tree = await parse(grammar, text);
  try {
    const r = importEdits(grammar, tree, text, lines2, await getParser(grammar));
    return "error" in r ? r : r.edits;
  } finally {
    tree.delete();
  }
};

// src/diff/hunks.ts
function rightSideRanges(file) {
  return file.hunks.filter((hunk) => hunk.newLines > 0).map((hunk) => ({ start: hunk.newStart, end: hunk.newStart + hunk.newLines - 1 }));
}
function inSameHunk(file, startLine, endLine) {
  if (!Number.isInteger(startLine) || !Number.isInteger(endLine) || startLine < 1 || endLine < startLine) return false;
  return rightSideRanges(file).some((range) => range.start <= startLine && endLine <= range.end);
}

// src/review/placement.ts
function placeFinding(f, file, headLines) {
  if (!file) return void 0;
  const fix = f.fix?.verified ? f.fix : void 0;
  const oldLines = fix && headLines && fix.endLine <= headLines.length ? headLines.slice(fix.startLine - 1, fix.endLine) : void 0;
  const overlaps = fix !== void 0 && fix.startLine <= f.endLine && fix.endLine >= f.startLine;
  if (fix && overlaps && !fix.imports?.length && inSameHunk(file, fix.startLine, fix.endLine)) {
    return { startLine: fix.startLine, line: fix.endLine, fix: { kind: "suggestion" } };
  }
  const why = !fix ? void 0 : fix.imports?.length ? "The fix also adds an import elsewhere in the file, so it is not offered as a one-click suggestion." : "The fix covers lines outside this part of the diff, so it is not offered as a one-click suggestion.";
  const presentation = fix ? { kind: "diff", oldLines, why } : { kind: "none" };
  if (inSameHunk(file, f.startLine, f.endLine)) return { startLine: f.startLine, line: f.endLine, fix: presentation };
  const ranges = rightSideRanges(file);
  const inDiff = (n) => ranges.some((r) => r.start <= n && n <= r.end);
  const added = file.addedLines.find((n) => n >= f.startLine && n <= f.endLine);
  let anchor = added;
  for (let n = f.startLine; anchor === void 0 && n <= f.endLine; n++) if (inDiff(n)) anchor = n;
  if (anchor === void 0) return void 0;
  return { startLine: anchor, line: anchor, fix: presentation };
}

// src/review/plan.ts
var RULES_MARKER_VERSION = "rules-1";
var DEFAULT_MAX_COMMENTS = 20;
var UNCERTAIN = /* @__PURE__ */ new Set(["too-large", "minified", "encoding", "unreadable", "malformed-diff", "binary", "parse-error"]);
function bySeverity(a, b) {
  return SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || a.path.localeCompare(b.path) || a.startLine - b.startLine;
}
function planReview(result, changeSet, existing, options = {}) {
  const version = options.version ?? RULES_MARKER_VERSION;
  const maxComments = options.maxComments ?? DEFAULT_MAX_COMMENTS;
  const handled = options.handled ?? /* @__PURE__ */ new Set();
  const files = new Map(changeSet.files.map((f) => [f.path, f]));
  const byFingerprint = /* @__PURE__ */ new Map();
  for (const c of existing) if (!byFingerprint.has(c.fingerprint) || c.where === "inline") byFingerprint.set(c.fingerprint, c);
  const splitLines = memo((path3) => options.headText?.(path3)?.split(/\r?\n/));
  const comments = [];
  const bodyEntries = [];
  const kept = [];
  const skipped = [];
  const seen = /* @__PURE__ */ new Set();
  for (const f of [...result.findings].sort(bySeverity)) {
    if (seen.has(f.fingerprint)) {
      skipped.push({ finding: f, reason: "duplicate-in-run", detail: `same fingerprint as another finding at ${f.path}` });
      continue;
    }
    seen.add(f.fingerprint);
    if (handled.has(f.fingerprint)) continue;
    const earlier = byFingerprint.get(markerFingerprint(f.fingerprint));
    if (earlier) {
      kept.push({ finding: f, existing: earlier });
      skipped.push({ finding: f, reason: "already-commented", detail: `${earlier.where === "inline" ? "comment" : "review"} ${earlier.id}` });
      continue;
    }
    const placement = placeFinding(f, files.get(f.path), splitLines(f.path));
    if (!placement) bodyEntries.push({ finding: f, reason: "outside-diff" });
    else if (comments.length >= maxComments) bodyEntries.push({ finding: f, reason: "overflow" });
    else {
      comments.push({
        finding: f,
        path: f.path,
        line: placement.line,
        ...placement.startLine < placement.line ? { startLine: placement.startLine } : {},
        side: "RIGHT",
        body: renderComment(f, placement.fix, version),
        suggestion: placement.fix.kind === "suggestion"
      });
    }
  }
  const current = new Set(result.findings.map((f) => markerFingerprint(f.fingerprint)));
  const uncertain = new Set(result.skipped.filter((s) => s.path && UNCERTAIN.has(s.reason)).map((s) => s.path));
  const stale = [];
  for (const c of existing) {
    if (c.where !== "inline" || c.resolved || c.markedOutdated || current.has(c.fingerprint)) continue;
    if (c.path && uncertain.has(c.path)) {
      skipped.push({ path: c.path, reason: "file-not-reviewed", detail: `comment ${c.id} kept: the file was not reviewed this run` });
      continue;
    }
    stale.push({ comment: c, action: c.threadId ? "resolve" : "mark-outdated" });
  }
  const context = {
    version,
    inline: comments.length,
    kept: kept.length,
    resolved: stale.length,
    maxComments,
    notes: options.notes,
    headLines: splitLines
  };
  return {
    comments,
    bodyEntries,
    body: renderReviewBody(bodyEntries, context),
    kept,
    stale,
    skipped,
    version,
    maxComments,
    notes: options.notes ?? [],
    hasNewContent: comments.length + bodyEntries.length > 0
  };
}
function moveToBody(plan, refused, options = {}) {
  const out = new Set(refused);
  const comments = plan.comments.filter((c) => !out.has(c));
  const bodyEntries = [...plan.bodyEntries, ...refused.map((c) => ({ finding: c.finding, reason: "refused" }))];
  const splitLines = memo((path3) => options.headText?.(path3)?.split(/\r?\n/));
  const body = renderReviewBody(bodyEntries, {
    version: plan.version,
    inline: comments.length,
    kept: plan.kept.length,
    resolved: plan.stale.length,
    maxComments: plan.maxComments,
    notes: plan.notes,
    headLines: splitLines
  });
  return { ...plan, comments, bodyEntries, body, hasNewContent: comments.length + bodyEntries.length > 0 };
}
function memo(fn) {
  const cache = /* @__PURE__ */ new Map();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key);
  };
}

// src/review/publish.ts
var MAX_PROBES = 16;
var MAX_ANNOTATIONS_PER_LEVEL = 10;
async function publishReview(plan, publisher, options) {
  const { logger } = options;
  const errors = [];
  let current = plan;
  let refused = [];
  let probes = 0;
  let reviewUrl;
  let fallbackReason;
  if (plan.hasNewContent) {
    let outcome = await publisher.postReview(draft(current, options.commitId), "submit");
    if (!outcome.ok && outcome.status === 422 && current.comments.length > 0) {
      logger.warning(`GitHub refused the review (422: ${outcome.message}); looking for the comments it does not accept`);
      const search = await findRefused(current.comments, (comments) => publisher.postReview({ ...draft(current, options.commitId), comments }, "probe"), options.maxProbes ?? MAX_PROBES);
      probes = search.probes;
      refused = search.refused;
      for (const c of refused) logger.warning(`GitHub refused the comment on ${c.path}:${c.line}; it is listed in the review body instead`, { file: c.path, startLine: c.line });
      current = moveToBody(plan, refused, { headText: options.headText });
      outcome = await publisher.postReview(draft(current, options.commitId), "submit");
      if (!outcome.ok && outcome.status === 422 && current.comments.length > 0) {
        logger.warning(`GitHub still refused the review (422: ${outcome.message}); posting every finding in the review body`);
        refused = [...plan.comments];
        current = moveToBody(plan, refused, { headText: options.headText });
        outcome = await publisher.postReview(draft(current, options.commitId), "submit");
      }
    }
    if (outcome.ok) {
      reviewUrl = outcome.url;
      logger.info(`Posted a review with ${current.comments.length} inline comment(s) and ${current.bodyEntries.length} finding(s) in its body: ${outcome.url}`);
    } else {
      fallbackReason = describeRefusal(outcome);
      if (outcome.status !== 403 && outcome.status !== 404) errors.push(fallbackReason);
      logger.warning(`${fallbackReason} ${options.fallbackHint ?? "The findings are in the job summary and annotated on their lines."}`);
    }
  } else {
    logger.info(plan.kept.length ? `Nothing new to post: ${plan.kept.length} finding(s) already have a comment from an earlier run` : "Nothing to post");
  }
  let annotations = 0;
  if (fallbackReason) {
    const findings = [...current.comments.map((c) => c.finding), ...current.bodyEntries.map((e) => e.finding)];
    const notes = annotationsFor(findings);
    publisher.annotate(notes);
    annotations = notes.length;
    if (findings.length > notes.length) logger.info(`${findings.length - notes.length} more finding(s) are only in the job summary (GitHub shows ${MAX_ANNOTATIONS_PER_LEVEL} annotations per level and step)`);
  }
  let resolved = 0;
  let markedOutdated = 0;
  let retireFailures = 0;
  const canWrite = !fallbackReason;
  if (canWrite) {
    for (const s of plan.stale) {
      try {
        const done = await publisher.retire(s, `${options.commitId.slice(0, 12)}`);
        if (done === "resolved") resolved++;
        else markedOutdated++;
      } catch (error2) {
        retireFailures++;
        logger.warning(`Could not resolve or mark outdated the earlier comment ${s.comment.id} on ${s.comment.path ?? "the pull request"}: ${error2.message}`);
      }
    }
    if (resolved + markedOutdated) logger.info(`${resolved} earlier comment(s) resolved and ${markedOutdated} marked outdated: their findings are gone`);
  }
  return {
    status: fallbackReason ? "fallback" : plan.hasNewContent ? "posted" : "nothing-new",
    ...reviewUrl ? { reviewUrl } : {},
    plan: current,
    refused,
    probes,
    resolved,
    markedOutdated,
    retireFailures,
    annotations,
    ...fallbackReason ? { fallbackReason } : {},
    errors
  };
}
function draft(plan, commitId) {
  return { commitId, body: plan.body, comments: plan.comments };
}
function describeRefusal(outcome) {
  if (outcome.status === 403 || outcome.status === 404) {
    return `GitHub answered ${outcome.status} to the review: this token cannot comment on the pull request (pull requests from forks get a read-only token; grant "pull-requests: write" or see the README on pull_request_target).`;
  }
  return `GitHub did not accept the review (${outcome.status}: ${outcome.message}).`;
}
async function findRefused(items, probe, budget) {
  const refused = [];
  const bad = [[...items]];
  let probes = 0;
  let broken = false;
  const test = async (group2) => {
    if (broken || probes >= budget) return void 0;
    probes++;
    const r = await probe(group2);
    if (r.ok) return true;
    if (r.status === 422) return false;
    broken = true;
    return void 0;
  };
  while (bad.length) {
    const group2 = bad.shift();
    if (group2.length === 1) {
      refused.push(group2[0]);
      continue;
    }
    const half = Math.ceil(group2.length / 2);
    const a = group2.slice(0, half);
    const b = group2.slice(half);
    const okA = await test(a);
    if (okA === void 0) {
      refused.push(...group2);
      continue;
    }
    if (okA) {
      bad.push(b);
      continue;
    }
    bad.push(a);
    const okB = await test(b);
    if (okB === void 0) refused.push(...b);
    else if (!okB) bad.push(b);
  }
  return { refused, probes };
}
function annotationsFor(findings) {
  const sorted = [...findings].sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity));
  const out = [];
  const count = { warning: 0, notice: 0 };
  for (const f of sorted) {
    const level = f.severity === "high" || f.severity === "critical" ? "warning" : "notice";
    if (count[level] >= MAX_ANNOTATIONS_PER_LEVEL) continue;
    count[level]++;
    const fix = f.fix?.verified ? ` A verified fix is in the job summary.` : "";
    const cites = f.guidelines.length ? ` (${f.guidelines.map((g) => g.id).join(", ")})` : "";
    out.push({
      level,
      title: `RESCUE ${f.cwe} (${f.severity})`,
      message: `${f.message}${cites}${fix}`,
      file: f.path,
      startLine: f.startLine,
      endLine: f.endLine
    });
  }
  return out;
}

// src/action/event.ts
import fs4 from "node:fs";
function readPullRequestEvent(env, pullRequestInput) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) throw new ConfigurationError("GITHUB_REPOSITORY is not set: run this inside GitHub Actions, or use the rescue CLI locally");
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const pr = payload?.pull_request;
  if ((name === "pull_request" || name === "pull_request_target") && pr && Number.isInteger(pr.number)) {
    const baseRepo = pr.base?.repo?.full_name;
    const headRepo = pr.head?.repo?.full_name;
    return {
      owner,
      repo,
      number: pr.number,
      headSha: pr.head?.sha,
      baseSha: pr.base?.sha,
      title: pr.title ?? "",
      body: pr.body ?? "",
      // A deleted fork has no head repo; it is still not ours to write to.
      fromFork: headRepo === void 0 || baseRepo !== void 0 && headRepo !== baseRepo
    };
  }
  const dispatched = pullRequestInput ?? numberFrom(payload?.inputs?.["pull-request"]);
  if (dispatched !== void 0) return { owner, repo, number: dispatched };
  throw new ConfigurationError(
    `RESCUE reviews pull requests: run it on pull_request (or pull_request_target), or give the input "pull-request" with a number; this run was triggered by "${name || "an unknown event"}"`
  );
}
function readPayload(file) {
  if (!file) return void 0;
  try {
    return JSON.parse(fs4.readFileSync(file, "utf8"));
  } catch (error2) {
    throw new ConfigurationError(`cannot read the event payload at GITHUB_EVENT_PATH (${file}): ${error2.message}`);
  }
}
function numberFrom(value) {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : void 0;
}

// src/action/action-logger.ts
function properties(location) {
  if (!location?.file) return void 0;
  return { file: location.file, startLine: location.startLine, endLine: location.endLine };
}
function createActionLogger() {
  return {
    debug: (m) => debug(m),
    info: (m) => info(m),
    warning: (m, l) => warning(m, properties(l)),
    error: (m, l) => error(m, properties(l)),
    group: (name, fn) => group(name, fn)
  };
}

// src/action/main.ts
async function run(env = process.env, logger = createActionLogger()) {
  try {
    await review(env, logger);
  } catch (error2) {
    if (error2 instanceof ConfigurationError) setFailed(error2.message);
    else setFailed(`RESCUE failed unexpectedly: ${error2 instanceof Error ? error2.stack ?? error2.message : String(error2)}`);
  }
}
async function review(env, logger) {
  const config = readActionConfig((name) => getInput(name));
  setSecret(config.githubToken);
  if (config.llm.apiKey) setSecret(config.llm.apiKey);
  logger.debug(`settings: ${describeConfig(config)}`);
  const event = readPullRequestEvent(env, config.pullRequest);
  const client = createGitHubClient(config.githubToken, logger, { baseUrl: env.GITHUB_API_URL });
  const details = !event.headSha || config.mode !== "review" ? await getPullRequest(client, event) : void 0;
  const pr = {
    ...event,
    ...details,
    headSha: event.headSha ?? details.headSha,
    baseSha: event.baseSha ?? details?.baseSha,
    fromFork: event.fromFork ?? details?.fromFork ?? true
  };
  logger.info(`Reviewing ${pr.owner}/${pr.repo}#${pr.number} at ${pr.headSha.slice(0, 12)}`);
  const changeSet = await logger.group("Read the pull request", () => listPullRequestChange(client, pr));
  logger.info(`${changeSet.files.length} changed file(s)`);
  const settings = await repositorySettings(client, pr, config, logger);
  const kb = await knowledgeBase(client, pr, env, logger);
  const rules = citeOverlayGuidance(createRuleBook(kb.document), kb);
  checkDisabledRules(rules, settings.disableRules, config.configFile, logger);
  const source = recordingSource(headFileSource(client, pr, pr.headSha));
  const result = await reviewChange({
    changeSet,
    source,
    logger,
    filter: createPathFilter({ include: settings.include, exclude: settings.exclude }),
    assessment: {
      rules,
      config: settings,
      model: {
        kb,
        llm: config.llm,
        caps: { maxUnits: config.maxUnits, maxCalls: config.maxLlmCalls, maxInputTokens: config.maxInputTokens },
        env,
        githubToken: config.githubToken,
        pr: { title: pr.title, body: pr.body }
      }
    }
  });
  for (const unit of result.units) logger.debug(`unit ${unit.path}:${unit.startLine}-${unit.endLine} ${unit.kind} ${unit.name}`);
  const reported = result.findings.filter((f) => atLeast(f.severity, config.severityThreshold)).sort(bySeverity);
  const reviewed = { ...result, findings: reported };
  const sarifPath = path2.resolve(env.GITHUB_WORKSPACE ?? ".", config.sarifFile ?? path2.join(env.RUNNER_TEMP ?? ".", "rescue.sarif"));
  await fs5.mkdir(path2.dirname(sarifPath), { recursive: true });
  await fs5.writeFile(sarifPath, renderSarif(reviewed));
  setOutput(Outputs.Findings, reported.length);
  setOutput(Outputs.Sarif, sarifPath);
  const errors = [];
  if (result.model?.outage) errors.push(`the model failed: ${result.model.outage}`);
  const publication = { mode: config.mode, dryRun: config.dryRun, notes: [] };
  const handled = /* @__PURE__ */ new Set();
  const notes = [];
  if (config.mode !== "review") {
    const fixes = await logger.group(`Apply the verified fixes (mode ${config.mode})`, () => fixStep(client, pr, config, reviewed, source.text, logger));
    publication.fixes = fixes;
    if (fixes.outcome.status === "failed") errors.push(fixes.outcome.reason);
    if (fixes.outcome.status === "committed" || fixes.outcome.status === "pull-request") {
      const fixed = new Set(fixes.fingerprints);
      for (const fp of fixed) handled.add(fp);
      notes.push(
        fixes.outcome.status === "committed" ? `RESCUE committed ${fixed.size} verified fix${fixed.size === 1 ? "" : "es"} to this branch in ${fixes.outcome.sha.slice(0, 12)}; those findings are not repeated here.` : `RESCUE opened #${fixes.outcome.number} with ${fixed.size} verified fix${fixed.size === 1 ? "" : "es"} into this branch; those findings are not repeated here.`
      );
    }
  }
  const publisher = createOctokitPublisher(client, pr, { logger, annotate });
  let existing;
  try {
    existing = await publisher.listExisting();
  } catch (error2) {
    const reason = `Could not read the pull request's review comments (${error2.message}); posting nothing so no comment is repeated.`;
    logger.warning(reason);
    if (!config.dryRun) for (const a of annotationsFor(reported)) annotate(a);
    publication.notes = [...publication.notes ?? [], `${reason} The findings are annotated on their lines.`];
    errors.push(reason);
  }
  if (existing) {
    const version = result.stats.unitsSentToLlm > 0 ? `${RULES_MARKER_VERSION}.judge-${judgePrompt.version}` : RULES_MARKER_VERSION;
    const plan = planReview(reviewed, changeSet, existing, { maxComments: config.maxComments, version, headText: source.text, handled, notes });
    publication.plan = plan;
    if (config.dryRun) {
      logger.info(`Dry run (input "${Inputs.DryRun}"): posting nothing.
${describePlan(plan)}`);
    } else {
      const outcome = await logger.group(
        "Publish the review",
        () => publishReview(plan, publisher, { commitId: pr.headSha, logger, headText: source.text, fallbackHint: "The findings are in the job summary and annotated on their lines." })
      );
      publication.review = outcome;
      errors.push(...outcome.errors);
    }
  }
  setOutput(Outputs.ReviewUrl, publication.review?.reviewUrl ?? "");
  await summary.addRaw(renderJobSummary(reviewed, publication), true).write();
  if (config.failOn.includes("findings") && reported.length > 0) {
    setFailed(`${reported.length} finding(s) at or above "${config.severityThreshold}" (input "${Inputs.FailOn}" includes findings)`);
  } else if (config.failOn.includes("errors") && errors.length > 0) {
    setFailed(`${errors.length} error(s) during the review (input "${Inputs.FailOn}" includes errors): ${errors[0]}`);
  }
}
async function knowledgeBase(client, pr, env, logger) {
  const bundled = loadKnowledgeBase();
  const base = pr.baseSha ?? (await getPullRequest(client, pr)).baseSha;
  const dest = await fs5.mkdtemp(path2.join(env.RUNNER_TEMP ?? os5.tmpdir(), "rescue-overlay-"));
  try {
    const overlay = await fetchOverlay(client, pr, base, dest);
    if (!overlay) return bundled;
    const merged = mergeOverlay(bundled, overlay);
    logger.info(`Using the repository's knowledge-base overlay (${merged.overlay.cwes.length} CWE(s), ${merged.overlay.guidelines} guideline(s)) from ${base.slice(0, 12)}`);
    return merged;
  } catch (error2) {
    logger.warning(`The repository's knowledge-base overlay could not be used (${error2.message}); using the bundled knowledge base`);
    return bundled;
  }
}
async function repositorySettings(client, pr, config, logger) {
  let repoConfig = EMPTY_REPO_CONFIG;
  const ref = pr.baseSha ?? (await getPullRequest(client, pr)).baseSha;
  const text = await readFileAt(client, pr, config.configFile, ref).catch((error2) => {
    logger.warning(`Could not read ${config.configFile} at the base commit: ${error2.message}; using the defaults`);
    return void 0;
  });
  if (text !== void 0) repoConfig = parseRepoConfig(text, config.configFile);
  return mergeSettings(repoConfig, {
    include: config.include.length ? config.include : void 0,
    exclude: config.exclude.length ? config.exclude : void 0,
    severityThreshold: config.severityThreshold
  });
}
async function fixStep(client, pr, config, result, headText, logger) {
  const mode = config.mode;
  if (pr.fromFork) {
    const reason = `mode "${mode}" is refused for pull requests from forks: RESCUE cannot and will not push to a fork's branch. The fixes are offered as review comments instead.`;
    logger.warning(reason);
    return { outcome: { status: "refused", reason }, applied: 0, refused: [], fingerprints: [] };
  }
  const applied = await applyFixes(result.findings, headText, treeSitterImportPlacer);
  for (const r of applied.refused) logger.warning(`fix not applied: ${r.finding.path}:${r.finding.fix?.startLine}: ${r.reason}`, { file: r.finding.path, startLine: r.finding.startLine });
  if (config.dryRun) {
    for (const f of applied.files) logger.info(`Dry run: would change ${f.path} (${f.findings.length} fix(es))`);
    return { outcome: { status: "nothing-to-do", reason: "dry run: nothing was committed" }, applied: applied.applied.length, refused: applied.refused, fingerprints: [] };
  }
  if (!pr.headRef) throw new Error("the pull request head branch is unknown");
  const outcome = await publishFixes(client, { owner: pr.owner, repo: pr.repo, number: pr.number, headSha: pr.headSha, headRef: pr.headRef, fromFork: pr.fromFork }, mode, applied.files, logger);
  if (outcome.status === "refused" || outcome.status === "failed") logger.warning(outcome.reason);
  return { outcome, applied: applied.applied.length, refused: applied.refused, fingerprints: applied.applied.map((f) => f.fingerprint) };
}
function annotate(a) {
  const properties2 = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine };
  if (a.level === "warning") warning(a.message, properties2);
  else notice(a.message, properties2);
}

// src/action/index.ts
if (process.argv.includes("--version")) process.stdout.write(`${VERSION}
`);
else void run();
