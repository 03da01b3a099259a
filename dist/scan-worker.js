#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  serveScanWorker
} from "./chunks/chunk-QG4324KH.js";
import "./chunks/chunk-D4TCC2WQ.js";
import "./chunks/chunk-GR4KDLIE.js";
import "./chunks/chunk-5XSV32KK.js";
import "./chunks/chunk-JFYWD3AG.js";
import "./chunks/chunk-2TTF3MLN.js";
import "./chunks/chunk-RHUYUCDS.js";
import "./chunks/chunk-M6TROREV.js";
import "./chunks/chunk-LP3BG5ZA.js";
import "./chunks/chunk-QPWDPIWN.js";

// src/pipeline/scan-worker.ts
serveScanWorker();
