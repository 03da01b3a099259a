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
} from "./chunk-DLEOA3KT.js";
import "./chunk-LUKOE3N6.js";
import "./chunk-JAZMMTRO.js";
import "./chunk-IAYEKO2Q.js";
import "./chunk-CH6YD5QR.js";
import "./chunk-YAW5J35F.js";
import "./chunk-ATV33OIO.js";
import "./chunk-4KPSJP3U.js";
import "./chunk-G3QCSQ4F.js";
import "./chunk-36CMHGC7.js";
import "./chunk-VWQMS5WY.js";
import "./chunk-2TTF3MLN.js";
import "./chunk-ZCLPTS52.js";
import "./chunk-7OFN7BBI.js";
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
