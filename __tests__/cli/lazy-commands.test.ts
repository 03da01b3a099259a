// The CLI compiles a command's code only when that command runs. Checked on a bundle of src/cli/index.ts
// made as scripts/build.mjs makes dist/cli.js (esbuild, ESM, code splitting), so it holds before dist/ is
// rebuilt: what each output reaches through static imports is what loading it compiles.
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { memoryIo } from '../../__fixtures__/cli-io.js';
import { runCli } from '../../src/cli/main.js';

const root = path.resolve(import.meta.dirname, '../..');
let meta: Metafile;

beforeAll(async () => {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli/index.ts' },
    outdir: 'out',
    write: false,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'silent',
  });
  meta = result.metafile;
});

/** The source files of the output made for `entry` and of every chunk it imports statically. */
function loadedBy(entry: string): string[] {
  const start = Object.keys(meta.outputs).find((o) => meta.outputs[o]!.entryPoint === entry);
  if (!start) throw new Error(`no output for ${entry}`);
  const seen = new Set<string>();
  const visit = (o: string): void => {
    if (seen.has(o)) return;
    seen.add(o);
    for (const i of meta.outputs[o]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(start);
  return [...seen].flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
}

const packages = (inputs: readonly string[]) => [...new Set(inputs.flatMap((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(i)?.[1] ?? []))];

test('rescue --version and --help load no command and no dependency', () => {
  const inputs = loadedBy('src/cli/index.ts');
  expect(packages(inputs)).toEqual([]);
  expect(inputs.filter((i) => i.startsWith('src/cli/commands/'))).toEqual([]);
});

test.each([
  // review and scan: src/pipeline/review-change.ts imports the model stage (the openai SDK) statically.
  ['review', ['@octokit/core', 'undici']],
  ['scan', ['@octokit/core', 'undici']],
  ['retrieve', ['openai', '@octokit/core', 'undici']],
  ['kb', ['openai', '@octokit/core', 'undici']], // build, verify, stats; refresh and learn are loaded on use
  ['kb-refresh', ['openai']], // the model client only without --dry-run
])('the %s command loads none of %j', (command, absent) => {
  const found = packages(loadedBy(`src/cli/commands/${command}.ts`));
  expect(found.length).toBeGreaterThan(0);
  expect(found.filter((p) => absent.includes(p))).toEqual([]);
});

test('kb refresh and learn load Octokit', () => {
  expect(packages(loadedBy('src/cli/commands/kb-refresh.ts'))).toContain('@octokit/core');
  expect(packages(loadedBy('src/cli/commands/kb-learn.ts'))).toEqual(expect.arrayContaining(['@octokit/core', 'openai']));
});

test.each(['review', 'scan', 'retrieve', 'kb'])('rescue %s --help and rescue help <command> print the help of the loaded command', async (name) => {
  const a = memoryIo({ cwd: root });
  expect(await runCli([name, '--help'], a.io)).toBe(0);
  const b = memoryIo({ cwd: root });
  expect(await runCli(['help', name], b.io)).toBe(0);
  expect(a.stdout()).toMatch(new RegExp(`rescue ${name}`));
  expect(b.stdout()).toBe(a.stdout());
});

test('rescue --help lists every command with its summary', async () => {
  const m = memoryIo({ cwd: root });
  expect(await runCli(['--help'], m.io)).toBe(0);
  for (const name of ['review', 'scan', 'retrieve', 'kb']) expect(m.stdout()).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
});
