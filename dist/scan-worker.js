#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  serveScanWorker
} from "./chunks/chunk-NKBDRPMB.js";
import "./chunks/chunk-YG27PS32.js";
import "./chunks/chunk-S7WXNWXR.js";
import "./chunks/chunk-G3QCSQ4F.js";
import "./chunks/chunk-KHVTQXMD.js";
import "./chunks/chunk-DTECACHJ.js";
import "./chunks/chunk-2TTF3MLN.js";
import "./chunks/chunk-RHUYUCDS.js";
import "./chunks/chunk-HY7RJWAB.js";
import "./chunks/chunk-ZCLPTS52.js";
import "./chunks/chunk-7OFN7BBI.js";
import "./chunks/chunk-QPWDPIWN.js";

// src/pipeline/scan-worker.ts
serveScanWorker();
