import fs from 'node:fs/promises';
import path from 'node:path';
import { sha256, stableStringify } from '../stable-json.js';

/** A validated reply and what it cost, cached so that a resumed build makes no call it already made. */
export interface CachedReply {
  readonly prompt: string;
  readonly model: string;
  readonly value: unknown;
}

export interface ReplyCache {
  get(key: string): Promise<CachedReply | undefined>;
  set(key: string, reply: CachedReply): Promise<void>;
}

export const DEFAULT_CACHE_DIR = '.rescue-cache/kb-build';

/** The cache key: the prompt version, the model, and the exact messages of the batch. */
export function replyKey(prompt: string, model: string, content: unknown): string {
  return sha256(stableStringify({ prompt, model, content }));
}

/** One JSON file per key, written atomically (temp file + rename) so an interrupted run leaves no torn entry. */
export function directoryCache(dir: string): ReplyCache {
  return {
    async get(key) {
      try {
        return JSON.parse(await fs.readFile(path.join(dir, `${key}.json`), 'utf8')) as CachedReply;
      } catch {
        return undefined;
      }
    },
    async set(key, reply) {
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${key}.json`);
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, `${stableStringify(reply, 2)}\n`);
      await fs.rename(tmp, file);
    },
  };
}

export function memoryCache(): ReplyCache & { readonly size: number } {
  const map = new Map<string, CachedReply>();
  return {
    get size() {
      return map.size;
    },
    get: async (key) => map.get(key),
    set: async (key, reply) => void map.set(key, reply),
  };
}
