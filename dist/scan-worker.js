#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  serveScanWorker
} from "./chunks/chunk-NX73LZIY.js";
import "./chunks/chunk-EHLLLZH3.js";
import "./chunks/chunk-W2A7JOCK.js";
import "./chunks/chunk-T4CQWGLM.js";
import "./chunks/chunk-BDRLHSWB.js";
import "./chunks/chunk-2TTF3MLN.js";
import "./chunks/chunk-RHUYUCDS.js";
import "./chunks/chunk-OOG5PVXI.js";
import "./chunks/chunk-SGNLB7YJ.js";
import "./chunks/chunk-QPWDPIWN.js";

// src/pipeline/scan-worker.ts
serveScanWorker();
