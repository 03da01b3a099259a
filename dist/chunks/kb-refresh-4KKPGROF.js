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
} from "./chunk-TDFYFEAQ.js";
import "./chunk-QVN4CBAX.js";
import "./chunk-JAZMMTRO.js";
import "./chunk-CQGXX7VY.js";
import "./chunk-CH6YD5QR.js";
import "./chunk-35FHIODQ.js";
import "./chunk-ATV33OIO.js";
import "./chunk-4KPSJP3U.js";
import "./chunk-MDEM3JTH.js";
import "./chunk-52D3U5AJ.js";
import "./chunk-VWQMS5WY.js";
import "./chunk-2TTF3MLN.js";
import "./chunk-HYQ6AYIB.js";
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
