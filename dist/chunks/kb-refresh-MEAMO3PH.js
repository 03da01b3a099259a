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
} from "./chunk-T3WDP46M.js";
import "./chunk-AKZXE4QP.js";
import "./chunk-JAZMMTRO.js";
import "./chunk-NSJJE43H.js";
import "./chunk-CH6YD5QR.js";
import "./chunk-G53U5XIR.js";
import "./chunk-ATV33OIO.js";
import "./chunk-4KPSJP3U.js";
import "./chunk-6HZ3GSLQ.js";
import "./chunk-CSCWW7U3.js";
import "./chunk-VWQMS5WY.js";
import "./chunk-2TTF3MLN.js";
import "./chunk-5GWTNGJF.js";
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
