import { createHash } from 'node:crypto';

/**
 * The hidden marker RESCUE leaves at the very end of everything it posts, so a later run can tell which
 * findings already have a comment. It carries the finding's fingerprint (CWE, rule or model, path and the
 * normalized code: never the line number, so code moving does not make a finding new) and the version of
 * the review prompt (or `rules` for offline findings).
 *
 * Only the marker at the end of a body counts: code quoted earlier in the comment (a suggestion block) could
 * contain marker-looking text, and comments by anyone but the token's own user are never read at all.
 */
export interface CommentMarker {
  readonly fingerprint: string;
  readonly version: string;
}

const FP = /^[0-9a-f]{8,64}$/;

/**
 * The fingerprint as markers carry it. Findings' fingerprints are hex already (src/assess/fingerprint.ts);
 * anything else is hashed rather than trusted into an HTML comment.
 */
export function markerFingerprint(fingerprint: string): string {
  return FP.test(fingerprint) ? fingerprint : createHash('sha256').update(fingerprint).digest('hex').slice(0, 20);
}
const VERSION = /^[A-Za-z0-9._-]{1,40}$/;

export function renderMarker(marker: CommentMarker): string {
  if (!VERSION.test(marker.version)) throw new Error(`not a marker version: ${marker.version}`);
  return `<!-- rescue:fp=${markerFingerprint(marker.fingerprint)};v=${marker.version} -->`;
}

/** The marker at the end of a comment body, or undefined. */
export function parseMarker(body: string): CommentMarker | undefined {
  const m = /<!-- rescue:fp=([0-9a-f]{8,64});v=([A-Za-z0-9._-]{1,40}) -->\s*$/.exec(body);
  return m ? { fingerprint: m[1]!, version: m[2]! } : undefined;
}

/** A review body lists several findings; one marker at its end names them all. */
export function renderBodyMarker(fingerprints: readonly string[], version: string): string {
  const fps = fingerprints.map(markerFingerprint);
  if (!VERSION.test(version)) throw new Error(`not a marker version: ${version}`);
  return `<!-- rescue:review;fps=${fps.join(',')};v=${version} -->`;
}

export function parseBodyMarker(body: string): { fingerprints: string[]; version: string } | undefined {
  const m = /<!-- rescue:review;fps=((?:[0-9a-f]{8,64})?(?:,[0-9a-f]{8,64})*);v=([A-Za-z0-9._-]{1,40}) -->\s*$/.exec(body);
  if (!m) return undefined;
  return { fingerprints: m[1] ? m[1].split(',') : [], version: m[2]! };
}

/** The first line of a comment RESCUE edited because its finding is gone; kept so the edit happens once. */
export const OUTDATED_NOTE = '> [!NOTE]\n> **Outdated:** RESCUE no longer finds this';

export function isMarkedOutdated(body: string): boolean {
  return body.startsWith(OUTDATED_NOTE);
}
