#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  parse
} from "./chunks/chunk-LNAC4FVD.js";

// src/action/index.ts
var t = await parse("python", "def f():\n  pass\n");
console.log(t.rootNode.toString());
