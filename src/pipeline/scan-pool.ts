import { pathToFileURL } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { Query } from 'web-tree-sitter';
import type { AssessConfig } from '../assess/assess.js';
import { knownPrefilters, rememberPrefilters, type StoredPrefilter } from '../assess/rules/prefilter-store.js';
import { createRuleBook, type RuleBook } from '../assess/rule-book.js';
import { grammarOf, type Grammar } from '../code/languages.js';
import { getParser, initParser } from '../code/parser.js';
import type { KbDocument } from '../kb/model.js';
import { scanFile, withoutCandidateRules, type FileAssessment, type FileScan, type FileToScan } from './scan-file.js';
import { CHUNK_FILES, plan, planMore, STEAL_MIN_BYTES, take, type Chunk } from './scan-plan.js';
import { MIN_FILES_FOR_WORKERS, otherCores, takeEarlyWorker, workerEntry, type EarlyStart } from './scan-workers-early.js';
import { compileRestBaseline, compileWasmDefault, compileWasmOptimized } from './wasm-tiers.js';

export { MIN_FILES_FOR_WORKERS, workerEntry } from './scan-workers-early.js';

/**
 * Scanning over threads: parsing and running queries is CPU work in WebAssembly, one file at a time per
 * thread. This thread scans too, beside the worker threads (one per other core): on two cores one worker
 * starts, not two. Each worker loads the grammars and builds the rule book once (from the book's
 * document), then scans the chunks of files it is sent; this thread reads the files, plans, hands out
 * chunks, scans its own and merges results by file, so the result is the same as a scan in one thread.
 *
 * Grammar affinity: loading a grammar and compiling its queries costs each thread that uses it 40 to 400
 * ms, about what scanning a few hundred of its files costs. So whole grammars are assigned to threads,
 * balanced by bytes plus a fixed cost per grammar a thread takes on (longest processing time first, then
 * moves and swaps while they help); a grammar larger than a thread's share is cut into contiguous pieces
 * first. A thread whose own chunks are done takes chunks from the end of another thread's list: of a
 * grammar it already has, else only when enough is left there to repay loading another grammar. This
 * thread takes its files one at a time from the chunk at the head of its list, so a worker can take what
 * is left of it. Each worker has up to four chunks sent, so it does not wait for this thread to finish a
 * file before it gets more; when this thread has nothing left to take, it takes back the last chunk a
 * worker has waiting (`reclaim`). While this thread reads the files (the plan needs their sizes), the
 * workers get the scan's grammars ready. The command line starts the workers before the scan's modules
 * and the knowledge base load (scan-workers-early.ts); the scan takes them over.
 *
 * Workers start only from the bundle (dist/scan-worker.js, next to dist/cli.js or one level up from a
 * chunk): from source (tsx, jest) a worker could not load TypeScript, so the scan runs in this thread
 * (tests pass a worker entry that loads the sources through tsx). A worker that fails (to start or later)
 * hands its chunks back: this thread scans them, and results are kept per file, so nothing is counted
 * twice.
 */

/** Chunks sent to a worker and not answered yet: the one it scans and three waiting (this thread may be busy for a while before it answers). */
const IN_FLIGHT = 4;
/** Files read (and checked against the prefilters) between two turns of the event loop. */
const READ_BATCH = 64;
/** The first plan is made once 1/FIRST_PLAN of the files are read. */
const FIRST_PLAN = 4;

/**
 * How many worker threads a scan of `files` files should start beside this thread, which scans too: one
 * per other core when the scan is large enough to repay starting them and the code runs from the bundle.
 */
export function workerCount(files: number, rules: RuleBook | undefined): number {
  if (files < MIN_FILES_FOR_WORKERS || (rules && !rules.document) || !workerEntry()) return 0;
  return Math.max(0, Math.min(otherCores(), Math.floor(files / CHUNK_FILES) - 1));
}

