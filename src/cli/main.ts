import { ConfigurationError } from '../config/errors.js';
import { VERSION } from '../version.js';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from './command.js';
import { createCliLogger } from './cli-logger.js';
import { mayScanMany, startScanWorkersEarly } from '../pipeline/scan-workers-early.js';

/** A command of the table: its module, with the command's help, options and dependencies, is loaded when chosen. */
interface CommandEntry {
  readonly name: string;
  /** One line for `rescue --help`. */
  readonly summary: string;
  load(): Promise<CliCommand>;
  /** Work to start before the command's modules load (they take tens of milliseconds), from its arguments. */
  prepare?(args: readonly string[], cwd: string): void;
}

// Dynamic imports: the bundle compiles a command's code (the parsers, the knowledge base, the model
// client, Octokit) only when that command runs, not for `rescue --version` or `rescue --help`.
const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'review',
    summary: 'Review a change: a diff file, stdin, or the working tree against a git ref',
    load: async () => (await import('./commands/review.js')).reviewCommand,
  },
  {
    name: 'scan',
    summary: 'Review whole files and folders: every function is a unit',
    load: async () => (await import('./commands/scan.js')).scanCommand,
    // Worker threads boot while the scan loads its modules and the knowledge base and walks the folders;
    // not for a few files named one by one, which one thread scans.
    prepare: (args, cwd) => {
      if (mayScanMany(args, cwd)) startScanWorkersEarly();
    },
  },
  {
    name: 'retrieve',
    summary: 'Show the hierarchical retrieval (CWEs, facets, examples) for the functions of a file',
    load: async () => (await import('./commands/retrieve.js')).retrieveCommand,
  },
  {
    name: 'kb',
    summary: 'Build, verify and inspect the knowledge base',
    load: async () => (await import('./commands/kb.js')).kbCommand,
  },
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `rescue ${VERSION}: security review of code changes with cited guidelines and verified fixes

Usage: rescue <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show help (also: rescue <command> --help)
  -V, --version  print the version

Examples:
  rescue review --base origin/main
  git diff | rescue review --diff - --format json
  rescue scan src/ --format sarif --output rescue.sarif
`;
}

/** The CLI: dispatches to a command and maps errors to exit codes. Never calls process.exit. */
export async function runCli(argv: readonly string[], io: Omit<CliIo, 'logger'>): Promise<number> {
  const [name, ...rest] = argv;
  const verbose = rest.includes('--verbose') || rest.includes('-v') || Boolean(io.env.RESCUE_DEBUG);
  const quiet = rest.includes('--quiet') || rest.includes('-q');
  const full: CliIo = { ...io, logger: createCliLogger(io.stderr, { verbose, quiet }) };
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(topic ? (await topic.load()).help + '\n' : usage());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '-V' || name === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`rescue: unknown command "${name}"\n\n${usage()}`);
    return EXIT_USAGE;
  }
  const help = rest.includes('--help') || rest.includes('-h');
  if (!help) entry.prepare?.(rest, io.cwd);
  const command = await entry.load();
  if (help) {
    io.stdout.write(command.help + '\n');
    return EXIT_OK;
  }
  try {
    return await command.run(rest, full);
  } catch (error) {
    if (error instanceof ConfigurationError || isParseArgsError(error)) {
      io.stderr.write(`rescue ${name}: ${(error as Error).message}\nRun "rescue ${name} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
