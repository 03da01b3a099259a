import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FakeFile, FakeGitHub } from '../../__fixtures__/fake-github.js';

// Helpers of the end-to-end tests: the committed bundle runs as GitHub runs it, a process with INPUT_* and
// GITHUB_* variables and an event file, against the local fake GitHub.
const exec = promisify(execFile);
export const root = path.resolve(import.meta.dirname, '../..');
export const example = path.join(root, 'examples/insecure-change');
const exampleDiff = fs.readFileSync(path.join(example, 'change.diff'), 'utf8');

/** The per-file patch GitHub's file list carries: the hunks of one file of the example diff, without headers. */
export function examplePatch(file: string): string {
  const section = exampleDiff.split(/^diff --git /m).find((s) => s.startsWith(`a/${file} `))!;
  return section.slice(section.indexOf('\n@@') + 1).trimEnd();
}

export function exampleFiles(): FakeFile[] {
  return [
    { filename: 'app/reports.py', status: 'modified', patch: examplePatch('app/reports.py'), content: fs.readFileSync(path.join(example, 'app/reports.py')) },
    { filename: 'web/server.js', status: 'modified', patch: examplePatch('web/server.js'), content: fs.readFileSync(path.join(example, 'web/server.js')) },
    { filename: 'logo.png', status: 'added' },
    { filename: 'old.py', status: 'removed', patch: '@@ -1,2 +0,0 @@\n-def gone():\n-    pass' },
  ];
}

/** A file the pull request adds: one hunk with every line. */
export function addedFile(filename: string, content: string): FakeFile {
  const lines = content.replace(/\n$/, '').split('\n');
  return { filename, status: 'added', patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`, content };
}

export interface ActionRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly summary: string;
  readonly outputs: Record<string, string>;
}

/** Parses GITHUB_OUTPUT (name<<delimiter ... delimiter, or name=value). */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      out[heredoc[1]!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const [k, ...v] = lines[i]!.split('=');
      out[k!] = v.join('=');
    }
  }
  return out;
}

export async function runAction(github: FakeGitHub, inputs: Record<string, string>): Promise<ActionRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-action-'));
  const files = { event: path.join(dir, 'event.json'), summary: path.join(dir, 'summary.md'), output: path.join(dir, 'output.txt') };
  fs.writeFileSync(files.event, JSON.stringify({ action: 'synchronize', pull_request: github.pullJson() }));
  fs.writeFileSync(files.summary, '');
  fs.writeFileSync(files.output, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_API_URL: github.url,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: `${github.pr.owner}/${github.pr.repo}`,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ...Object.fromEntries(Object.entries({ 'github-token': 'test-token', 'llm-provider': 'none', ...inputs }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const result = await exec(process.execPath, [path.join(root, 'dist/index.js')], { env, cwd: dir, maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  return { ...result, summary: fs.readFileSync(files.summary, 'utf8'), outputs: parseOutputs(fs.readFileSync(files.output, 'utf8')) };
}

/** The fingerprint in the marker at the end of a comment body. */
export function fingerprintOf(body: string): string | undefined {
  return /<!-- rescue:fp=([0-9a-f]+);v=[^ ]+ -->\s*$/.exec(body)?.[1];
}
