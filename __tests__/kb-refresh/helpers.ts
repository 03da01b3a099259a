import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REFRESH_DATA = path.join(import.meta.dirname, '..', 'data', 'refresh');
export const KB_SOURCES = path.join(import.meta.dirname, '..', 'data', 'kb', 'sources');

/** A temp repository root with kb/sources copied from the KB test fixtures. */
export function tempRoot(): { root: string; cleanup(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-refresh-'));
  fs.cpSync(KB_SOURCES, path.join(root, 'kb', 'sources'), { recursive: true });
  return { root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** Every file under `dir` with the sha256 of its content: equal snapshots mean nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
