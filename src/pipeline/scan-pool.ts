import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { AssessConfig } from '../assess/assess.js';
import { createRuleBook, type RuleBook } from '../assess/rule-book.js';
import { grammarOf } from '../code/languages.js';
import type { KbDocument } from '../kb/model.js';
import { scanFile, type FileAssessment, type FileScan, type FileToScan } from './scan-file.js';

/**
 * Scanning over worker threads: parsing and running queries is CPU work in WebAssembly, one file at a time
 * per thread. Each worker loads the grammars and builds the rule book once (from the book's document), then
 * scans the chunks of files it is sent; this thread reads the files, hands out chunks and merges results
 * by file, so the result is the same as a scan in one thread.
 *
 * Chunks go out grouped by grammar, each worker starting on its own stretch of the list and taking over
 * the end of the longest stretch left when its own is done: a rule's query is compiled in each thread that
 * needs it, so keeping a language on one thread compiles it once.
 *
 * Workers start only from the bundle (dist/scan-worker.js, next to dist/cli.js or one level up from a
 * chunk): from source (tsx, jest) a worker could not load TypeScript, so the scan runs in this thread.
 */

/** Below this many files a scan is over before threads have started and built their rule books. */
export const MIN_FILES_FOR_WORKERS = 150;
/** Files per message: large enough that messaging is noise, small enough to balance the threads. */
const CHUNK_FILES = 16;
const MAX_WORKERS = 8;

const here = path.dirname(fileURLToPath(import.meta.url));

/** dist/scan-worker.js seen from this module in dist/ or dist/chunks/; undefined from source. */
export function workerEntry(): string | undefined {
  for (const dir of [here, path.dirname(here)]) {
    const file = path.join(dir, 'scan-worker.js');
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/** How many workers a scan of `files` files should use by default: 0 scans in this thread. */
export function workerCount(files: number, rules: RuleBook | undefined): number {
  if (files < MIN_FILES_FOR_WORKERS || (rules && !rules.document) || !workerEntry()) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores, MAX_WORKERS, Math.floor(files / CHUNK_FILES)));
}

interface WorkerInit {
  /** Rules and guidelines only: what createRuleBook reads. */
  readonly document?: KbDocument;
  readonly config?: AssessConfig;
}

type Request = { readonly id: number; readonly files: readonly FileToScan[] };
type Reply =
  | { readonly id: number; readonly scans: FileScan[]; readonly broken: [string, string][] }
  | { readonly id: number; readonly error: string };

/** A file to scan before it is read: its grammar decides which chunk it goes in. */
export interface FileToRead {
  readonly path: string;
  readonly language: FileToScan['language'];
}

/**
 * Scans the files over `count` worker threads; the scans in the order of `files` (undefined where `read`
 * gave nothing), and the rules that did not compile in a worker. The workers start before the files are
 * read, so that they load while this thread reads (`read` is called once per file, in the order the
 * workers will want the files). Undefined when the workers cannot start or fail: the caller then scans in
 * its own thread (a failed worker's partial results are thrown away, so nothing is counted twice).
 */
