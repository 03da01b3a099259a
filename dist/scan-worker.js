#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  serveScanWorker
} from "./chunks/chunk-BDJO3ODY.js";
import "./chunks/chunk-53DKW52X.js";
import "./chunks/chunk-ZACGEB6G.js";
import "./chunks/chunk-VU3KYARC.js";
import "./chunks/chunk-O5PVJAPV.js";
import "./chunks/chunk-2TTF3MLN.js";
import "./chunks/chunk-RHUYUCDS.js";
import "./chunks/chunk-T2C5E42D.js";
import "./chunks/chunk-U2CYGBNX.js";
import "./chunks/chunk-QPWDPIWN.js";

// src/pipeline/scan-worker.ts
serveScanWorker();
