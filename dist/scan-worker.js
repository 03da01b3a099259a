#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  serveScanWorker
} from "./chunks/chunk-CZWMRCNB.js";
import "./chunks/chunk-52X5ZJYT.js";
import "./chunks/chunk-H2Z4LWRC.js";
import "./chunks/chunk-G24ALSKH.js";
import "./chunks/chunk-LWXECMJQ.js";
import "./chunks/chunk-2TTF3MLN.js";
import "./chunks/chunk-RHUYUCDS.js";
import "./chunks/chunk-EKHYBW2Q.js";
import "./chunks/chunk-2FL46YXB.js";
import "./chunks/chunk-QPWDPIWN.js";

// src/pipeline/scan-worker.ts
serveScanWorker();
