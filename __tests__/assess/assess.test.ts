import { assessUnits, verificationsFor, type AssessInput } from '../../src/assess/assess.js';
import type { RuleBook } from '../../src/assess/rule-book.js';
import type { UnitSlicer } from '../../src/assess/relevance.js';
import type { Language } from '../../src/code/languages.js';
import { extractUnits } from '../../src/code/units.js';
import { defaultSlicer } from '../../src/pipeline/assessment.js';
import { fixtureRuleBook } from './kb-book.js';
import { rule } from './rule-helpers.js';

/** Fires on calls to `evil(...)`; the fix each test gives decides what happens next. */
const evilQuery = '((call function: (identifier) @f arguments: (argument_list) @args) @call (#eq? @f "evil"))';

async function assess(
  path: string,
  text: string,
  rules: RuleBook,
  options: Partial<Pick<AssessInput, 'config' | 'slicer' | 'mode'>> & { changedLines?: number[] } = {},
) {
  const language: Language = path.endsWith('.py') ? 'python' : 'javascript';
  const { units } = await extractUnits({ path, language, text, changedLines: options.changedLines });
  return assessUnits({
    units,
    files: new Map([[path, { text, language }]]),
    rules,
    mode: options.mode ?? (options.changedLines ? 'review' : 'scan'),
    config: options.config,
    slicer: options.slicer,
  });
}

const handler = `import os


def handler(request):
    data = request.args["q"]
    return evil(data)
`;

describe('fixes', () => {
  test('a large file verifies a bounded number of fixes; the rest keep their findings, listed with the reason', async () => {
    const book = fixtureRuleBook([rule({ language: 'python', query: evilQuery, report: 'call', fix: { description: 'Call safe instead.', edits: [{ capture: 'f', replace: 'safe' }], imports: [] } })]);
    // 230 findings in a file of about 130 KB: the budget allows 20 M / 130 K = 150 or so verifications.
    const pad = `    # ${'x'.repeat(500)}\n`;
    const text = Array.from({ length: 230 }, (_, i) => `def handler_${i}(request):\n${pad}    return evil(request.args["q${i}"])\n`).join('\n\n');
    const allowed = verificationsFor(text.length);
    expect(allowed).toBeGreaterThan(100);
    expect(allowed).toBeLessThan(230);
    const out = await assess('big.py', text, book);
    expect(out.findings).toHaveLength(230);
    expect(out.findings.filter((f) => f.fix?.verified)).toHaveLength(allowed);
    expect(out.rejectedFixes).toHaveLength(230 - allowed);
    expect(out.rejectedFixes.every((r) => r.check === 'budget')).toBe(true);
  });

  test('the verification budget: every fix of an ordinary file, about 20 MB of text in all for a big one', () => {
    expect(verificationsFor(4_000)).toBe(5_000);
    expect(verificationsFor(50_000)).toBe(400);
    expect(verificationsFor(1_000_000)).toBe(20);
  });

  test('a verified fix replaces whole lines and carries the description', async () => {
    const book = fixtureRuleBook([rule({ language: 'python', query: evilQuery, report: 'call', fix: { description: 'Call safe instead.', edits: [{ capture: 'f', replace: 'safe' }], imports: [] } })]);
    const out = await assess('app.py', handler, book);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]!.fix).toEqual({ startLine: 6, endLine: 6, replacement: '    return safe(data)', verified: true, description: 'Call safe instead.' });
    expect(out.rejectedFixes).toEqual([]);
  });

  test('a fix that would not parse is rejected with its reason; the finding keeps its explanation', async () => {
    const book = fixtureRuleBook([rule({ language: 'python', query: evilQuery, report: 'call', message: 'evil is evil, as explained', fix: { description: 'Broken.', edits: [{ capture: 'args', replace: '(data' }], imports: [] } })]);
    const out = await assess('app.py', handler, book);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]!.fix).toBeUndefined();
    expect(out.findings[0]!.message).toBe('evil is evil, as explained');
    expect(out.rejectedFixes).toEqual([
      expect.objectContaining({ fingerprint: out.findings[0]!.fingerprint, check: 'parse', reason: expect.stringMatching(/^the new code does not parse: line 6/) }),
    ]);
  });

  test('a fix that leaves the rule firing is rejected', async () => {
    const book = fixtureRuleBook([rule({ language: 'python', query: evilQuery, report: 'call', fix: { description: 'Strip.', edits: [{ capture: 'args', replace: '(data.strip())' }], imports: [] } })]);
    const out = await assess('app.py', handler, book);
    expect(out.findings[0]!.fix).toBeUndefined();
    expect(out.rejectedFixes).toEqual([expect.objectContaining({ check: 'rule-still-fires', reason: expect.stringContaining('still fires at line 6') })]);
  });

  test('a fix that needs an import the file lacks: verified with the import, which the fix lists and describes', async () => {
    const book = fixtureRuleBook([
      rule({ language: 'python', query: evilQuery, report: 'call', fix: { description: 'Quote the value.', edits: [{ capture: 'f', replace: 'shlex.quote' }], imports: ['import shlex'] } }),
    ]);
    const out = await assess('app.py', handler, book);
    expect(out.findings[0]!.fix).toEqual({
      startLine: 6,
      endLine: 6,
      replacement: '    return shlex.quote(data)',
      verified: true,
      description: "Quote the value. Also add `import shlex` to the file's imports.",
      imports: ['import shlex'],
    });
  });

  test('a fix whose import is already there lists none', async () => {
    const book = fixtureRuleBook([rule({ language: 'python', query: evilQuery, report: 'call', fix: { description: 'Use os.fspath.', edits: [{ capture: 'f', replace: 'os.fspath' }], imports: ['import os'] } })]);
    const out = await assess('app.py', handler, book);
    expect(out.findings[0]!.fix).toMatchObject({ verified: true, description: 'Use os.fspath.' });
    expect(out.findings[0]!.fix!.imports).toBeUndefined();
  });

  test('JavaScript: the import is added in the file style (require)', async () => {
    const js = "const fs = require('fs');\n\nfunction token() {\n  return evil(16);\n}\n";
    const book = fixtureRuleBook([
      rule({
        language: 'javascript',
        query: '((call_expression function: (identifier) @f) @call (#eq? @f "evil"))',
        report: 'call',
        fix: { description: 'Use crypto.', edits: [{ capture: 'f', replace: 'crypto.randomBytes' }], imports: ["import crypto from 'node:crypto';"] },
      }),
    ]);
    const out = await assess('token.js', js, book);
    expect(out.findings[0]!.fix).toMatchObject({ verified: true, replacement: '  return crypto.randomBytes(16);', imports: ["const crypto = require('node:crypto');"] });
  });
});

