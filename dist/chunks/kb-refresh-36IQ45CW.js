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
} from "./chunk-IHLSKOZ4.js";
import "./chunk-AMQQTOZ4.js";
import "./chunk-JAZMMTRO.js";
import "./chunk-DMIKDT4G.js";
import "./chunk-CH6YD5QR.js";
import "./chunk-YURBU5SH.js";
import "./chunk-ATV33OIO.js";
import "./chunk-4KPSJP3U.js";
import "./chunk-SEY4TM5T.js";
import "./chunk-UNYYYCUT.js";
import "./chunk-VWQMS5WY.js";
import "./chunk-2TTF3MLN.js";
import "./chunk-ABAPLBC4.js";
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
