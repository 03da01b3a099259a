#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  serveScanWorker
} from "./chunks/chunk-PBT5IVSD.js";
import "./chunks/chunk-DT2H2AFB.js";
import "./chunks/chunk-HNZHNLNH.js";
import "./chunks/chunk-R2CPWWUL.js";
import "./chunks/chunk-IAMBVRVW.js";
import "./chunks/chunk-IZSOHOH4.js";
import "./chunks/chunk-2TTF3MLN.js";
import "./chunks/chunk-RHUYUCDS.js";
import "./chunks/chunk-CRED6XFA.js";
import "./chunks/chunk-3NGA7WQV.js";
import "./chunks/chunk-QPWDPIWN.js";

// src/pipeline/scan-worker.ts
serveScanWorker();
