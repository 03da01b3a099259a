#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  isFileHeaderPair,
  parseHunkHeader,
  readHunk,
  splitDiffLines,
  toChangedFile
} from "./chunk-YAW5J35F.js";
import {
  COMMON_HELP,
  COMMON_OPTIONS,
  assessmentSettings,
  emitReport,
  localFileSource,
  parseFormat
} from "./chunk-LMSAXWLI.js";
import {
  reviewChange
} from "./chunk-3XY6ZGYD.js";
import "./chunk-ATV33OIO.js";
import "./chunk-RIQ5OP7A.js";
import "./chunk-4KPSJP3U.js";
import "./chunk-O5UZ4QXP.js";
import "./chunk-S7WXNWXR.js";
import "./chunk-G3QCSQ4F.js";
import "./chunk-KHVTQXMD.js";
import "./chunk-W67GOMEU.js";
import {
  parsePatch
} from "./chunk-36CMHGC7.js";
import {
  ConfigurationError
} from "./chunk-VWQMS5WY.js";
import "./chunk-DTECACHJ.js";
import "./chunk-2TTF3MLN.js";
import "./chunk-RHUYUCDS.js";
import "./chunk-HY7RJWAB.js";
import "./chunk-ZCLPTS52.js";
import "./chunk-7OFN7BBI.js";
import "./chunk-QPWDPIWN.js";

// src/cli/commands/review.ts
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

