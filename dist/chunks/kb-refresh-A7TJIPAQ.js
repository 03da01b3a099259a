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
} from "./chunk-66BFBTNG.js";
import "./chunk-SS3YBPAR.js";
import "./chunk-JAZMMTRO.js";
import "./chunk-MDYSGOPK.js";
import "./chunk-CH6YD5QR.js";
import "./chunk-ZS4FDVM6.js";
import "./chunk-ATV33OIO.js";
import "./chunk-4KPSJP3U.js";
import "./chunk-W2A7JOCK.js";
import "./chunk-IJ4VWVQN.js";
import "./chunk-VWQMS5WY.js";
import "./chunk-2TTF3MLN.js";
import "./chunk-SGNLB7YJ.js";
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
