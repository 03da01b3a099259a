#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  MINING_OPTIONS,
  countingLogger,
  gitHubClientFor,
  kbRefresh,
  llmEndpoint,
  parseKbArgs,
  positiveInt
} from "./chunk-SZMJOT4I.js";
import "./chunk-XRNMXZIQ.js";
import "./chunk-JAZMMTRO.js";
import "./chunk-HQVBFA76.js";
import "./chunk-CH6YD5QR.js";
import "./chunk-WK32BA5M.js";
import "./chunk-ATV33OIO.js";
import "./chunk-4KPSJP3U.js";
import "./chunk-GR4KDLIE.js";
import "./chunk-54NSM33Z.js";
import "./chunk-VWQMS5WY.js";
import "./chunk-2TTF3MLN.js";
import "./chunk-LP3BG5ZA.js";
import "./chunk-QPWDPIWN.js";
export {
  MINING_OPTIONS,
  countingLogger,
  gitHubClientFor,
  kbRefresh,
  llmEndpoint,
  parseKbArgs,
  positiveInt
};
