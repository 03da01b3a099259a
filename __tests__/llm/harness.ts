import fs from 'node:fs';
import path from 'node:path';
import type { AssessFile } from '../../src/assess/assess.js';
import { createRuleBook } from '../../src/assess/rule-book.js';
import type { Unit } from '../../src/code/unit.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/kb/load.js';
import { LlmBudget, type BudgetCaps } from '../../src/llm/budget.js';
import { createLlmClient, type LlmEndpoint } from '../../src/llm/provider.js';
import type { Retrieval } from '../../src/retrieve/retrieve.js';
import { judgeUnits, type JudgeOptions, type JudgeOutput } from '../../src/judge/judge-units.js';
import { createRuleVerifier, type ReplacementVerifier } from '../../src/judge/verifier.js';
import type { RetryPolicy } from '../../src/llm/retry.js';
import type { FakeOpenAi } from '../../__fixtures__/fake-openai.js';
import { RecordingLogger } from '../../__fixtures__/recording-logger.js';

export const DATA = path.join(import.meta.dirname, '..', 'data', 'llm');
export const reply = (name: string): string => fs.readFileSync(path.join(DATA, name), 'utf8');

let kb: KnowledgeBase | undefined;
let verifier: ReplacementVerifier | undefined;
export function bundledKb(): KnowledgeBase {
  return (kb ??= loadKnowledgeBase());
}
export function ruleVerifier(): ReplacementVerifier {
  return (verifier ??= createRuleVerifier(createRuleBook(bundledKb().document)));
}

/** The file of most tests: `find_user` (lines 4-8) concatenates a name into SQL on its changed line 7. */
export const DB_PY = `import sqlite3


def find_user(conn, username):
    # Look up the user by name
    cur = conn.cursor()
    cur.execute("SELECT id, name FROM users WHERE name = '" + username + "'")
    return cur.fetchone()


def count_users(conn):
    cur = conn.cursor()
    cur.execute("SELECT COUNT(*) FROM users")
    return cur.fetchone()[0]
`;

export function unitOf(pathName: string, source: string, name: string, startLine: number, endLine: number, changedLines: number[]): Unit {
  return {
    path: pathName, language: 'python', name, kind: 'function', startLine, endLine, changedLines,
    text: source.split('\n').slice(startLine - 1, endLine).join('\n'),
  };
}

export const FIND_USER = unitOf('app/db.py', DB_PY, 'find_user', 4, 8, [6, 7]);

/** A retrieval as src/retrieve returns it, built by hand from the bundled KB so tests do not move with ranking. */
export function retrievalOf(cwes: string[], exampleId = 'CWE-89.python.1'): Retrieval {
  const k = bundledKb();
  const ex = k.examples.get(exampleId)!;
  return {
    cwes: cwes.map((cwe, i) => ({ cwe, name: k.cwes.get(cwe)!.name, score: 0.05 - i * 0.01, facets: {} })),
    examples: [{ id: ex.id, cwe: ex.cwe, language: ex.language, title: ex.title, score: 0.05, facets: {}, secure: ex.secureSlice.text, guidelines: ex.guidelines }],
    relevant: true,
    dense: false,
  };
}

export interface RunOptions {
  readonly units?: Unit[];
  readonly files?: Map<string, AssessFile>;
  readonly retrievals?: (Retrieval | undefined)[];
  readonly caps?: Partial<BudgetCaps>;
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  readonly pr?: { title?: string; body?: string };
  readonly options?: JudgeOptions;
  readonly logger?: RecordingLogger;
}

/** Runs the judge stage against the fake server through the real client (SDK, retries, budget). */
export async function runJudge(server: FakeOpenAi, run: RunOptions = {}): Promise<JudgeOutput & { logger: RecordingLogger; budget: LlmBudget }> {
  const endpoint: Extract<LlmEndpoint, { mode: 'online' }> = { mode: 'online', provider: 'openai', baseURL: server.baseURL, model: 'fake-model', apiKey: 'test-key', keySource: 'test' };
  const budget = new LlmBudget(run.caps ?? {});
  const client = createLlmClient(endpoint, budget, { timeoutMs: run.timeoutMs ?? 5000, retry: { sleep: async () => {}, ...run.retry } });
  const logger = run.logger ?? new RecordingLogger();
  const units = run.units ?? [FIND_USER];
  const out = await judgeUnits({
    units,
    retrievals: run.retrievals ?? units.map(() => retrievalOf(['CWE-89', 'CWE-434'])),
    files: run.files ?? new Map([['app/db.py', { text: DB_PY, language: 'python' as const }]]),
    kb: bundledKb(),
    client,
    model: 'fake-model',
    budget,
    logger,
    verify: ruleVerifier(),
    pr: run.pr ?? { title: 'Add user lookup', body: 'Adds find_user.' },
    options: { boundary: () => 'B0UNDARY', ...run.options },
  });
  return { ...out, logger, budget };
}

/** The user message of a recorded request. */
export function userMessage(server: FakeOpenAi, i: number): string {
  return server.requests[i]!.body.messages!.filter((m) => m.role === 'user').map((m) => m.content).join('\n');
}
