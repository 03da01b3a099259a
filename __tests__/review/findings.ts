import type { Finding } from '../../src/assess/finding.js';
import { changedFileFromGithub } from '../../src/diff/github-patch.js';
import type { ChangedFile } from '../../src/diff/change-set.js';

/** A finding with defaults, for tests that build findings directly. */
export function finding(over: Partial<Finding> & Pick<Finding, 'path' | 'startLine'>): Finding {
  return {
    endLine: over.startLine,
    language: 'python',
    unit: 'handler',
    cwe: 'CWE-89',
    guidelines: [{ id: 'CWE-89.g1', text: 'Pass user input as query parameters, never by formatting it into SQL.' }],
    message: 'SQL built by formatting user input into the query string.',
    source: 'rule',
    ruleId: 'cwe-89.python.execute-fstring',
    severity: 'high',
    confidence: 'high',
    ...over,
    // Short test ids (a1, c2) padded to the 20 hex characters of a real fingerprint.
    fingerprint: (over.fingerprint ?? `${over.path}${over.startLine}`).replace(/[^0-9a-f]/g, '').padEnd(20, '0').slice(0, 20),
  };
}

export function githubFile(path: string, patch: string): ChangedFile {
  const { file } = changedFileFromGithub({ filename: path, status: 'modified', patch });
  if (!file) throw new Error('no file');
  return file;
}
