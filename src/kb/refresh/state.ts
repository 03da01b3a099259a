import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ConfigurationError } from '../../config/errors.js';
import { stableStringify } from '../stable-json.js';

/**
 * Where the last refresh stopped, committed with the KB (kb/refresh-state.json): the `updated_at` of the
 * newest advisory read, and the advisories read at exactly that instant. The next run asks for advisories
 * modified at or after the cursor (the API's ranges are inclusive) and drops those it already read.
 */
export const REFRESH_STATE_VERSION = 1;

export const refreshStateSchema = z.strictObject({
  version: z.literal(REFRESH_STATE_VERSION),
  cursor: z.iso.datetime({ offset: true }),
  atCursor: z.array(z.string()),
});

export type RefreshState = z.infer<typeof refreshStateSchema>;

/** The state, or undefined when no refresh ran yet. A malformed file is a ConfigurationError, never a restart. */
export async function readRefreshState(file: string): Promise<RefreshState | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigurationError(`${file}: not JSON (${(e as Error).message}); fix it or pass --since DATE`);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (version !== REFRESH_STATE_VERSION) throw new ConfigurationError(`${file}: state version ${String(version)} is not supported (this rescue reads ${REFRESH_STATE_VERSION})`);
  const parsed = refreshStateSchema.safeParse(json);
  if (!parsed.success) throw new ConfigurationError(`${file}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

export function serializeRefreshState(state: RefreshState): string {
  return `${stableStringify({ ...state, atCursor: [...state.atCursor].sort() }, 2)}\n`;
}

export async function writeRefreshState(file: string, state: RefreshState): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, serializeRefreshState(state));
}
