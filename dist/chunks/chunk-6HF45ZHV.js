#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  assessFileUnits,
  createRuleBook,
  extractUnits,
  grammarOf,
  parse
} from "./chunk-TPB4ZMMK.js";

// src/pipeline/scan-pool.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parentPort, Worker, workerData } from "node:worker_threads";

// src/pipeline/scan-file.ts
async function scanFile(file, assessment) {
  const warnings = [];
  const tree = await parse(grammarOf(file.path, file.language), file.text);
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

// src/pipeline/scan-pool.ts
var MIN_FILES_FOR_WORKERS = 150;
var CHUNK_FILES = 16;
var MAX_WORKERS = 8;
var here = path.dirname(fileURLToPath(import.meta.url));
function workerEntry() {
  for (const dir of [here, path.dirname(here)]) {
    const file = path.join(dir, "scan-worker.js");
    if (fs.existsSync(file)) return file;
  }
  return void 0;
}
function workerCount(files, rules) {
  if (files < MIN_FILES_FOR_WORKERS || rules && !rules.document || !workerEntry()) return 0;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores, MAX_WORKERS, Math.floor(files / CHUNK_FILES)));
}
async function scanInWorkers(files, read, assessment, count) {
  const entry = workerEntry();
  if (!entry || count <= 0 || assessment && !assessment.rules.document) return void 0;
  const init = { document: assessment && slim(assessment.rules.document), config: assessment?.config };
  const chunks = chunksByGrammar(files);
  const threads = Math.min(count, chunks.length);
  const queue = new ChunkQueue(chunks.length, threads);
  const scans = new Array(files.length);
  const broken = /* @__PURE__ */ new Map();
  const workers = [];
  try {
    const started = Array.from({ length: threads }, () => {
      const worker = new Worker(pathToFileURL(entry), { workerData: init });
      workers.push(worker);
      return worker;
    });
    const texts = /* @__PURE__ */ new Map();
    for (const id of queue.readingOrder()) for (const i of chunks[id]) texts.set(i, read(i));
    await Promise.all(
      started.map(
        (worker, w) => new Promise((resolve, reject) => {
          let sent = [];
          const send = async () => {
            for (let id = queue.next(w); id !== void 0; id = queue.next(w)) {
              const chunk = chunks[id];
              const got = await Promise.all(chunk.map((i) => texts.get(i)));
              sent = chunk.filter((_, k) => got[k]);
              if (sent.length === 0) continue;
              worker.postMessage({ id, files: got.filter((f) => f !== void 0) });
              return;
            }
            resolve();
          };
          worker.on("message", (reply) => {
            if ("error" in reply) return reject(new Error(reply.error));
            reply.scans.forEach((scan, k) => scans[sent[k]] = scan);
            for (const [id, reason] of reply.broken) broken.set(id, reason);
            send().catch(reject);
          });
          worker.on("error", reject);
          worker.on("exit", (code) => reject(new Error(`scan worker exited with code ${code}`)));
          send().catch(reject);
        })
      )
    );
  } catch {
    return void 0;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { scans, broken };
}
function slim(document) {
  return { ...document, cwes: document.cwes.map((c) => ({ ...c, examples: [], allApis: [], apis: {} })) };
}
function chunksByGrammar(files) {
  const order = files.map((_, i) => i);
  const grammar = files.map((f) => grammarOf(f.path, f.language));
  order.sort((a, b) => grammar[a] < grammar[b] ? -1 : grammar[a] > grammar[b] ? 1 : a - b);
  const chunks = [];
  for (let i = 0; i < order.length; i += CHUNK_FILES) chunks.push(order.slice(i, i + CHUNK_FILES));
  return chunks;
}
var ChunkQueue = class {
  lo = [];
  hi = [];
  constructor(chunks, workers) {
    for (let w = 0; w < workers; w++) {
      this.lo.push(Math.floor(chunks * w / workers));
      this.hi.push(Math.floor(chunks * (w + 1) / workers));
    }
  }
  /** Every chunk, in about the order the workers will ask for them: the stretches' fronts first, in turn. */
  readingOrder() {
    const order = [];
    for (let k = 0, more = true; more; k++) {
      more = false;
      for (let w = 0; w < this.lo.length; w++) {
        if (this.lo[w] + k < this.hi[w]) {
          order.push(this.lo[w] + k);
          more = true;
        }
      }
    }
    return order;
  }
  next(worker) {
    if (this.lo[worker] < this.hi[worker]) return this.lo[worker]++;
    let longest = -1;
    for (let w = 0; w < this.lo.length; w++) {
      if (this.hi[w] - this.lo[w] > 0 && (longest < 0 || this.hi[w] - this.lo[w] > this.hi[longest] - this.lo[longest])) longest = w;
    }
    return longest < 0 ? void 0 : --this.hi[longest];
  }
};
function serveScanWorker() {
  if (!parentPort) throw new Error("serveScanWorker runs in a worker thread");
  const port = parentPort;
  const init = workerData;
  const rules = init.document && createRuleBook(init.document);
  const assessment = rules && { rules, config: init.config };
  port.on("message", (request) => {
    void (async () => {
      try {
        const scans = [];
        for (const file of request.files) scans.push(await scanFile(file, assessment));
        port.postMessage({ id: request.id, scans, broken: rules ? [...rules.broken] : [] });
      } catch (error) {
        port.postMessage({ id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      }
    })();
  });
}

export {
  scanFile,
  workerCount,
  scanInWorkers,
  serveScanWorker
};
