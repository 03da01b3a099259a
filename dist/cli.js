#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  mayScanMany,
  startScanWorkersEarly
} from "./chunks/chunk-YG27PS32.js";
import {
  EXIT_OK,
  EXIT_USAGE
} from "./chunks/chunk-4KPSJP3U.js";
import {
  VERSION
} from "./chunks/chunk-O5UZ4QXP.js";
import {
  ConfigurationError
} from "./chunks/chunk-VWQMS5WY.js";
import "./chunks/chunk-7OFN7BBI.js";
import "./chunks/chunk-QPWDPIWN.js";

// src/cli/cli-logger.ts
import { styleText } from "node:util";
function createCliLogger(stderr, options = {}) {
  const color = Boolean(stderr.isTTY) && !process.env.NO_COLOR;
  const paint = (style, text) => color ? styleText(style, text, { validateStream: false }) : text;
  const where = (l, m) => {
    if (!l?.file) return "";
    const prefix = `${l.file}${l.startLine ? `:${l.startLine}` : ""}`;
    return m.startsWith(`${l.file}:`) ? "" : `${prefix}: `;
  };
  return {
    debug: (m) => void (options.verbose && stderr.write(paint("dim", m) + "\n")),
    info: (m) => void (!options.quiet && stderr.write(m + "\n")),
    warning: (m, l) => void stderr.write(paint("yellow", `warning: ${where(l, m)}${m}`) + "\n"),
    error: (m, l) => void stderr.write(paint("red", `error: ${where(l, m)}${m}`) + "\n"),
    async group(name, fn) {
      if (options.verbose) stderr.write(paint("dim", `== ${name}`) + "\n");
      return fn();
    }
  };
}

// src/cli/main.ts
var COMMANDS = [
  {
    name: "review",
    summary: "Review a change: a diff file, stdin, or the working tree against a git ref",
    load: async () => (await import("./chunks/review-GS7UJ2EH.js")).reviewCommand
  },
  {
    name: "scan",
    summary: "Review whole files and folders: every function is a unit",
    load: async () => (await import("./chunks/scan-XERAFK3C.js")).scanCommand,
    // Worker threads boot while the scan loads its modules and the knowledge base and walks the folders;
    // not for a few files named one by one, which one thread scans.
    prepare: (args, cwd) => {
      if (mayScanMany(args, cwd)) startScanWorkersEarly();
    }
  },
  {
    name: "retrieve",
    summary: "Show the hierarchical retrieval (CWEs, facets, examples) for the functions of a file",
    load: async () => (await import("./chunks/retrieve-RDUIQYIO.js")).retrieveCommand
  },
  {
    name: "kb",
    summary: "Build, verify and inspect the knowledge base",
    load: async () => (await import("./chunks/kb-UC7BCH4C.js")).kbCommand
  }
];
function usage() {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `rescue ${VERSION}: security review of code changes with cited guidelines and verified fixes

Usage: rescue <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Options:
  -h, --help     show help (also: rescue <command> --help)
  -V, --version  print the version

Examples:
  rescue review --base origin/main
  git diff | rescue review --diff - --format json
  rescue scan src/ --format sarif --output rescue.sarif
`;
}
async function runCli(argv, io) {
  const [name, ...rest] = argv;
  const verbose = rest.includes("--verbose") || rest.includes("-v") || Boolean(io.env.RESCUE_DEBUG);
  const quiet = rest.includes("--quiet") || rest.includes("-q");
  const full = { ...io, logger: createCliLogger(io.stderr, { verbose, quiet }) };
  if (name === void 0 || name === "-h" || name === "--help" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : void 0;
    io.stdout.write(topic ? (await topic.load()).help + "\n" : usage());
    return name === void 0 ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "-V" || name === "--version") {
    io.stdout.write(`${VERSION}
`);
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`rescue: unknown command "${name}"

${usage()}`);
    return EXIT_USAGE;
  }
  const help = rest.includes("--help") || rest.includes("-h");
  if (!help) entry.prepare?.(rest, io.cwd);
  const command = await entry.load();
  if (help) {
    io.stdout.write(command.help + "\n");
    return EXIT_OK;
  }
  try {
    return await command.run(rest, full);
  } catch (error) {
    if (error instanceof ConfigurationError || isParseArgsError(error)) {
      io.stderr.write(`rescue ${name}: ${error.message}
Run "rescue ${name} --help" for usage.
`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
function isParseArgsError(error) {
  const code = error?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

// src/cli/index.ts
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`rescue: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    process.exitCode = 3;
  }
);
