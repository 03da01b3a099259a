#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  serveScanWorker
} from "./chunks/chunk-YARBR34N.js";
import "./chunks/chunk-AWBXX4NX.js";
import "./chunks/chunk-MDEM3JTH.js";
import "./chunks/chunk-2MMIEYYJ.js";
import "./chunks/chunk-ADEYUV6B.js";
import "./chunks/chunk-2TTF3MLN.js";
import "./chunks/chunk-RHUYUCDS.js";
import "./chunks/chunk-IOMNMKSW.js";
import "./chunks/chunk-HYQ6AYIB.js";
import "./chunks/chunk-QPWDPIWN.js";

// src/pipeline/scan-worker.ts
serveScanWorker();
