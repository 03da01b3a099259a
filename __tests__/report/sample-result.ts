import { emptyStats, type ReviewResult } from '../../src/pipeline/result.js';
import { finding } from '../review/findings.js';

/** A review result with a rule finding with a verified fix, one without, and a model finding. */
export const sampleResult: ReviewResult = {
  findings: [
    finding({
      path: 'app/reports.py',
      startLine: 36,
      fingerprint: '3241681bdef0ab4ea6c5',
      cwe: 'CWE-502',
      ruleId: 'cwe-502.python.yaml-load',
      unit: 'export_report',
      message: 'yaml.load without a safe Loader can construct arbitrary Python objects from the document.',
      guidelines: [{ id: 'CWE-502.g2', text: 'In Python, call yaml.safe_load and never pickle.loads on data that crossed a trust boundary.' }],
      fix: { startLine: 36, endLine: 36, replacement: '    settings = yaml.safe_load(request.get_data())', verified: true, description: 'Use yaml.safe_load.' },
    }),
    finding({ path: 'web/server.js', startLine: 13, endLine: 16, fingerprint: '2eada1b7554c9ba4449d', cwe: 'CWE-78', ruleId: 'cwe-78.javascript.exec-interpolated', language: 'javascript', unit: "app.post('/backup') callback", severity: 'medium' }),
    finding({ path: 'web/server.js', startLine: 20, fingerprint: '0123456789abcdef0123', cwe: 'CWE-330', source: 'llm', ruleId: undefined, language: 'javascript', unit: 'resetToken', severity: 'low', confidence: 'medium' }),
  ],
  suppressed: [],
  rejectedFixes: [],
  belowThreshold: 1,
  units: [],
  skipped: [{ path: 'big.min.js', reason: 'minified', detail: 'looks minified' }],
  parseErrors: [],
  stats: { ...emptyStats(), files: 2, units: 4, unitsSentToLlm: 1, llmCalls: 1, promptTokens: 1200, completionTokens: 300 },
};
