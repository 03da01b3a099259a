import { grammarOf, type Grammar } from '../code/languages.js';
import type { FileToScan } from './scan-file.js';

/**
 * How a scan's files are spread over threads (scan-pool.ts): whole grammars per thread, balanced by bytes
 * plus a cost per grammar, and what an idle thread takes from the others. Pure functions over queues.
 */

/** Files per message: large enough that messaging is noise, small enough to balance the threads. */
export const CHUNK_FILES = 16;
/** What taking on one more grammar costs a thread (loading it, compiling its queries), in bytes scanned. */
const GRAMMAR_COST_BYTES = 256 * 1024;
/** A thread takes over chunks of a grammar it does not have only when the other thread has this much left. */
export const STEAL_MIN_BYTES = 2 * GRAMMAR_COST_BYTES;

/** Files of one grammar that go to a thread in one message. */
export interface Chunk {
  readonly files: readonly number[];
  readonly grammar: Grammar;
  readonly bytes: number;
}

/** What planning sees of a thread: the chunks it has not started and the grammars it has. */
export interface PlanThread {
  readonly queue: Chunk[];
  readonly grammars: ReadonlySet<Grammar>;
}

/**
 * Fills the threads' queues with the files that were read: each grammar's files (in the given order) cut
 * into contiguous pieces no larger than a thread's share of the bytes, the pieces balanced over the threads
 * by their bytes plus GRAMMAR_COST_BYTES each (a grammar to load), largest first in each queue, each piece
 * cut into chunks. Exported for tests.
 */
export function plan(texts: readonly (FileToScan | undefined)[], threads: readonly Pick<PlanThread, 'queue'>[]): void {
  const groups = byGrammar(texts, 0);
  const total = texts.reduce((n, t) => n + (t?.text.length ?? 0), 0);
  const share = Math.max(1, total / threads.length);
  const pieces: Chunk[] = [];
  for (const [grammar, list] of groups) {
    const bytes = list.reduce((n, i) => n + texts[i]!.text.length, 0);
    const count = Math.max(1, Math.min(threads.length, Math.ceil(bytes / share)));
    let files: number[] = [];
    let pieceBytes = 0;
    let done = 0;
    let made = 0;
    for (const i of list) {
      files.push(i);
      pieceBytes += texts[i]!.text.length;
      done += texts[i]!.text.length;
      // The k-th piece ends where the bytes so far reach k/count of the grammar's; the last one at the end.
      if (made < count - 1 && done * count >= bytes * (made + 1)) {
        pieces.push({ files, grammar, bytes: pieceBytes });
        made++;
        files = [];
        pieceBytes = 0;
      }
    }
    if (files.length) pieces.push({ files, grammar, bytes: pieceBytes });
  }
  pieces.sort((a, b) => b.bytes - a.bytes || a.files[0]! - b.files[0]!);
  const owner = balance(pieces.map((p) => p.bytes + GRAMMAR_COST_BYTES), threads.length);
  pieces.forEach((piece, k) => threads[owner[k]!]!.queue.push(...chunks(texts, piece.files, piece.grammar)));
}

/**
 * Adds files read after the first plan (`from` on) to the threads' queues: a grammar that a thread has
 * (scanned, or queued) stays with it, the one with the fewest bytes queued if more than one has it; a
 * grammar no thread has goes to the thread with the fewest bytes queued. Chunks as in `plan`. An idle thread
 * takes from the others what this leaves unbalanced (`take`). Exported for tests.
 */
export function planMore(texts: readonly (FileToScan | undefined)[], from: number, threads: readonly PlanThread[]): void {
  const queued = threads.map((t) => t.queue.reduce((n, c) => n + c.bytes, 0));
  for (const [grammar, list] of byGrammar(texts, from)) {
    const owners = threads.flatMap((t, k) => (t.grammars.has(grammar) || t.queue.some((c) => c.grammar === grammar) ? [k] : []));
    const candidates = owners.length > 0 ? owners : threads.map((_, k) => k);
    const k = candidates.reduce((best, c) => (queued[c]! < queued[best]! ? c : best));
    for (const chunk of chunks(texts, list, grammar)) {
      threads[k]!.queue.push(chunk);
      queued[k]! += chunk.bytes;
    }
  }
}

