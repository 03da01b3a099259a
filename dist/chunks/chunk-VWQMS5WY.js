#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);

// src/config/errors.ts
var ConfigurationError = class extends Error {
  name = "ConfigurationError";
};

export {
  ConfigurationError
};
