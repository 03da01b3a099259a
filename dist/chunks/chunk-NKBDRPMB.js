#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  MIN_FILES_FOR_WORKERS,
  compileRestBaseline,
  compileWasmDefault,
  compileWasmOptimized,
  otherCores,
  takeEarlyWorker,
  workerEntry
} from "./chunk-YG27PS32.js";
import {
  assessFileUnits,
  createRuleBook
} from "./chunk-S7WXNWXR.js";
import {
  extractUnits
} from "./chunk-G3QCSQ4F.js";
import {
  Query,
  getParser,
  initParser,
  knownPrefilters,
  parse,
  rememberPrefilters
} from "./chunk-ZCLPTS52.js";
import {
  grammarOf
} from "./chunk-7OFN7BBI.js";

// src/pipeline/scan-pool.ts
import { pathToFileURL } from "node:url";
import { parentPort, Worker, workerData } from "node:worker_threads";

// src/pipeline/scan-file.ts
async function scanFile(file, assessment, candidates) {
  const warnings = [];
  const grammar = grammarOf(file.path, file.language);
  if (assessment && candidates) (await assessment.rules.runnerFor(grammar)).remember(file.text, candidates);
  else if (assessment && !assessment.rules.mayMatch(grammar, file.text)) return withoutCandidateRules(file.path);
  const tree = await parse(grammar, file.text);
  try {
    const extraction = await extractUnits({ path: file.path, language: file.language, text: file.text, tree });
    let assessed;
    if (assessment && extraction.units.length > 0) {
      assessed = await assessFileUnits(
        file.path,
        { text: file.text, language: file.language },
        extraction.units,
        { rules: assessment.rules, mode: "scan", config: assessment.config, logger: warningsInto(warnings) },
        tree
      );
    }
    return { path: file.path, units: extraction.units, parseErrors: extraction.parseErrors, assessed, warnings };
  } finally {
    tree.delete();
  }
}
function withoutCandidateRules(path) {
  return { path, units: [], parseErrors: false, warnings: [], noCandidateRules: true };
}
function warningsInto(out) {
  return {
    debug() {
    },
    info() {
    },
    warning: (message, location) => void out.push({ level: "warning", message, ...location && { location } }),
    error: (message, location) => void out.push({ level: "error", message, ...location && { location } }),
    group: (_name, fn) => fn()
  };
}