describe('findings', () => {
  test('carry CWE, guideline, severity, confidence and unit; fingerprints survive a line shift', async () => {
    const book = fixtureRuleBook([rule({ language: 'python', query: evilQuery, report: 'call', cwe: 'CWE-78', guideline: 'CWE-78.g1', severity: 'critical', confidence: 'medium' } as never)]);
    const a = await assess('app.py', handler, book);
    const b = await assess('app.py', `# a comment\n\n${handler.replace('    return evil(data)', '    return   evil(data)')}`, book);
    expect(a.findings[0]).toMatchObject({
      path: 'app.py',
      startLine: 6,
      endLine: 6,
      language: 'python',
      unit: 'handler',
      cwe: 'CWE-78',
      guidelines: [{ id: 'CWE-78.g1', text: 'guideline text of CWE-78.g1' }],
      source: 'rule',
      severity: 'critical',
      confidence: 'medium',
    });
    expect(b.findings[0]!.startLine).toBe(8);
    expect(b.findings[0]!.fingerprint).toBe(a.findings[0]!.fingerprint);
  });

  test('two identical lines in one file get distinct fingerprints', async () => {
    const book = fixtureRuleBook([rule({ language: 'python', query: evilQuery, report: 'call' })]);
    const out = await assess('app.py', 'def a(x):\n    return evil(x)\n\n\ndef b(x):\n    return evil(x)\n', book);
    expect(out.findings).toHaveLength(2);
    expect(out.findings[0]!.fingerprint).not.toBe(out.findings[1]!.fingerprint);
  });

  test('the severity threshold leaves lower findings out and counts them', async () => {
    const book = fixtureRuleBook([rule({ language: 'python', query: evilQuery, report: 'call', severity: 'medium' })]);
    const out = await assess('app.py', handler, book, { config: { severityThreshold: 'high' } });
    expect(out.findings).toEqual([]);
    expect(out.belowThreshold).toBe(1);
  });
});

