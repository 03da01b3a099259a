#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  serveScanWorker
} from "./chunks/chunk-35OYHCPW.js";
import "./chunks/chunk-6VWHW54I.js";
import "./chunks/chunk-O4L3VDKH.js";
import "./chunks/chunk-CO5LKG5J.js";
import "./chunks/chunk-FIWHWDHJ.js";
import "./chunks/chunk-2TTF3MLN.js";
import "./chunks/chunk-RHUYUCDS.js";
import "./chunks/chunk-VRMTM6PE.js";
import "./chunks/chunk-3G4D2GUE.js";
import "./chunks/chunk-QPWDPIWN.js";

// src/pipeline/scan-worker.ts
serveScanWorker();
