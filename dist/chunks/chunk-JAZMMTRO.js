#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-VWQMS5WY.js";

// src/cli/endpoint.ts
function endpointSettings(flag, io, purpose = "an OpenAI-compatible endpoint is needed") {
  const baseURL = flag ?? io.env.OPENAI_BASE_URL;
  if (!baseURL) throw new ConfigurationError(`${purpose}: pass --base-url URL or set OPENAI_BASE_URL`);
  let host;
  try {
    host = new URL(baseURL).hostname;
  } catch {
    throw new ConfigurationError(`--base-url / OPENAI_BASE_URL is not a URL: ${baseURL}`);
  }
  const local = host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  const githubModels = host === "models.github.ai" || host === "models.inference.ai.azure.com";
  const apiKey = (io.env.OPENAI_API_KEY || void 0) ?? (githubModels ? io.env.GITHUB_TOKEN || io.env.GH_TOKEN || void 0 : void 0) ?? (local ? "none" : void 0);
  if (!apiKey) throw new ConfigurationError(`set OPENAI_API_KEY for ${host}${githubModels ? " (or GITHUB_TOKEN, with models: read)" : ""}`);
  return { baseURL, apiKey, maxRetries: 3 };
}

export {
  endpointSettings
};
