import type { SkipReason } from '../diff/change-set.js';

/** Where the reviewed revision of a file comes from: the GitHub API at the head SHA, or the local disk. */
export interface FileSource {
  /** The file's bytes, or undefined when it does not exist at that revision. Throws on other failures. */
  read(path: string): Promise<Uint8Array | undefined>;
}

/** A read that failed for a reason the review reports as such (rather than as 'unreadable'). */
export class FileSkip extends Error {
  constructor(
    readonly reason: SkipReason,
    message: string,
  ) {
    super(message);
  }
}
