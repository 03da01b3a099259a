import { extractJsonObject, stripTrailingCommas } from '../../src/llm/json-reply.js';

describe('extractJsonObject', () => {
  test.each([
    ['plain', '{"a": 1}'],
    ['fenced', 'Here:\n```json\n{"a": 1}\n```\nDone.'],
    ['leading prose', 'The answer is {"a": 1}'],
    ['trailing commas', '{"a": 1, "b": [1, 2,],}'],
    ['BOM', '\uFEFF{"a": 1}'],
    ['tilde fence', '~~~\n{"a": 1}\n~~~'],
  ])('%s', (_name, text) => {
    const r = extractJsonObject(text);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.a).toBe(1);
  });

  test.each([
    ['empty', ''],
    ['prose', 'LGTM, approved.'],
    ['YAML', 'verdict: vulnerable\ncwe: CWE-89'],
    ['array', '[1, 2]'],
    ['unquoted keys', '{verdict: vulnerable}'],
  ])('refuses %s', (_name, text) => {
    expect(extractJsonObject(text).ok).toBe(false);
  });

  test('braces and commas inside strings are not touched', () => {
    expect(stripTrailingCommas('{"s": "a,}", "t": 1,}')).toBe('{"s": "a,}", "t": 1}');
    const r = extractJsonObject('x {"code": "if (a) { b(); }"} y');
    expect(r.ok && r.value.code).toBe('if (a) { b(); }');
  });
});
