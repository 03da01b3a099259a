#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);

// src/version.ts
var VERSION = true ? "0.1.0" : "dev";
var TOOL_NAME = "RESCUE";
var TOOL_URI = "https://github.com/rescue-action/rescue-action";

export {
  VERSION,
  TOOL_NAME,
  TOOL_URI
};