describe('suppressions', () => {
  const book = () => fixtureRuleBook([rule({ language: 'python', query: evilQuery, report: 'call', cwe: 'CWE-78' } as never)]);

  test.each([
    ['on the line above', '    # rescue-ignore CWE-78: the value is an enum member\n    return evil(data)', 'the value is an enum member'],
    ['at the end of the line', '    return evil(data)  # rescue-ignore -- reviewed in #123', 'reviewed in #123'],
    ['without a reason', '    return evil(data)  # rescue-ignore', 'rescue-ignore comment without a reason'],
  ])('an inline comment %s suppresses the finding, which is reported with its reason', async (_where, code, reason) => {
    const out = await assess('app.py', handler.replace('    return evil(data)', code), book());
    expect(out.findings).toEqual([]);
    expect(out.suppressed).toEqual([expect.objectContaining({ cwe: 'CWE-78', suppression: expect.objectContaining({ kind: 'inline', reason }) })]);
  });

  test('a comment naming another CWE, a comment two lines up, or the marker in a string do not suppress', async () => {
    for (const code of [
      '    # rescue-ignore CWE-89\n    return evil(data)',
      '    # rescue-ignore\n    data = data\n    return evil(data)',
      '    return evil(data, "rescue-ignore")',
    ]) {
      const out = await assess('app.py', handler.replace('    return evil(data)', code), book());
      expect(out.findings).toHaveLength(1);
      expect(out.suppressed).toEqual([]);
    }
  });

  test('JavaScript block and line comments', async () => {
    const js = 'function f(x) {\n  /* rescue-ignore[CWE-1] trusted */\n  evil(x);\n  evil(x + 1); // rescue-ignore\n  evil(x + 2);\n}\n';
    const jsBook = fixtureRuleBook([rule({ language: 'javascript', query: '((call_expression function: (identifier) @f) @call (#eq? @f "evil"))', report: 'call' })]);
    const out = await assess('f.js', js, jsBook);
    expect(out.findings.map((f) => f.startLine)).toEqual([5]);
    expect(out.suppressed.map((f) => [f.startLine, f.suppression.reason])).toEqual([
      [3, 'trusted'],
      [4, 'rescue-ignore comment without a reason'],
    ]);
  });

  test('the repository configuration disables rules and CWEs', async () => {
    const r = rule({ language: 'python', query: evilQuery, report: 'call', cwe: 'CWE-78' } as never);
    const byRule = await assess('app.py', handler, fixtureRuleBook([r]), { config: { disableRules: [r.id] } });
    expect(byRule.suppressed).toEqual([expect.objectContaining({ suppression: { kind: 'config', reason: `rule ${r.id} is disabled by the repository configuration` } })]);
    const byCwe = await assess('app.py', handler, fixtureRuleBook([r]), { config: { disableCwes: ['CWE-78'] } });
    expect(byCwe.findings).toEqual([]);
    expect(byCwe.suppressed[0]!.suppression.reason).toBe('CWE-78 is disabled by the repository configuration');
  });
});

describe('review mode', () => {
  const book = () => fixtureRuleBook([rule({ language: 'python', query: evilQuery, report: 'call' })]);
  const text = `def handler(request):
    name = request.args["name"]
    label = name.title()
    unrelated = 3
    log(unrelated)
    evil(label)
    evil("constant")


def untouched(x):
    return evil(x)
`;

  test('a finding on a changed line is reported', async () => {
    const out = await assess('app.py', text.replace('evil(label)', 'evil(label + name)'), book(), { changedLines: [6] });
    expect(out.findings.map((f) => f.startLine)).toEqual([6]);
  });

  test('an unchanged finding is reported only when the slice around the changed lines reaches it', async () => {
    // Line 2 changed: the program slice (2 hops) reaches line 6 through label, not line 7.
    const out = await assess('app.py', text, book(), { changedLines: [2], slicer: defaultSlicer });
    expect(out.findings.map((f) => f.startLine)).toEqual([6]);
    expect(out.unrelated).toBe(1);
    // Line 4 changed: nothing of it flows into either call.
    const other = await assess('app.py', text, book(), { changedLines: [4], slicer: defaultSlicer });
    expect(other.findings).toEqual([]);
  });

  test('the slicer is injectable; without one, shared names decide', async () => {
    const slicer: UnitSlicer = async () => ({ lines: [7] });
    expect((await assess('app.py', text, book(), { changedLines: [2], slicer })).findings.map((f) => f.startLine)).toEqual([7]);
    const heuristic = await assess('app.py', text, book(), { changedLines: [3], mode: 'review' });
    expect(heuristic.findings.map((f) => f.startLine)).toEqual([6]);
  });

  test('a match in a function the change does not touch is not reported', async () => {
    const out = await assess('app.py', text, book(), { changedLines: [2, 6, 7] });
    expect(out.findings.map((f) => f.unit)).toEqual(['handler', 'handler']);
  });
});
