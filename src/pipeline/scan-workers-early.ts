import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { languageOf } from '../code/languages.js';
import { compileWasmOptimized } from './wasm-tiers.js';

/**
 * Scan worker threads started before the scan knows its files. A worker takes about a tenth of a second to
 * boot Node and load the bundle; `rescue scan` starts them first thing, so that they boot on the idle cores
 * while this thread loads the knowledge base and walks the folders, and the scan (scan-pool.ts) takes them
 * over. A worker started here waits for the message that tells it the rules; it is unref'd until taken, so
 * one that no scan takes (a scan too small for threads, an error before the scan) never keeps the process
 * alive, and `releaseEarlyWorkers` stops it. Light on purpose: imported by the command line before the
 * scan's modules load.
 */

/** Threads in all, this one included. */
export const MAX_THREADS = 8;
/** Below this many files a scan is over before threads have started and built their rule books. */
export const MIN_FILES_FOR_WORKERS = 150;

const here = path.dirname(fileURLToPath(import.meta.url));

/** dist/scan-worker.js seen from this module in dist/ or dist/chunks/; undefined from source. */
export function workerEntry(): string | undefined {
  for (const dir of [here, path.dirname(here)]) {
    const file = path.join(dir, 'scan-worker.js');
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Whether `rescue scan` with these arguments may scan enough files for threads (MIN_FILES_FOR_WORKERS),
 * before the scan walks the folders: the paths that are files in a reviewed language, and those below the
 * folders among them, counted until there are enough (or LOOK_AT_MOST entries were seen: large enough).
 * It may count more than the scan will (it does not read .gitignore), never fewer, so a scan that uses
 * threads has them started early. Options and their values count as paths that do not exist.
 */
export function mayScanMany(args: readonly string[], cwd: string): boolean {
  let files = 0;
  let seen = 0;
  const folders: string[] = [];
  const look = (file: string, isFolder: boolean, name: string): void => {
    seen++;
    if (isFolder) {
      if (name !== '.git') folders.push(file);
    } else if (languageOf(name)) files++;
  };
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    const file = path.resolve(cwd, arg);
    try {
      look(file, fs.statSync(file).isDirectory(), path.basename(file));
    } catch {
      // not a path (an option's value), or not there: the scan says so
    }
  }
  while (files < MIN_FILES_FOR_WORKERS && seen < LOOK_AT_MOST && folders.length > 0) {
    const folder = folders.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) look(path.join(folder, e.name), e.isDirectory(), e.name);
  }
  return files >= MIN_FILES_FOR_WORKERS || seen >= LOOK_AT_MOST;
}

/** mayScanMany stops counting after this many files and folders: a tree that large is worth threads. */
const LOOK_AT_MOST = 5_000;

/** What a worker started early gets as workerData: its rules come in the first message. */
export interface EarlyStart {
  readonly early: true;
  /** The first one warms tree-sitter up for the process (threads share compiled WebAssembly). */
  readonly warmUp: boolean;
}

interface Early {
  readonly worker: Worker;
  readonly entry: string;
  alive: boolean;
}

let early: Early[] = [];

/** The cores beside this thread that a scan could use. */
export function otherCores(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores, MAX_THREADS) - 1);
}

/**
 * Starts a scan worker per other core from `entry` (default: the bundle's), unless some were started
 * already. Nothing happens from source (no bundle) or on one core.
 */
export function startScanWorkersEarly(entry: string | undefined = workerEntry(), count = otherCores()): void {
  if (!entry || early.length > 0 || count === 0) return;
  compileWasmOptimized(); // before the workers start: they compile tree-sitter's runtime while they wait
  for (let k = 0; k < count; k++) {
    let worker: Worker;
    try {
      worker = new Worker(pathToFileURL(entry), { workerData: { early: true, warmUp: k === 0 } satisfies EarlyStart });
    } catch {
      return; // no worker threads here: the scan finds out again and scans in this thread
    }
    const item: Early = { worker, entry, alive: true };
    // Until a scan takes it, a failure only marks it: the scan starts another one, or does without.
    worker.on('error', () => (item.alive = false));
    worker.on('exit', () => (item.alive = false));
    worker.unref();
    early.push(item);
  }
}

/**
 * A worker started early from `entry` that is still alive, now the caller's: ref'd (it keeps the process
 * alive again) and no longer counted here. Undefined when there is none.
 */
export function takeEarlyWorker(entry: string): Worker | undefined {
  early = early.filter((e) => e.alive);
  const k = early.findIndex((e) => e.entry === entry);
  if (k < 0) return undefined;
  const [item] = early.splice(k, 1);
  item!.worker.removeAllListeners('error');
  item!.worker.removeAllListeners('exit');
  item!.worker.ref();
  return item!.worker;
}

/** Workers started early and not taken (alive or not yet known to have failed). */
export function earlyWorkerCount(): number {
  return early.length;
}

/** Stops the workers started early that no scan took. */
export async function releaseEarlyWorkers(): Promise<void> {
  const left = early;
  early = [];
  await Promise.all(left.map((e) => e.worker.terminate().catch(() => undefined)));
}
