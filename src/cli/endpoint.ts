import { ConfigurationError } from '../config/errors.js';
import type { CliIo } from './command.js';

/**
 * An OpenAI-compatible endpoint from `--base-url` or OPENAI_BASE_URL, with the key from OPENAI_API_KEY
 * (never a flag: keys do not belong in shell history). GitHub Models takes the GitHub token as its key; a
 * local server needs none.
 */
export function endpointSettings(flag: string | undefined, io: CliIo, purpose = 'an OpenAI-compatible endpoint is needed') {
  const baseURL = flag ?? io.env.OPENAI_BASE_URL;
  if (!baseURL) throw new ConfigurationError(`${purpose}: pass --base-url URL or set OPENAI_BASE_URL`);
  let host: string;
  try {
    host = new URL(baseURL).hostname;
  } catch {
    throw new ConfigurationError(`--base-url / OPENAI_BASE_URL is not a URL: ${baseURL}`);
  }
  const local = host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  const githubModels = host === 'models.github.ai' || host === 'models.inference.ai.azure.com';
  // An unset secret reaches a workflow step as an empty string: treat it as absent.
  const apiKey = (io.env.OPENAI_API_KEY || undefined) ?? (githubModels ? (io.env.GITHUB_TOKEN || io.env.GH_TOKEN || undefined) : undefined) ?? (local ? 'none' : undefined);
  if (!apiKey) throw new ConfigurationError(`set OPENAI_API_KEY for ${host}${githubModels ? ' (or GITHUB_TOKEN, with models: read)' : ''}`);
  return { baseURL, apiKey, maxRetries: 3 };
}
