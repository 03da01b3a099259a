#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);

// src/cli/command.ts
var EXIT_OK = 0;
var EXIT_FINDINGS = 1;
var EXIT_USAGE = 2;

export {
  EXIT_OK,
  EXIT_FINDINGS,
  EXIT_USAGE
};