/** The indices of the files read, from `from` on, by grammar, in order. */
function byGrammar(texts: readonly (FileToScan | undefined)[], from: number): Map<Grammar, number[]> {
  const groups = new Map<Grammar, number[]>();
  for (let i = from; i < texts.length; i++) {
    const t = texts[i];
    if (!t) continue;
    const g = grammarOf(t.path, t.language);
    const list = groups.get(g);
    if (list) list.push(i);
    else groups.set(g, [i]);
  }
  return groups;
}

/** Files of one grammar cut into chunks of CHUNK_FILES, in order. */
function chunks(texts: readonly (FileToScan | undefined)[], files: readonly number[], grammar: Grammar): Chunk[] {
  const out: Chunk[] = [];
  for (let f = 0; f < files.length; f += CHUNK_FILES) {
    const part = files.slice(f, f + CHUNK_FILES);
    out.push({ files: part, grammar, bytes: part.reduce((n, i) => n + texts[i]!.text.length, 0) });
  }
  return out;
}

/**
 * The thread of each job (costs sorted largest first): longest processing time first (each job to the
 * least loaded thread), then, while it lowers the larger load of the two, a job moved from the most loaded
 * thread to another or two jobs swapped between them. With a handful of grammars, LPT alone can leave a
 * thread a grammar's worth behind.
 */
export function balance(costs: readonly number[], threads: number): number[] {
  const owner: number[] = [];
  const load = new Array<number>(threads).fill(0);
  for (const cost of costs) {
    let best = 0;
    for (let t = 1; t < threads; t++) if (load[t]! < load[best]!) best = t;
    owner.push(best);
    load[best]! += cost;
  }
  for (let round = 0; round < 4 * costs.length; round++) {
    let hi = 0;
    for (let t = 1; t < threads; t++) if (load[t]! > load[hi]!) hi = t;
    let bestMax = load[hi]!;
    let move: { p: number; q: number | undefined; to: number } | undefined;
    for (let to = 0; to < threads; to++) {
      if (to === hi) continue;
      for (let p = 0; p < costs.length; p++) {
        if (owner[p] !== hi) continue;
        const moved = Math.max(load[hi]! - costs[p]!, load[to]! + costs[p]!);
        if (moved < bestMax) [bestMax, move] = [moved, { p, q: undefined, to }];
        for (let q = 0; q < costs.length; q++) {
          if (owner[q] !== to) continue;
          const delta = costs[p]! - costs[q]!;
          const swapped = Math.max(load[hi]! - delta, load[to]! + delta);
          if (swapped < bestMax) [bestMax, move] = [swapped, { p, q, to }];
        }
      }
    }
    if (!move) break;
    const delta = costs[move.p]! - (move.q === undefined ? 0 : costs[move.q]!);
    owner[move.p] = move.to;
    if (move.q !== undefined) owner[move.q] = hi;
    load[hi]! -= delta;
    load[move.to]! += delta;
  }
  return owner;
}

/**
 * The next chunk for thread `t`: the front of its own queue; else, from the back of another thread's
 * queue, the last chunk of a grammar `t` already has; else the last chunk of the thread with the most
 * bytes left, if that is at least STEAL_MIN_BYTES (less is done sooner by the thread that has the grammar
 * loaded than `t` could load it). Exported for tests.
 */
export function take(threads: readonly PlanThread[], t: PlanThread): Chunk | undefined {
  const own = t.queue.shift();
  if (own) return own;
  let richest: Pick<PlanThread, 'queue'> | undefined;
  let richestBytes = 0;
  for (const other of threads) {
    if (other === t) continue;
    for (let k = other.queue.length - 1; k >= 0; k--) {
      if (t.grammars.has(other.queue[k]!.grammar)) return other.queue.splice(k, 1)[0];
    }
    const left = other.queue.reduce((n, c) => n + c.bytes, 0);
    if (left > richestBytes) {
      richest = other;
      richestBytes = left;
    }
  }
  return richest && richestBytes >= STEAL_MIN_BYTES ? richest.queue.pop() : undefined;
}
