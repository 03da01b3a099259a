import fs from 'node:fs';
import path from 'node:path';
import type { FileSource } from './file-source.js';

/**
 * Files of a working tree. By default refuses paths that climb out of the root, which a hostile diff could
 * name; `confine: false` is for paths the user typed.
 */
export function localFileSource(root: string, options: { confine?: boolean } = {}): FileSource {
  const base = path.resolve(root);
  const confine = options.confine ?? true;
  return {
    async read(file) {
      const abs = path.resolve(base, file);
      if (confine && abs !== base && !abs.startsWith(base + path.sep)) throw new Error(`path leaves the repository: ${file}`);
      try {
        // Synchronous: a local file is read in microseconds, and the promise round trip per file cost more
        // than the read when a scan reads thousands of them.
        return fs.readFileSync(abs);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}
