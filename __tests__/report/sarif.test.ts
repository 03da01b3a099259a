import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import { renderSarif } from '../../src/report/sarif.js';
import { sampleResult } from './sample-result.js';

const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../data/github/sarif-2.1.0-subset.schema.json'), 'utf8'));


test('the SARIF file validates against the SARIF 2.1.0 schema (subset) and carries what code scanning reads', () => {
  const sarif = JSON.parse(renderSarif(sampleResult));
  const validate = new Ajv({ allErrors: true, strictRequired: false }).compile(schema);
  const valid = validate(sarif);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  const run = sarif.runs[0];
  expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['cwe-502.python.yaml-load', 'cwe-78.javascript.exec-interpolated', 'cwe-330.llm']);
  const [yamlRule] = run.tool.driver.rules;
  expect(yamlRule.properties.tags).toEqual(['security', 'CWE-502', 'external/cwe/cwe-502']);
  expect(yamlRule.help.text).toContain('CWE-502.g2: In Python, call yaml.safe_load');
  expect(run.results.map((r: { partialFingerprints: object }) => r.partialFingerprints)).toEqual([
    { 'rescue/v1': '3241681bdef0ab4ea6c5' },
    { 'rescue/v1': '2eada1b7554c9ba4449d' },
    { 'rescue/v1': '0123456789abcdef0123' },
  ]);
  expect(sarif).toMatchSnapshot();
});

test('the schema subset rejects what the specification forbids', () => {
  const validate = new Ajv({ strictRequired: false }).compile(schema);
  const sarif = JSON.parse(renderSarif(sampleResult));
  sarif.runs[0].results[0].level = 'severe';
  expect(validate(sarif)).toBe(false);
  const zero = JSON.parse(renderSarif(sampleResult));
  zero.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  expect(validate(zero)).toBe(false);
  const extra = JSON.parse(renderSarif(sampleResult));
  extra.runs[0].results[0].cwe = 'CWE-1';
  expect(validate(extra)).toBe(false);
});

test('the SARIF file validates against the official SARIF 2.1.0 (rtm.5) JSON schema', async () => {
  // The OASIS schema as shipped in @microsoft/jest-sarif (draft-04 JSON Schema, hence ajv-draft-04; its
  // language-tag pattern is not a valid unicode-mode regex, hence unicodeRegExp: false).
  const mod = await import('ajv-draft-04');
  // A CommonJS module whose `exports.default` is the class: under ESM interop it may arrive nested once more.
  const Ajv04 = ((mod.default as unknown as { default?: unknown }).default ?? mod.default) as typeof mod.default.default;
  const official = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validate = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(official);
  for (const result of [sampleResult, { ...sampleResult, findings: [] }]) {
    const ok = validate(JSON.parse(renderSarif(result)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  }
  const bad = JSON.parse(renderSarif(sampleResult));
  bad.runs[0].results[0].level = 'severe';
  expect(validate(bad)).toBe(false);
});