// src/diff/file-paths.ts
var DEV_NULL = "/dev/null";
var PREFIX_PAIRS = [
  ["a/", "b/"],
  ["i/", "w/"],
  ["c/", "w/"],
  ["c/", "i/"],
  ["o/", "w/"],
  ["1/", "2/"]
];
function gitPaths(oldName, newName) {
  const pair = PREFIX_PAIRS.find(([src, dst]) => hasPrefix(oldName, src) && hasPrefix(newName, dst));
  return {
    ...side("oldPath", oldName, pair?.[0]),
    ...side("newPath", newName, pair?.[1])
  };
}
function plainPaths(oldName, newName) {
  const oldClean = oldName === void 0 ? void 0 : toPosix(oldName);
  const newClean = newName === void 0 ? void 0 : toPosix(newName);
  const git2 = gitPaths(oldClean, newClean);
  if ((git2.oldPath ?? DEV_NULL) !== (oldClean ?? DEV_NULL) || (git2.newPath ?? DEV_NULL) !== (newClean ?? DEV_NULL)) {
    return git2;
  }
  const oldRest = afterFirstComponent(oldClean);
  const newRest = afterFirstComponent(newClean);
  if (oldRest !== void 0 && oldRest === newRest) return { oldPath: oldRest, newPath: newRest };
  return { ...side("oldPath", oldClean, void 0), ...side("newPath", newClean, void 0) };
}
function samePathFromGitHeader(headerLine) {
  const rest = headerLine.slice("diff --git ".length);
  const half = (rest.length - 1) / 2;
  if (!Number.isInteger(half) || rest[half] !== " ") return void 0;
  const first = rest.slice(0, half);
  return first !== "" && first === rest.slice(half + 1) ? first : void 0;
}
function side(key, name, prefix) {
  if (name === void 0 || name === DEV_NULL) return {};
  return { [key]: prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name };
}
function hasPrefix(name, prefix) {
  return name === DEV_NULL || (name?.startsWith(prefix) ?? false);
}
function afterFirstComponent(name) {
  if (name === void 0 || name === DEV_NULL) return void 0;
  const slash = name.indexOf("/");
  return slash > 0 && slash < name.length - 1 ? name.slice(slash + 1) : void 0;
}
function toPosix(name) {
  return name === DEV_NULL ? name : name.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

// src/diff/split-sections.ts
var NOT_DIFF = [
  /^-- $/,
  /^From [0-9a-f]{40} /,
  /^commit [0-9a-f]{40}/,
  /^diff /,
  /^Only in /,
  /^Common subdirectories: /,
  /^Binary files .* differ$/,
  /^Index: /,
  /^={20,}$/
];
function splitSections(lines) {
  const sections = [];
  let current;
  let lastStray = -2;
  const open = (kind, at) => {
    const section = { kind, line: at + 1, header: [], hunks: [], problems: [], hasFileHeader: false };
    sections.push(section);
    return section;
  };
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (line.startsWith("diff --git ")) {
      current = open("git", i);
      current.header.push(line);
      i++;
    } else if (line.startsWith("diff --cc ") || line.startsWith("diff --combined ")) {
      current = open("combined", i);
      current.header.push(line);
      i++;
    } else if (isFileHeaderPair(lines, i)) {
      if (!current || !takesFileHeader(current)) current = open("plain", i);
      current.header.push(line, lines[i + 1]);
      current.hasFileHeader = true;
      i += 2;
    } else if (line.startsWith("@@")) {
      current ??= open("headerless", i);
      i = readHunkAt(lines, i, current);
    } else if ((current?.kind === "git" || current?.kind === "combined") && current.hunks.length === 0) {
      current.header.push(line);
      i++;
    } else if (NOT_DIFF.some((re) => re.test(line))) {
      current = void 0;
      i++;
    } else {
      if (current && line.trim() !== "" && lastStray !== i - 1) {
        current.problems.push(`line ${i + 1}: unexpected text outside any hunk: "${excerpt(line)}"`);
      }
      if (line.trim() !== "") lastStray = i;
      i++;
    }
  }
  return sections;
}
function takesFileHeader(section) {
  const gitLike = section.kind === "git" || section.kind === "combined";
  return gitLike && !section.hasFileHeader && section.hunks.length === 0;
}
function readHunkAt(lines, at, section) {
  const header = parseHunkHeader(lines[at]);
  if (!header) {
    section.problems.push(`line ${at + 1}: unreadable hunk header "${excerpt(lines[at])}"; hunk ignored`);
    return skipBody(lines, at + 1);
  }
  const read = readHunk(lines, at, header);
  section.hunks.push(read);
  if (read.problem) section.problems.push(`line ${at + 1}: ${read.problem}`);
  return read.end;
}
function skipBody(lines, from) {
  let i = from;
  while (i < lines.length && /^[ +\-\\]/.test(lines[i]) && !isFileHeaderPair(lines, i)) i++;
  return i;
}
function excerpt(line) {
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

// src/diff/parse-diff.ts
function parseDiff(text) {
  const sections = splitSections(splitDiffLines(text));
  if (sections.length === 0) {
    if (text.trim() === "") return { files: [], skipped: [] };
    const detail = "no file header or hunk found: the input is not a unified diff";
    return { files: [], skipped: [{ reason: "malformed-diff", detail }] };
  }
  const files = [];
  const skipped = [];
  for (const section of sections) {
    const result = readSection(section);
    if (result.file) files.push(result.file);
    skipped.push(...result.skipped);
  }
  return { files, skipped };
}
function readSection(section) {
  if (section.kind === "combined") {
    const detail = `line ${section.line}: combined diff of a merge ("${section.header[0]}") is not supported`;
    return { skipped: [{ reason: "malformed-diff", detail }] };
  }
  if (section.kind === "headerless") {
    return notReadable(section, `line ${section.line}: hunk without a file header (diff --git or ---/+++); ignored`);
  }
  const meta = readHeader(section);
  if (typeof meta === "string") return notReadable(section, `line ${section.line}: ${meta}`);
  const paths = pathsOf(section, meta);
  const path2 = paths.newPath ?? paths.oldPath;
  if (path2 === void 0) {
    const detail = `line ${section.line}: no file name in "${section.header[0]}"; ${section.hunks.length} hunk(s) ignored`;
    return notReadable(section, detail);
  }
  const status = statusOf(meta, paths);
  const binary = meta.isBinary === true || section.header.includes("GIT binary patch");
  const moved = status === "renamed" || status === "copied";
  const file = toChangedFile(
    {
      path: path2,
      ...moved && paths.oldPath !== void 0 ? { oldPath: paths.oldPath } : {},
      status,
      binary,
      ...meta.oldMode ? { oldMode: meta.oldMode } : {},
      ...meta.newMode ? { newMode: meta.newMode } : {}
    },
    section.hunks
  );
  return { file, skipped: section.problems.map((problem) => malformed(path2, problem)) };
}
function readHeader(section) {
  try {
    const [meta] = parsePatch(section.header.join("\n"));
    return meta ?? "parsePatch returned no file for the header";
  } catch (error) {
    return `unreadable file header: ${error instanceof Error ? error.message : String(error)}`;
  }
}
function pathsOf(section, meta) {
  if (section.kind === "plain") return plainPaths(meta.oldFileName, meta.newFileName);
  if (meta.oldFileName === void 0 && meta.newFileName === void 0) {
    const same = samePathFromGitHeader(section.header[0]);
    return same === void 0 ? {} : { oldPath: same, newPath: same };
  }
  return gitPaths(meta.oldFileName, meta.newFileName);
}
function statusOf(meta, paths) {
  if (meta.isCreate || paths.oldPath === void 0 || isAbsentSide(meta.oldHeader)) return "added";
  if (meta.isDelete || paths.newPath === void 0 || isAbsentSide(meta.newHeader)) return "deleted";
  if (meta.isRename) return "renamed";
  if (meta.isCopy) return "copied";
  return "modified";
}
function isAbsentSide(timestamp) {
  return /^(1970-01-01|1969-12-31) /.test(timestamp ?? "");
}
function notReadable(section, detail) {
  return { skipped: [{ reason: "malformed-diff", detail }, ...section.problems.map((p) => malformed(void 0, p))] };
}
function malformed(path2, problem) {
  return path2 === void 0 ? { reason: "malformed-diff", detail: problem } : { path: path2, reason: "malformed-diff", detail: `${path2}: ${problem}` };
}

// src/cli/git.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
async function git(cwd, args) {
  try {
    const { stdout } = await run("git", [...args], { cwd, maxBuffer: 512 * 1024 * 1024, encoding: "utf8" });
    return stdout;
  } catch (error) {
    const e = error;
    if (e.code === "ENOENT") throw new ConfigurationError("--base needs git on the PATH");
    throw new ConfigurationError(`git ${args.join(" ")} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}
async function diffAgainst(cwd, ref) {
  if (ref.startsWith("-")) throw new ConfigurationError(`--base must name a git ref; got "${ref}"`);
  const root = (await git(cwd, ["rev-parse", "--show-toplevel"])).trim();
  await git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).catch(() => {
    throw new ConfigurationError(`--base: "${ref}" is not a commit in this repository`);
  });
  const diff = await git(root, ["-c", "core.quotePath=true", "diff", "--no-color", "--no-ext-diff", "--find-renames", ref, "--"]);
  return { root, diff };
}

// src/cli/commands/review.ts
var reviewCommand = {
  name: "review",
  help: `Usage: rescue review (--diff FILE | --diff - | --base REF) [options]

Reviews the functions that a change touches.

  --diff FILE        a unified diff (git diff, git format-patch, diff -u); - reads stdin
  --base REF         the working tree against a git ref (branch, tag or commit), e.g. origin/main
  --root DIR         where the diff's paths point (default: the current folder; with --base, the
                     repository root); the changed files are read from there

Model (off by default; the key is read from OPENAI_API_KEY, never from a flag):
  --llm-provider P   none (default: knowledge-base rules only), openai (any OpenAI-compatible
                     endpoint), or auto (openai when OPENAI_BASE_URL or OPENAI_API_KEY is set)
  --llm-base-url URL the endpoint, e.g. http://localhost:11434/v1 for Ollama (or OPENAI_BASE_URL)
  --llm-model M      the model (or RESCUE_MODEL)
  --max-units N      most units sent to the model (default 30)
  --title TEXT, --description TEXT
                     what the change is for, as a pull request would say; used as search terms and
                     quoted to the model as untrusted data
${COMMON_HELP}`,
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        ...COMMON_OPTIONS,
        diff: { type: "string" },
        base: { type: "string" },
        root: { type: "string" },
        "llm-provider": { type: "string" },
        "llm-base-url": { type: "string" },
        "llm-model": { type: "string" },
        "max-units": { type: "string" },
        title: { type: "string" },
        description: { type: "string" }
      },
      allowPositionals: false,
      strict: true
    });
    const format = parseFormat(values.format);
    if (values.diff === void 0 === (values.base === void 0)) throw new ConfigurationError("review needs exactly one of --diff FILE (or -) and --base REF");
    let diffText;
    let root = path.resolve(io.cwd, values.root ?? ".");
    if (values.base !== void 0) {
      const found = await diffAgainst(io.cwd, values.base);
      diffText = found.diff;
      if (values.root === void 0) root = found.root;
    } else {
      diffText = values.diff === "-" ? await readStdin(io) : await readDiffFile(path.resolve(io.cwd, values.diff));
    }
    const { threshold, filter, assessment, kb } = await assessmentSettings(values, root, io);
    const llm = llmSettings(values);
    const changeSet = parseDiff(diffText);
    if (changeSet.files.length === 0 && changeSet.skipped.length === 0) io.logger.info("the diff is empty: nothing to review");
    const result = await reviewChange({
      changeSet,
      source: localFileSource(root),
      logger: io.logger,
      filter,
      assessment: llm.provider === "none" ? assessment : {
        ...assessment,
        model: { kb: kb(), llm, caps: { maxUnits: maxUnits(values["max-units"]) }, env: io.env, pr: { title: values.title, body: values.description } }
      }
    });
    return emitReport(result, { format, output: values.output, threshold, verbose: values.verbose }, io);
  }
};
function llmSettings(values) {
  const provider = values["llm-provider"] ?? "none";
  if (provider !== "none" && provider !== "openai" && provider !== "auto") {
    throw new ConfigurationError(`--llm-provider must be none, openai or auto; got "${provider}"`);
  }
  if (values["llm-base-url"] !== void 0) {
    try {
      new URL(values["llm-base-url"]);
    } catch {
      throw new ConfigurationError(`--llm-base-url must be a URL such as http://localhost:11434/v1; got "${values["llm-base-url"]}"`);
    }
  }
  return { provider, baseUrl: values["llm-base-url"], model: values["llm-model"] };
}
function maxUnits(value) {
  if (value === void 0) return 30;
  if (!/^\d+$/.test(value)) throw new ConfigurationError(`--max-units must be a whole number; got "${value}"`);
  return Number(value);
}
async function readDiffFile(file) {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    throw new ConfigurationError(`--diff: cannot read ${file}: ${error.message}`);
  }
}
async function readStdin(io) {
  const chunks = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}
export {
  reviewCommand
};
