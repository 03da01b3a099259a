#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  serveScanWorker
} from "./chunks/chunk-JB3MFJGU.js";
import "./chunks/chunk-RVRUFMFC.js";
import "./chunks/chunk-F2IHUL6Y.js";
import "./chunks/chunk-6HZ3GSLQ.js";
import "./chunks/chunk-PV336EX2.js";
import "./chunks/chunk-LEQKGBRH.js";
import "./chunks/chunk-2TTF3MLN.js";
import "./chunks/chunk-RHUYUCDS.js";
import "./chunks/chunk-OYKYU7HV.js";
import "./chunks/chunk-5GWTNGJF.js";
import "./chunks/chunk-QPWDPIWN.js";

// src/pipeline/scan-worker.ts
serveScanWorker();
