#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  serveScanWorker
} from "./chunks/chunk-FGBTPFWD.js";
import "./chunks/chunk-KHX6542P.js";
import "./chunks/chunk-SKTGFX7I.js";
import "./chunks/chunk-PFMCH6KU.js";
import "./chunks/chunk-B5BJMFXM.js";
import "./chunks/chunk-2TTF3MLN.js";
import "./chunks/chunk-RHUYUCDS.js";
import "./chunks/chunk-ZB7XSPL6.js";
import "./chunks/chunk-U2AXLQXW.js";
import "./chunks/chunk-QPWDPIWN.js";

// src/pipeline/scan-worker.ts
serveScanWorker();
