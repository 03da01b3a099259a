import { ConfigurationError } from '../config/errors.js';
import type { CliIo } from './command.js';

/**
 * An OpenAI-compatible endpoint from `--base-url` or OPENAI_BASE_URL, with the key from OPENAI_API_KEY
 * (never a flag: keys do not belong in shell history). A local server needs no key.
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
  const apiKey = io.env.OPENAI_API_KEY ?? (local ? 'none' : undefined);
  if (!apiKey) throw new ConfigurationError(`set OPENAI_API_KEY for ${host}`);
  return { baseURL, apiKey, maxRetries: 3 };
}
