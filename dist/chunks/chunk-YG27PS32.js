#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  languageOf
} from "./chunk-7OFN7BBI.js";

// src/pipeline/scan-workers-early.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

// src/pipeline/wasm-tiers.ts
import v8 from "node:v8";
function compileWasmOptimized() {
  if (wasmTiers !== "default") return;
  wasmTiers = "optimized";
  v8.setFlagsFromString("--no-liftoff");
}
var BASELINE_MAX_BYTES = 16 * 1024 * 1024;
function compileRestBaseline(bytes) {
  if (wasmTiers !== "optimized") return;
  wasmTiers = "decided";
  if (bytes > BASELINE_MAX_BYTES) return;
  v8.setFlagsFromString("--liftoff");
  v8.setFlagsFromString("--no-wasm-tier-up");
}
function compileWasmDefault() {
  if (wasmTiers === "default") return;
  wasmTiers = "default";
  v8.setFlagsFromString("--liftoff");
  v8.setFlagsFromString("--wasm-tier-up");
}
var wasmTiers = "default";

// src/pipeline/scan-workers-early.ts
var MAX_THREADS = 8;
var MIN_FILES_FOR_WORKERS = 150;
var here = path.dirname(fileURLToPath(import.meta.url));
function workerEntry() {
  for (const dir of [here, path.dirname(here)]) {
    const file = path.join(dir, "scan-worker.js");
    if (fs.existsSync(file)) return file;
  }
  return void 0;
}
function mayScanMany(args, cwd) {
  let files = 0;
  let seen = 0;
  const folders = [];
  const look = (file, isFolder, name) => {
    seen++;
    if (isFolder) {
      if (name !== ".git") folders.push(file);
    } else if (languageOf(name)) files++;
  };
  for (const arg of args) {
    if (arg.startsWith("-")) continue;
    const file = path.resolve(cwd, arg);
    try {
      look(file, fs.statSync(file).isDirectory(), path.basename(file));
    } catch {
    }
  }
  while (files < MIN_FILES_FOR_WORKERS && seen < LOOK_AT_MOST && folders.length > 0) {
    const folder = folders.pop();
    let entries;
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) look(path.join(folder, e.name), e.isDirectory(), e.name);
  }
  return files >= MIN_FILES_FOR_WORKERS || seen >= LOOK_AT_MOST;
}
var LOOK_AT_MOST = 5e3;
var early = [];
function otherCores() {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores, MAX_THREADS) - 1);
}
function startScanWorkersEarly(entry = workerEntry(), count = otherCores()) {
  if (!entry || early.length > 0 || count === 0) return;
  compileWasmOptimized();
  for (let k = 0; k < count; k++) {
    let worker;
    try {
      worker = new Worker(pathToFileURL(entry), { workerData: { early: true, warmUp: k === 0 } });
    } catch {
      return;
    }
    const item = { worker, entry, alive: true };
    worker.on("error", () => item.alive = false);
    worker.on("exit", () => item.alive = false);
    worker.unref();
    early.push(item);
  }
}
function takeEarlyWorker(entry) {
  early = early.filter((e) => e.alive);
  const k = early.findIndex((e) => e.entry === entry);
  if (k < 0) return void 0;
  const [item] = early.splice(k, 1);
  item.worker.removeAllListeners("error");
  item.worker.removeAllListeners("exit");
  item.worker.ref();
  return item.worker;
}
async function releaseEarlyWorkers() {
  const left = early;
  early = [];
  await Promise.all(left.map((e) => e.worker.terminate().catch(() => void 0)));
}

export {
  compileWasmOptimized,
  compileRestBaseline,
  compileWasmDefault,
  MIN_FILES_FOR_WORKERS,
  workerEntry,
  mayScanMany,
  otherCores,
  startScanWorkersEarly,
  takeEarlyWorker,
  releaseEarlyWorkers
};