export async function scanInWorkers(
  files: readonly FileToRead[],
  read: (index: number) => Promise<FileToScan | undefined>,
  assessment: FileAssessment | undefined,
  count: number,
): Promise<{ scans: (FileScan | undefined)[]; broken: Map<string, string> } | undefined> {
  const entry = workerEntry();
  if (!entry || count <= 0 || (assessment && !assessment.rules.document)) return undefined;
  const init: WorkerInit = { document: assessment && slim(assessment.rules.document!), config: assessment?.config };
  const chunks = chunksByGrammar(files);
  const threads = Math.min(count, chunks.length);
  const queue = new ChunkQueue(chunks.length, threads);
  const scans: (FileScan | undefined)[] = new Array(files.length);
  const broken = new Map<string, string>();
  const workers: Worker[] = [];
  try {
    const started = Array.from({ length: threads }, () => {
      const worker = new Worker(pathToFileURL(entry), { workerData: init });
      workers.push(worker);
      return worker;
    });
    const texts = new Map<number, Promise<FileToScan | undefined>>();
    for (const id of queue.readingOrder()) for (const i of chunks[id]!) texts.set(i, read(i));
    await Promise.all(
      started.map(
        (worker, w) =>
          new Promise<void>((resolve, reject) => {
            let sent: number[] = [];
            const send = async (): Promise<void> => {
              for (let id = queue.next(w); id !== undefined; id = queue.next(w)) {
                const chunk = chunks[id]!;
                const got = await Promise.all(chunk.map((i) => texts.get(i)!));
                sent = chunk.filter((_, k) => got[k]);
                if (sent.length === 0) continue;
                worker.postMessage({ id, files: got.filter((f): f is FileToScan => f !== undefined) } satisfies Request);
                return;
              }
              resolve();
            };
            worker.on('message', (reply: Reply) => {
              if ('error' in reply) return reject(new Error(reply.error));
              reply.scans.forEach((scan, k) => (scans[sent[k]!] = scan));
              for (const [id, reason] of reply.broken) broken.set(id, reason);
              send().catch(reject);
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`scan worker exited with code ${code}`)));
            send().catch(reject);
          }),
      ),
    );
  } catch {
    return undefined;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { scans, broken };
}

/** The part of a KB document a rule book reads: cloning the examples to every thread would be waste. */
function slim(document: KbDocument): KbDocument {
  return { ...document, cwes: document.cwes.map((c) => ({ ...c, examples: [], allApis: [], apis: {} })) };
}

/** Indices of `files`, ordered by grammar (then as given), cut into chunks. */
function chunksByGrammar(files: readonly FileToRead[]): number[][] {
  const order = files.map((_, i) => i);
  const grammar = files.map((f) => grammarOf(f.path, f.language));
  order.sort((a, b) => (grammar[a]! < grammar[b]! ? -1 : grammar[a]! > grammar[b]! ? 1 : a - b));
  const chunks: number[][] = [];
  for (let i = 0; i < order.length; i += CHUNK_FILES) chunks.push(order.slice(i, i + CHUNK_FILES));
  return chunks;
}

/** Each worker takes chunks from the front of its own stretch, then from the back of the longest left. */
class ChunkQueue {
  private readonly lo: number[] = [];
  private readonly hi: number[] = [];
  constructor(chunks: number, workers: number) {
    for (let w = 0; w < workers; w++) {
      this.lo.push(Math.floor((chunks * w) / workers));
      this.hi.push(Math.floor((chunks * (w + 1)) / workers));
    }
  }

  /** Every chunk, in about the order the workers will ask for them: the stretches' fronts first, in turn. */
  readingOrder(): number[] {
    const order: number[] = [];
    for (let k = 0, more = true; more; k++) {
      more = false;
      for (let w = 0; w < this.lo.length; w++) {
        if (this.lo[w]! + k < this.hi[w]!) {
          order.push(this.lo[w]! + k);
          more = true;
        }
      }
    }
    return order;
  }

  next(worker: number): number | undefined {
    if (this.lo[worker]! < this.hi[worker]!) return this.lo[worker]!++;
    let longest = -1;
    for (let w = 0; w < this.lo.length; w++) {
      if (this.hi[w]! - this.lo[w]! > 0 && (longest < 0 || this.hi[w]! - this.lo[w]! > this.hi[longest]! - this.lo[longest]!)) longest = w;
    }
    return longest < 0 ? undefined : --this.hi[longest]!;
  }
}

/** The worker side: builds the rule book once, then scans every chunk it is sent. */
export function serveScanWorker(): void {
  if (!parentPort) throw new Error('serveScanWorker runs in a worker thread');
  const port = parentPort;
  const init = workerData as WorkerInit;
  const rules = init.document && createRuleBook(init.document);
  const assessment: FileAssessment | undefined = rules && { rules, config: init.config };
  port.on('message', (request: Request) => {
    void (async () => {
      try {
        const scans: FileScan[] = [];
        for (const file of request.files) scans.push(await scanFile(file, assessment));
        port.postMessage({ id: request.id, scans, broken: rules ? [...rules.broken] : [] } satisfies Reply);
      } catch (error) {
        port.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply);
      }
    })();
  });
}
