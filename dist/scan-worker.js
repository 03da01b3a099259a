#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  serveScanWorker
} from "./chunks/chunk-Z3DYFJK3.js";
import "./chunks/chunk-5MUSFW3V.js";
import "./chunks/chunk-SEY4TM5T.js";
import "./chunks/chunk-3N6JHB3G.js";
import "./chunks/chunk-S3K4LABZ.js";
import "./chunks/chunk-2TTF3MLN.js";
import "./chunks/chunk-RHUYUCDS.js";
import "./chunks/chunk-IQT3MKUD.js";
import "./chunks/chunk-ABAPLBC4.js";
import "./chunks/chunk-QPWDPIWN.js";

// src/pipeline/scan-worker.ts
serveScanWorker();
