import type { Skipped } from '../diff/change-set.js';

/**
 * Decides whether a file's bytes are reviewable source and decodes them. Files that are binary, too large,
 * minified or not text are skipped with a reason and a detail a user can act on; nothing is silently lost.
 * The text is returned as written (CRLF stays CRLF: line numbers must match the diff); only a byte-order
 * mark is dropped.
 */

export interface SourceLimits {
  /** Larger files are skipped as 'too-large'. Default 1 MB (1,048,576 bytes). */
  readonly maxBytes?: number;
  /** A longer line marks the file as 'minified'. Default 5,000 characters. */
  readonly maxLineLength?: number;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_MAX_LINE_LENGTH = 5000;
/** Hand-written code averages 30 to 40 characters a line; 500 is generated or minified. */
const MAX_AVERAGE_LINE_LENGTH = 500;
/** Below this size the average says little (a one-line file) and costs nothing to review. */
const MIN_SIZE_FOR_AVERAGE = 4096;
/** As git does (it looks at 8,000 bytes): a NUL byte near the start means binary. */
const BINARY_SNIFF_BYTES = 8192;

export function readSource(
  path: string,
  bytes: Uint8Array,
  limits: SourceLimits = {},
): { text: string } | { skipped: Skipped } {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxLineLength = limits.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const skip = (reason: Skipped['reason'], detail: string) => ({ skipped: { path, reason, detail } });

  const utf16 = utf16Encoding(bytes);
  if (!utf16 && bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return skip('binary', 'contains NUL bytes in the first 8 KB');
  }
  if (bytes.length > maxBytes) {
    return skip('too-large', `${formatBytes(bytes.length)} is over the limit of ${formatBytes(maxBytes)}`);
  }

  let text: string;
  try {
    // fatal: invalid bytes throw instead of becoming U+FFFD; the BOM is stripped by default.
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = utf16 ? undefined : firstInvalidUtf8(bytes);
    return skip('encoding', `not valid ${utf16 ?? 'UTF-8'}${offset === undefined ? '' : ` (first bad byte at offset ${offset})`}`);
  }

  const { longest, longestLine, lines } = lineStats(text);
  if (longest > maxLineLength) {
    return skip('minified', `line ${longestLine} is ${longest.toLocaleString('en-US')} characters long (limit ${maxLineLength.toLocaleString('en-US')})`);
  }
  const average = lines > 0 ? text.length / lines : 0;
  if (text.length >= MIN_SIZE_FOR_AVERAGE && average > MAX_AVERAGE_LINE_LENGTH) {
    return skip('minified', `average line length is ${Math.round(average)} characters (limit ${MAX_AVERAGE_LINE_LENGTH})`);
  }
  return { text };
}

/** UTF-16 is accepted only with a byte-order mark: without one it cannot be told from binary. */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function lineStats(text: string): { longest: number; longestLine: number; lines: number } {
  let longest = 0;
  let longestLine = 0;
  let lines = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lines++;
    if (end - start > longest) {
      longest = end - start;
      longestLine = lines;
    }
    start = end + 1;
  }
  return { longest, longestLine, lines };
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629), for the skip detail. */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return undefined;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB (${n.toLocaleString('en-US')} bytes)`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB (${n.toLocaleString('en-US')} bytes)`;
  return `${n} bytes`;
}
