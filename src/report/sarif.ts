import type { Finding, Severity } from '../assess/finding.js';
import type { ReviewResult } from '../pipeline/result.js';
import { TOOL_NAME, TOOL_URI, VERSION } from '../version.js';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** GitHub code scanning reads `security-severity` (0-10) to rank alerts. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

function ruleIdOf(f: Finding): string {
  return f.ruleId ?? `${f.cwe.toLowerCase()}.llm`;
}

/** A SARIF 2.1.0 log of the findings, ready for github/codeql-action/upload-sarif. */
export function toSarif(result: ReviewResult): object {
  const rules = new Map<string, object>();
  for (const f of result.findings) {
    const id = ruleIdOf(f);
    if (rules.has(id)) continue;
    const guidance = f.guidelines.map((g) => `- ${g.id}: ${g.text}`).join('\n');
    rules.set(id, {
      id,
      name: id,
      shortDescription: { text: `${f.cwe}: ${firstSentence(f.message)}` },
      fullDescription: { text: f.message },
      help: { text: guidance || f.message, markdown: guidance || f.message },
      helpUri: `https://cwe.mitre.org/data/definitions/${f.cwe.replace('CWE-', '')}.html`,
      defaultConfiguration: { level: LEVEL[f.severity] },
      properties: { tags: ['security', f.cwe, `external/cwe/${f.cwe.toLowerCase()}`], 'security-severity': SECURITY_SEVERITY[f.severity], precision: f.confidence === 'high' ? 'high' : f.confidence === 'medium' ? 'medium' : 'low' },
    });
  }
  const ruleIndex = [...rules.keys()];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, informationUri: TOOL_URI, semanticVersion: VERSION === 'dev' ? undefined : VERSION, rules: [...rules.values()] } },
        results: result.findings.map((f) => ({
          ruleId: ruleIdOf(f),
          ruleIndex: ruleIndex.indexOf(ruleIdOf(f)),
          level: LEVEL[f.severity],
          message: { text: `${f.message}${f.guidelines.length ? ` (${f.guidelines.map((g) => g.id).join(', ')})` : ''}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.path, uriBaseId: '%SRCROOT%' },
                region: { startLine: f.startLine, endLine: f.endLine },
              },
              logicalLocations: [{ name: f.unit, kind: 'function' }],
            },
          ],
          partialFingerprints: { 'rescue/v1': f.fingerprint },
          ...(f.fix?.verified && {
            fixes: [
              {
                description: { text: f.fix.description ?? 'verified fix' },
                artifactChanges: [
                  {
                    artifactLocation: { uri: f.path, uriBaseId: '%SRCROOT%' },
                    replacements: [
                      {
                        deletedRegion: { startLine: f.fix.startLine, startColumn: 1, endLine: f.fix.endLine + 1, endColumn: 1 },
                        insertedContent: { text: f.fix.replacement + '\n' },
                      },
                    ],
                  },
                ],
              },
            ],
          }),
          properties: { cwe: f.cwe, source: f.source, confidence: f.confidence },
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

export function renderSarif(result: ReviewResult): string {
  return JSON.stringify(toSarif(result), null, 2) + '\n';
}

function firstSentence(text: string): string {
  const m = /^(.*?[.!?])(\s|$)/.exec(text);
  return m ? m[1] : text;
}