// src/pipeline/scan-plan.ts
var CHUNK_FILES = 16;
var GRAMMAR_COST_BYTES = 256 * 1024;
var STEAL_MIN_BYTES = 2 * GRAMMAR_COST_BYTES;
function plan(texts, threads) {
  const groups = byGrammar(texts, 0);
  const total = texts.reduce((n, t) => n + (t?.text.length ?? 0), 0);
  const share = Math.max(1, total / threads.length);
  const pieces = [];
  for (const [grammar, list] of groups) {
    const bytes = list.reduce((n, i) => n + texts[i].text.length, 0);
    const count = Math.max(1, Math.min(threads.length, Math.ceil(bytes / share)));
    let files = [];
    let pieceBytes = 0;
    let done = 0;
    let made = 0;
    for (const i of list) {
      files.push(i);
      pieceBytes += texts[i].text.length;
      done += texts[i].text.length;
      if (made < count - 1 && done * count >= bytes * (made + 1)) {
        pieces.push({ files, grammar, bytes: pieceBytes });
        made++;
        files = [];
        pieceBytes = 0;
      }
    }
    if (files.length) pieces.push({ files, grammar, bytes: pieceBytes });
  }
  pieces.sort((a, b) => b.bytes - a.bytes || a.files[0] - b.files[0]);
  const owner = balance(pieces.map((p) => p.bytes + GRAMMAR_COST_BYTES), threads.length);
  pieces.forEach((piece, k) => threads[owner[k]].queue.push(...chunks(texts, piece.files, piece.grammar)));
}
function planMore(texts, from, threads) {
  const queued = threads.map((t) => t.queue.reduce((n, c) => n + c.bytes, 0));
  for (const [grammar, list] of byGrammar(texts, from)) {
    const owners = threads.flatMap((t, k2) => t.grammars.has(grammar) || t.queue.some((c) => c.grammar === grammar) ? [k2] : []);
    const candidates = owners.length > 0 ? owners : threads.map((_, k2) => k2);
    const k = candidates.reduce((best, c) => queued[c] < queued[best] ? c : best);
    for (const chunk of chunks(texts, list, grammar)) {
      threads[k].queue.push(chunk);
      queued[k] += chunk.bytes;
    }
  }
}
function byGrammar(texts, from) {
  const groups = /* @__PURE__ */ new Map();
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
function chunks(texts, files, grammar) {
  const out = [];
  for (let f = 0; f < files.length; f += CHUNK_FILES) {
    const part = files.slice(f, f + CHUNK_FILES);
    out.push({ files: part, grammar, bytes: part.reduce((n, i) => n + texts[i].text.length, 0) });
  }
  return out;
}
function balance(costs, threads) {
  const owner = [];
  const load = new Array(threads).fill(0);
  for (const cost of costs) {
    let best = 0;
    for (let t = 1; t < threads; t++) if (load[t] < load[best]) best = t;
    owner.push(best);
    load[best] += cost;
  }
  for (let round = 0; round < 4 * costs.length; round++) {
    let hi = 0;
    for (let t = 1; t < threads; t++) if (load[t] > load[hi]) hi = t;
    let bestMax = load[hi];
    let move;
    for (let to = 0; to < threads; to++) {
      if (to === hi) continue;
      for (let p = 0; p < costs.length; p++) {
        if (owner[p] !== hi) continue;
        const moved = Math.max(load[hi] - costs[p], load[to] + costs[p]);
        if (moved < bestMax) [bestMax, move] = [moved, { p, q: void 0, to }];
        for (let q = 0; q < costs.length; q++) {
          if (owner[q] !== to) continue;
          const delta2 = costs[p] - costs[q];
          const swapped = Math.max(load[hi] - delta2, load[to] + delta2);
          if (swapped < bestMax) [bestMax, move] = [swapped, { p, q, to }];
        }
      }
    }
    if (!move) break;
    const delta = costs[move.p] - (move.q === void 0 ? 0 : costs[move.q]);
    owner[move.p] = move.to;
    if (move.q !== void 0) owner[move.q] = hi;
    load[hi] -= delta;
    load[move.to] += delta;
  }
  return owner;
}
function take(threads, t) {
  const own = t.queue.shift();
  if (own) return own;
  let richest;
  let richestBytes = 0;
  for (const other of threads) {
    if (other === t) continue;
    for (let k = other.queue.length - 1; k >= 0; k--) {
      if (t.grammars.has(other.queue[k].grammar)) return other.queue.splice(k, 1)[0];
    }
    const left = other.queue.reduce((n, c) => n + c.bytes, 0);
    if (left > richestBytes) {
      richest = other;
      richestBytes = left;
    }
  }
  return richest && richestBytes >= STEAL_MIN_BYTES ? richest.queue.pop() : void 0;
}

// src/pipeline/scan-pool.ts
var IN_FLIGHT = 4;
var READ_BATCH = 64;
var FIRST_PLAN = 4;
function workerCount(files, rules) {
  if (files < MIN_FILES_FOR_WORKERS || rules && !rules.document || !workerEntry()) return 0;
  return Math.max(0, Math.min(otherCores(), Math.floor(files / CHUNK_FILES) - 1));
}
async function scanInThreads(files, read, assessment, options) {
  const entry = options.entry ?? workerEntry();
  const usable = entry !== void 0 && options.workers > 0 && !(assessment && !assessment.rules.document);
  const init = {
    document: assessment && usable ? slim(assessment.rules.document) : void 0,
    config: assessment?.config,
    prefilters: assessment && usable ? knownPrefilters() : [],
    grammars: usable ? byCount(files.map((f) => grammarOf(f.path, f.language))) : []
  };
  if (usable) compileWasmOptimized();
  const main = newThread(void 0);
  const threads = [main];
  const scans = new Array(files.length);
  const broken = /* @__PURE__ */ new Map();
  let texts = [];
  const found = new Array(files.length);
  let failed = 0;
  let reclaimed = 0;
  let wake;
  const notify = () => {
    const w = wake;
    wake = void 0;
    w?.();
  };
  const fail = (t) => {
    if (!t.worker) return;
    const worker = t.worker;
    t.worker = void 0;
    failed++;
    main.queue.push(...t.inFlight.values(), ...t.queue);
    t.inFlight.clear();
    t.queue.length = 0;
    void worker.terminate();
    notify();
  };
  let toParse = 0;
  let readSoFar = 0;
  const firstChunkDone = () => compileRestBaseline(readSoFar > 0 ? toParse * files.length / readSoFar : 0);
  let nextId = 0;
  const feed = (t) => {
    while (t.worker && t.inFlight.size < IN_FLIGHT) {
      const chunk = take(threads, t);
      if (!chunk) return;
      const id = nextId++;
      t.inFlight.set(id, chunk);
      t.grammars.add(chunk.grammar);
      t.worker.postMessage({ id, files: chunk.files.map((i) => texts[i]), candidates: chunk.files.map((i) => found[i] ?? []) });
    }
  };
  const listen = (t, worker) => {
    worker.on("message", (reply) => {
      const chunk = t.inFlight.get(reply.id);
      if (t.worker !== worker || !chunk) return;
      if ("error" in reply) return fail(t);
      t.inFlight.delete(reply.id);
      reply.scans.forEach((scan, k) => {
        scans[chunk.files[k]] = scan;
        texts[chunk.files[k]] = void 0;
        found[chunk.files[k]] = void 0;
      });
      t.files += chunk.files.length;
      firstChunkDone();
      for (const [id, reason] of reply.broken) broken.set(id, reason);
      feed(t);
      notify();
    });
    worker.on("error", () => fail(t));
    worker.on("exit", () => fail(t));
  };
  for (let w = 0; usable && w < options.workers; w++) {
    let worker = typeof entry === "string" ? takeEarlyWorker(entry) : void 0;
    if (worker) worker.postMessage({ init });
    else {
      try {
        worker = new Worker(typeof entry === "string" ? pathToFileURL(entry) : entry, { workerData: init });
      } catch {
        break;
      }
    }
    const t = newThread(worker);
    listen(t, worker);
    threads.push(t);
  }
  try {
    if (threads.length > 1) for (const grammar of init.grammars) void getParser(grammar).catch(() => void 0);
    texts = new Array(files.length);
    const live = () => threads.filter((t) => t === main || t.worker);
    let planned = -1;
    for (let from = 0; from < files.length; from += READ_BATCH) {
      const batch = await Promise.all(files.slice(from, from + READ_BATCH).map((_, k) => read(from + k)));
      batch.forEach((t, k) => {
        const rules = t && assessment ? assessment.rules.candidates(grammarOf(t.path, t.language), t.text) : void 0;
        if (rules?.length === 0) {
          scans[from + k] = withoutCandidateRules(t.path);
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
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (planned < 0) plan(texts, live());
    else planMore(texts, planned, live());
    for (const t of threads) feed(t);
    let scanned = 0;
    for (; ; ) {
      if (main.queue.length === 0) {
        let chunk = take(threads, main);
        if (!chunk && (chunk = reclaim(threads, main))) reclaimed++;
        if (chunk) main.queue.push(chunk);
      }
      const head = main.queue[0];
      if (head) {
        const i = head.files[0];
        if (head.files.length > 1) main.queue[0] = { ...head, files: head.files.slice(1), bytes: head.bytes - texts[i].text.length };
        else main.queue.shift();
        main.grammars.add(head.grammar);
        scans[i] = await scanFile(texts[i], assessment, found[i]);
        texts[i] = void 0;
        found[i] = void 0;
        main.files++;
        if (++scanned === CHUNK_FILES && threads.length > 1) firstChunkDone();
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (!threads.some((t) => t.worker && t.inFlight.size > 0)) break;
      await new Promise((resolve) => wake = resolve);
    }
  } finally {
    const running = threads.flatMap((t) => t.worker ? [t.worker] : []);
    for (const t of threads) t.worker = void 0;
    await Promise.all(running.map((w) => w.terminate()));
    compileWasmDefault();
  }
  const report = {
    workers: threads.length - 1,
    grammars: threads.map((t) => [...t.grammars].sort()),
    files: threads.map((t) => t.files),
    failed,
    reclaimed
  };
  return { scans, broken, report };
}
function newThread(worker) {
  return { worker, queue: [], inFlight: /* @__PURE__ */ new Map(), grammars: /* @__PURE__ */ new Set(), files: 0 };
}
function reclaim(threads, main) {
  let best;
  for (const t of threads) {
    if (!t.worker || t.inFlight.size < 2) continue;
    const waiting = [...t.inFlight.values()].slice(1).reduce((n, c) => n + c.bytes, 0);
    const [id, chunk] = [...t.inFlight].at(-1);
    if (!main.grammars.has(chunk.grammar) && waiting < STEAL_MIN_BYTES) continue;
    if (!best || waiting > best.waiting) best = { t, id, chunk, waiting };
  }
  if (!best) return void 0;
  best.t.inFlight.delete(best.id);
  best.t.worker.postMessage({ cancel: best.id });
  return best.chunk;
}
function byCount(values) {
  const counts = /* @__PURE__ */ new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}
function slim(document) {
  return { ...document, cwes: document.cwes.map((c) => ({ ...c, examples: [], allApis: [], apis: {} })) };
}
function serveScanWorker() {
  if (!parentPort) throw new Error("serveScanWorker runs in a worker thread");
  const port = parentPort;
  const data = workerData;
  if (!("early" in data)) {
    port.on("message", serve(port, data));
    return;
  }
  void (data.warmUp ? warmUp() : initParser()).catch(() => void 0);
  let handle;
  port.on("message", (message) => {
    if (handle) handle(message);
    else if ("init" in message) handle = serve(port, message.init);
  });
}
async function warmUp() {
  await initParser();
  const parser = await getParser("go");
  const tree = parser.parse("package p\n\nfunc f(a []int) int {\n	s := 0\n	for _, v := range a {\n		s += v\n	}\n	return s\n}\n");
  if (!tree) return;
  const query = new Query(tree.language, '(function_declaration name: (identifier) @name body: (block) @body (#match? @name "^f"))');
  try {
    query.matches(tree.rootNode);
    tree.rootNode.descendantsOfType(["function_declaration", "for_statement"]);
  } finally {
    query.delete();
    tree.delete();
  }
}
function serve(port, init) {
  rememberPrefilters(init.prefilters);
  const rules = init.document && createRuleBook(init.document);
  const assessment = rules && { rules, config: init.config };
  let asked = false;
  let queue = (async () => {
    for (const grammar of rules ? init.grammars : []) {
      if (asked) break;
      await rules.runnerFor(grammar).catch(() => void 0);
    }
  })();
  const waiting = /* @__PURE__ */ new Map();
  let running = false;
  const next = async () => {
    await queue;
    for (let request = first(waiting); request; request = first(waiting)) {
      waiting.delete(request.id);
      try {
        const scans = [];
        for (const [k, file] of request.files.entries()) scans.push(await scanFile(file, assessment, assessment && request.candidates[k]));
        port.postMessage({ id: request.id, scans, broken: rules ? [...rules.broken] : [] });
      } catch (error) {
        port.postMessage({ id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    running = false;
  };
  return (message) => {
    if ("cancel" in message) {
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
function first(map) {
  for (const v of map.values()) return v;
  return void 0;
}

export {
  scanFile,
  workerCount,
  scanInThreads,
  serveScanWorker
};