interface WorkerInit {
  /** Rules and guidelines only: what createRuleBook reads. */
  readonly document?: KbDocument;
  readonly config?: AssessConfig;
  /** The rules' prefilters this thread has (from the KB build): the worker need not work them out again. */
  readonly prefilters: readonly (readonly [string, StoredPrefilter])[];
  /** The grammars of the scan's files, most files first: what the worker gets ready while it waits. */
  readonly grammars: readonly Grammar[];
}

/** Files to scan, each with the rules that may match it (RuleBook.candidates, worked out where it was read). */
type Request = { readonly id: number; readonly files: readonly FileToScan[]; readonly candidates: readonly (readonly number[])[] };
/** Drop the request of this id if it has not started: this thread scans its files. */
type Cancel = { readonly cancel: number };
/** The first message to a worker started early (workerData EarlyStart); requests follow. */
type InitMessage = { readonly init: WorkerInit };
type Reply =
  | { readonly id: number; readonly scans: FileScan[]; readonly broken: [string, string][] }
  | { readonly id: number; readonly error: string };

/** A file to scan before it is read: its grammar decides which thread scans it. */
export interface FileToRead {
  readonly path: string;
  readonly language: FileToScan['language'];
}

/** How a scan was spread, for benchmarks and tests. */
export interface PoolReport {
  /** Worker threads that started, beside this one. */
  readonly workers: number;
  /** Per thread (this one first), the grammars it scanned files of. */
  readonly grammars: readonly (readonly Grammar[])[];
  /** Per thread, the files it scanned. */
  readonly files: readonly number[];
  /** Workers that failed; their chunks were scanned elsewhere. */
  readonly failed: number;
  /** Chunks sent to a worker that this thread took back and scanned (see `reclaim`). */
  readonly reclaimed: number;
}

/** How to spread a scan: worker threads beside this one, and (tests) the module they run. */
export interface PoolOptions {
  readonly workers: number;
  /** Default: workerEntry(), the bundle's dist/scan-worker.js. */
  readonly entry?: string | URL;
}

/**
 * Scans the files in this thread and `workers` worker threads; the scans in the order of `files`
 * (undefined where `read` gave nothing), and the rules that did not compile in a worker. The workers start
 * first, so that they load while this thread reads every file (`read` is called once per file); the plan
 * needs the files' sizes. With no worker (none asked for, none could start, or all failed) this thread
 * scans everything. An error scanning a file in this thread is thrown, as a scan in one thread throws it.
 */
