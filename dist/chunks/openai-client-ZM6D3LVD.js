#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  createOpenAiChatClient,
  createOpenAiEmbedder
} from "./chunk-CATR4D3V.js";
import "./chunk-QPWDPIWN.js";
export {
  createOpenAiChatClient,
  createOpenAiEmbedder
};
