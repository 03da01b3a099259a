// Every replacement, whoever wrote it, passes these checks before anyone sees it.
import { compileRule } from '../../src/assess/rules/engine.js';
import { runRules } from '../../src/assess/rules/run.js';
import type { RunInput } from '../../src/assess/rules/types.js';
import { verifyReplacement, type VerifyInput } from '../../src/verify/verify-replacement.js';
import { rule } from '../assess/rule-helpers.js';

const evil = rule({
  language: 'python',
  query: '((call function: (identifier) @f) @call (#eq? @f "evil"))',
  report: 'call',
});
const danger = rule({
  language: 'python',
  query: '((call function: (identifier) @f) @call (#eq? @f "danger"))',
  report: 'call',
});

const source = `import os


def handler(request):
    data = request.args["q"]
    result = evil(data)
    return result


def other():
    return evil("x")
`;
const unit = { startLine: 4, endLine: 7 };

async function verify(partial: Partial<VerifyInput> & Pick<VerifyInput, 'candidate'>) {
  const rules = [await compileRule(evil), await compileRule(danger)];
  return verifyReplacement({ grammar: 'python', source, unit, rules, firedRuleId: evil.id, ...partial });
}

test('a replacement that silences the rule is verified, and the new text is returned', async () => {
  const verdict = await verify({ candidate: { startLine: 6, endLine: 6, replacement: '    result = safe(data)' } });
  expect(verdict).toMatchObject({ verified: true, newUnit: unit });
  expect(verdict.verified && verdict.text).toContain('result = safe(data)\n    return result');
});

test('a replacement that does not parse is rejected with the place of the error', async () => {
  const verdict = await verify({ candidate: { startLine: 6, endLine: 6, replacement: '    result = safe(data' } });
  expect(verdict).toMatchObject({ verified: false, check: 'parse' });
  expect(!verdict.verified && verdict.reason).toMatch(/^the new code does not parse: line \d+: (missing|unexpected)/);
});

test('a replacement that leaves the rule firing is rejected', async () => {
  const verdict = await verify({ candidate: { startLine: 6, endLine: 6, replacement: '    result = evil(data.strip())' } });
  expect(verdict).toMatchObject({ verified: false, check: 'rule-still-fires' });
  const same = await verify({ candidate: { startLine: 5, endLine: 6, replacement: '    data = request.args["q"].strip()\n    result = evil(data)' } });
  expect(same).toMatchObject({ verified: false, check: 'rule-still-fires', reason: `rule ${evil.id} still fires at line 6` });
});

test('a replacement that makes another rule fire is rejected', async () => {
  const verdict = await verify({ candidate: { startLine: 6, endLine: 6, replacement: '    result = danger(data)' } });
  expect(verdict).toMatchObject({ verified: false, check: 'new-rule-fires', reason: `rule ${danger.id} fires on the new code at line 6` });
});

test('moving code that already matched is not a new finding', async () => {
  // The other unit's evil("x") is outside this unit; inside, evil(data) is replaced and a line is added.
  const verdict = await verify({ candidate: { startLine: 5, endLine: 6, replacement: '    data = request.args["q"]\n    data = data.strip()\n    result = safe(data)' } });
  expect(verdict).toMatchObject({ verified: true, newUnit: { startLine: 4, endLine: 8 } });
});

test('an edit outside the unit is rejected', async () => {
  const verdict = await verify({ candidate: { startLine: 10, endLine: 11, replacement: 'def other():\n    return safe("x")' } });
  expect(verdict).toMatchObject({ verified: false, check: 'outside-unit' });
  expect(!verdict.verified && verdict.reason).toContain('outside the unit (lines 4-7)');
});

test('a changed signature is rejected unless the fix allows it', async () => {
  const candidate = { startLine: 4, endLine: 6, replacement: 'def handler(request, strict=True):\n    data = request.args["q"]\n    result = safe(data)' };
  expect(await verify({ candidate })).toMatchObject({ verified: false, check: 'signature' });
  expect(await verify({ candidate, allowSignatureChange: true })).toMatchObject({ verified: true });
});

test('a replacement that changes nothing is rejected', async () => {
  expect(await verify({ candidate: { startLine: 6, endLine: 6, replacement: '    result = evil(data)' } })).toMatchObject({ verified: false, check: 'empty' });
});

test('an insertion outside the unit (an import) is applied and shifts the unit', async () => {
  const at = source.indexOf('\n\n\ndef handler') + 1;
  const verdict = await verify({
    candidate: {
      startLine: 6,
      endLine: 6,
      replacement: '    result = shlex.quote(data)',
      insertions: [{ startIndex: at, endIndex: at, text: 'import shlex\n', startLine: 2, endLine: 2 }],
    },
  });
  expect(verdict).toMatchObject({ verified: true, newUnit: { startLine: 5, endLine: 8 } });
  expect(verdict.verified && verdict.text.startsWith('import os\nimport shlex\n')).toBe(true);
});

test('an extra edit that replaces text outside the unit is rejected', async () => {
  const verdict = await verify({
    candidate: { startLine: 6, endLine: 6, replacement: '    result = safe(data)', insertions: [{ startIndex: 0, endIndex: 9, text: 'import sys', startLine: 1, endLine: 1 }] },
  });
  expect(verdict).toMatchObject({ verified: false, check: 'outside-unit' });
});

describe('imports kept across the edit', () => {
  async function importsOfAfter(partial: Partial<VerifyInput> & Pick<VerifyInput, 'candidate'>): Promise<boolean> {
    const rules = [await compileRule(evil), await compileRule(danger)];
    const seen: RunInput[] = [];
    const run = (input: RunInput) => {
      seen.push(input);
      return runRules(rules, input);
    };
    await verifyReplacement({ grammar: 'python', source, unit, rules, firedRuleId: evil.id, run, ...partial });
    expect(seen).toHaveLength(2);
    return seen[1]!.importsOf !== undefined && seen[1]!.importsOf === seen[0]!.tree;
  }

  test('an edit that touches no import keeps them: the new tree need not be read for imports', async () => {
    expect(await importsOfAfter({ candidate: { startLine: 6, endLine: 6, replacement: '    result = safe(data)' } })).toBe(true);
  });

  test('an edit that adds an import, or an insertion, does not', async () => {
    expect(await importsOfAfter({ candidate: { startLine: 6, endLine: 6, replacement: '    import shlex\n    result = safe(data)' } })).toBe(false);
    const top = { startIndex: 0, endIndex: 0, text: 'import shlex\n', startLine: 1, endLine: 1 };
    expect(await importsOfAfter({ candidate: { startLine: 6, endLine: 6, replacement: '    result = safe(data)', insertions: [top] } })).toBe(false);
  });

  test('an edit that removes an import does not', async () => {
    const withLocal = source.replace('    data = request.args["q"]', '    import json\n    data = request.args["q"]');
    const rules = [await compileRule(evil)];
    const seen: RunInput[] = [];
    await verifyReplacement({
      grammar: 'python',
      source: withLocal,
      unit: { startLine: 4, endLine: 8 },
      rules,
      firedRuleId: evil.id,
      run: (input) => (seen.push(input), runRules(rules, input)),
      candidate: { startLine: 5, endLine: 7, replacement: '    data = request.args["q"]\n    result = safe(data)' },
    });
    expect(seen).toHaveLength(2);
    expect(seen[1]!.importsOf).toBeUndefined();
  });
});