export async function scanInThreads(
  files: readonly FileToRead[],
  read: (index: number) => Promise<FileToScan | undefined>,
  assessment: FileAssessment | undefined,
  options: PoolOptions,
): Promise<{ scans: (FileScan | undefined)[]; broken: Map<string, string>; report: PoolReport }> {
  const entry = options.entry ?? workerEntry();
  const usable = entry !== undefined && options.workers > 0 && !(assessment && !assessment.rules.document);
  const init: WorkerInit = {
    document: assessment && usable ? slim(assessment.rules.document!) : undefined,
    config: assessment?.config,
    prefilters: assessment && usable ? knownPrefilters() : [],
    grammars: usable ? byCount(files.map((f) => grammarOf(f.path, f.language))) : [],
  };
  if (usable) compileWasmOptimized();
  const main = newThread(undefined);
  const threads: Thread[] = [main];
  const scans: (FileScan | undefined)[] = new Array(files.length);
  const broken = new Map<string, string>();
  let texts: (FileToScan | undefined)[] = [];
  /** Per file read: the rules that may match it (none: no assessment), for the thread that scans it. */
  const found: (readonly number[] | undefined)[] = new Array(files.length);
  let failed = 0;
  let reclaimed = 0;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  /** A worker's chunks, sent or not, go back to this thread; its results so far stay (they are per file). */
  const fail = (t: Thread): void => {
    if (!t.worker) return;
    const worker = t.worker;
    t.worker = undefined;
    failed++;
    main.queue.push(...t.inFlight.values(), ...t.queue);
    t.inFlight.clear();
    t.queue.length = 0;
    void worker.terminate();
    notify();
  };
  /** Bytes of the files read so far that will be parsed, and how many files were read. */
  let toParse = 0;
  let readSoFar = 0;
  /** After the first chunk any thread scans: see compileWasmOptimized. */
  const firstChunkDone = (): void => compileRestBaseline(readSoFar > 0 ? (toParse * files.length) / readSoFar : 0);
  let nextId = 0;
  const feed = (t: Thread): void => {
    while (t.worker && t.inFlight.size < IN_FLIGHT) {
      const chunk = take(threads, t);
      if (!chunk) return;
      const id = nextId++;
      t.inFlight.set(id, chunk);
      t.grammars.add(chunk.grammar);
      t.worker.postMessage({ id, files: chunk.files.map((i) => texts[i]!), candidates: chunk.files.map((i) => found[i] ?? []) } satisfies Request);
    }
  };
  const listen = (t: Thread, worker: Worker): void => {
    worker.on('message', (reply: Reply) => {
      const chunk = t.inFlight.get(reply.id);
      if (t.worker !== worker || !chunk) return;
      if ('error' in reply) return fail(t); // this thread scans the chunk again, and meets the error itself
      t.inFlight.delete(reply.id);
      reply.scans.forEach((scan, k) => {
        scans[chunk.files[k]!] = scan;
        texts[chunk.files[k]!] = undefined;
        found[chunk.files[k]!] = undefined;
      });
      t.files += chunk.files.length;
      firstChunkDone();
      for (const [id, reason] of reply.broken) broken.set(id, reason);
      feed(t);
      notify();
    });
    worker.on('error', () => fail(t));
    worker.on('exit', () => fail(t));
  };
  for (let w = 0; usable && w < options.workers; w++) {
    // A worker the command line started early (scan-workers-early.ts) is told the rules by message.
    let worker = typeof entry === 'string' ? takeEarlyWorker(entry) : undefined;
    if (worker) worker.postMessage({ init } satisfies InitMessage);
    else {
      try {
        worker = new Worker(typeof entry === 'string' ? pathToFileURL(entry) : entry, { workerData: init });
      } catch {
        break; // no worker threads here: the ones that started (maybe none) and this thread scan
      }
    }
    const t = newThread(worker);
    listen(t, worker);
    threads.push(t);
  }

  try {
    // This thread's grammars are known only once the files are read; get the scan's grammars ready
    // meanwhile (fetching and compiling a grammar is mostly waiting, off this thread), as the workers do.
    if (threads.length > 1) for (const grammar of init.grammars) void getParser(grammar).catch(() => undefined); // scanning meets the error again
    // Files no rule could match are settled as they are read: no thread parses them, none is sent one, and
    // the plan spreads only the bytes that will be parsed. Between batches the event loop turns, so that
    // the grammars' loading goes on (reading a local file does not yield).
    // The workers get the first quarter of the files as soon as it is read, and the rest once all are.
    texts = new Array<FileToScan | undefined>(files.length);
    const live = (): Thread[] => threads.filter((t) => t === main || t.worker); // a worker that failed gets nothing
    let planned = -1;
    for (let from = 0; from < files.length; from += READ_BATCH) {
      const batch = await Promise.all(files.slice(from, from + READ_BATCH).map((_, k) => read(from + k)));
      batch.forEach((t, k) => {
        const rules = t && assessment ? assessment.rules.candidates(grammarOf(t.path, t.language), t.text) : undefined;
        if (rules?.length === 0) {
          scans[from + k] = withoutCandidateRules(t!.path);
          main.files++;
        } else {
          if (rules) found[from + k] = rules;
          texts[from + k] = t;
          toParse += t?.text.length ?? 0;
        }
      });
      readSoFar += batch.length;
      const done = Math.min(files.length, from + READ_BATCH);
      if (planned < 0 && threads.length > 1 && done < files.length && done * FIRST_PLAN >= files.length) {
        plan(texts, live());
        planned = done;
        for (const t of threads) feed(t);
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (planned < 0) plan(texts, live());
    else planMore(texts, planned, live());
    for (const t of threads) feed(t);
    // This thread takes its files one at a time from the chunk at the head of its queue, which stays
    // there while it has files: a worker that runs out of work takes what is left of it (`take`).
    let scanned = 0;
    for (;;) {
      if (main.queue.length === 0) {
        let chunk = take(threads, main);
        if (!chunk && (chunk = reclaim(threads, main))) reclaimed++;
        if (chunk) main.queue.push(chunk);
      }
      const head = main.queue[0];
      if (head) {
        const i = head.files[0]!;
        if (head.files.length > 1) main.queue[0] = { ...head, files: head.files.slice(1), bytes: head.bytes - texts[i]!.text.length };
        else main.queue.shift();
        main.grammars.add(head.grammar);
        scans[i] = await scanFile(texts[i]!, assessment, found[i]);
        texts[i] = undefined;
        found[i] = undefined;
        main.files++;
        if (++scanned === CHUNK_FILES && threads.length > 1) firstChunkDone();
        // Let the workers' replies in: each gets its next chunk while this thread scans.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      if (!threads.some((t) => t.worker && t.inFlight.size > 0)) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    const running = threads.flatMap((t) => (t.worker ? [t.worker] : []));
    for (const t of threads) t.worker = undefined;
    await Promise.all(running.map((w) => w.terminate()));
    compileWasmDefault();
  }
  const report: PoolReport = {
    workers: threads.length - 1,
    grammars: threads.map((t) => [...t.grammars].sort()),
    files: threads.map((t) => t.files),
    failed,
    reclaimed,
  };
  return { scans, broken, report };
}

interface Thread {
  /** Undefined for this thread, and for a worker that failed or was stopped. */
  worker: Worker | undefined;
  /** Chunks not handed out yet, in the order the thread scans them. */
  readonly queue: Chunk[];
  /** Chunks sent to the worker and not answered, by request id. */
  readonly inFlight: Map<number, Chunk>;
  /** Grammars the thread has scanned files of, or been sent. */
  readonly grammars: Set<Grammar>;
  files: number;
}

function newThread(worker: Worker | undefined): Thread {
  return { worker, queue: [], inFlight: new Map(), grammars: new Set(), files: 0 };
}

/**
 * For this thread when no queue has a chunk it may take: the last chunk sent to a worker that has more
 * than the one it scans waiting, of a grammar this thread has (or, as `take` steals, when enough waits
 * there to repay loading another). The worker is told to drop it if it has not started it; if it has,
 * its answer comes for a chunk no longer in flight and is ignored (the scans are the same). Without
 * this, a worker's waiting chunks are what the scan waits for at the end while this thread is idle.
 */
function reclaim(threads: readonly Thread[], main: Thread): Chunk | undefined {
  let best: { t: Thread; id: number; chunk: Chunk; waiting: number } | undefined;
  for (const t of threads) {
    if (!t.worker || t.inFlight.size < 2) continue;
    const waiting = [...t.inFlight.values()].slice(1).reduce((n, c) => n + c.bytes, 0);
    const [id, chunk] = [...t.inFlight].at(-1)!;
    if (!main.grammars.has(chunk.grammar) && waiting < STEAL_MIN_BYTES) continue;
    if (!best || waiting > best.waiting) best = { t, id, chunk, waiting };
  }
  if (!best) return undefined;
  best.t.inFlight.delete(best.id);
  best.t.worker!.postMessage({ cancel: best.id } satisfies Cancel);
  return best.chunk;
}

/** The distinct values, most frequent first. */
function byCount<T>(values: readonly T[]): T[] {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

/** The part of a KB document a rule book reads: cloning the examples to every thread would be waste. */
function slim(document: KbDocument): KbDocument {
  return { ...document, cwes: document.cwes.map((c) => ({ ...c, examples: [], allApis: [], apis: {} })) };
}

/**
 * The worker side: builds the rule book once, then scans the chunks it is sent, one after the other. A
 * worker started early (workerData EarlyStart) gets ready what it can without the rules, then takes them
 * from the first message.
 */
export function serveScanWorker(): void {
  if (!parentPort) throw new Error('serveScanWorker runs in a worker thread');
  const port = parentPort;
  const data = workerData as WorkerInit | EarlyStart;
  if (!('early' in data)) {
    port.on('message', serve(port, data));
    return;
  }
  void (data.warmUp ? warmUp() : initParser()).catch(() => undefined); // a scan that needs it meets the error again
  let handle: ((message: Request | Cancel) => void) | undefined;
  port.on('message', (message: Request | Cancel | InitMessage) => {
    if (handle) handle(message as Request | Cancel);
    else if ('init' in message) handle = serve(port, message.init);
  });
}

/**
 * While the first worker started early waits for the rules: tree-sitter's runtime, and its functions a
 * scan calls (parsing, compiling and running a query, walking a tree), used once on a small Go file, so
 * that V8 compiles them now (for the whole process: threads share compiled WebAssembly) instead of on the
 * scan's first files, and by TurboFan (the command line asked for it before starting the workers). Go's
 * grammar is the smallest; a scan without Go files has loaded it for nothing. On 2,000 files: 1.57 -> 1.52
 * s.
 */
async function warmUp(): Promise<void> {
  await initParser();
  const parser = await getParser('go');
  const tree = parser.parse('package p\n\nfunc f(a []int) int {\n\ts := 0\n\tfor _, v := range a {\n\t\ts += v\n\t}\n\treturn s\n}\n');
  if (!tree) return;
  const query = new Query(tree.language, '(function_declaration name: (identifier) @name body: (block) @body (#match? @name "^f"))');
  try {
    query.matches(tree.rootNode);
    tree.rootNode.descendantsOfType(['function_declaration', 'for_statement']);
  } finally {
    query.delete();
    tree.delete();
  }
}

/** Builds the rule book and gets the grammars ready; the handler of the requests that follow. */
function serve(port: NonNullable<typeof parentPort>, init: WorkerInit): (message: Request | Cancel) => void {
  rememberPrefilters(init.prefilters);
  const rules = init.document && createRuleBook(init.document);
  const assessment: FileAssessment | undefined = rules && { rules, config: init.config };
  // Until the first chunk comes (this thread reads every file first), get the scan's grammars ready: load
  // them and work out their rules' prefilters, which costs a fresh thread a hundred milliseconds or more.
  let asked = false;
  let queue = (async () => {
    for (const grammar of rules ? init.grammars : []) {
      if (asked) break;
      await rules!.runnerFor(grammar).catch(() => undefined); // a scan that needs it meets the error again
    }
  })();
  // Requests not started, in order. Between two chunks the event loop turns, so that a cancel sent
  // meanwhile (this thread took the chunk back) is seen before the chunk starts.
  const waiting = new Map<number, Request>();
  let running = false;
  const next = async (): Promise<void> => {
    await queue;
    for (let request = first(waiting); request; request = first(waiting)) {
      waiting.delete(request.id);
      try {
        const scans: FileScan[] = [];
        for (const [k, file] of request.files.entries()) scans.push(await scanFile(file, assessment, assessment && request.candidates[k]));
        port.postMessage({ id: request.id, scans, broken: rules ? [...rules.broken] : [] } satisfies Reply);
      } catch (error) {
        port.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply);
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    running = false;
  };
  return (message: Request | Cancel) => {
    if ('cancel' in message) {
      waiting.delete(message.cancel);
      return;
    }
    asked = true;
    waiting.set(message.id, message);
    if (!running) {
      running = true;
      queue = next();
    }
  };
}

function first<K, V>(map: ReadonlyMap<K, V>): V | undefined {
  for (const v of map.values()) return v;
  return undefined;
}
