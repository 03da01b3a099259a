import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../src/config/errors.js';
import { mergeSettings, parseRepoConfig, readRepoConfig } from '../../src/config/repo-config.js';

test('a full config parses; lists may be comma-separated strings; CWE ids are upper-cased', () => {
  const config = parseRepoConfig(
    `include: [src/**]
exclude: "tests/**, fixtures/**"
severity-threshold: medium
disable-rules:
  - cwe-352.python.flask-destructive-get-route
disable-cwes: [cwe-798]
`,
  );
  expect(config).toEqual({
    file: '.github/rescue.yml',
    include: ['src/**'],
    exclude: ['tests/**', 'fixtures/**'],
    severityThreshold: 'medium',
    disableRules: ['cwe-352.python.flask-destructive-get-route'],
    disableCwes: ['CWE-798'],
  });
});

test('an empty file is the empty config', () => {
  expect(parseRepoConfig('# nothing yet\n', 'x.yml')).toEqual({ file: 'x.yml', disableRules: [], disableCwes: [] });
});

test.each([
  ['severity-threshold: severe', '.github/rescue.yml: severity-threshold: must be one of low, medium, high, critical'],
  ['exclude-paths: [a]', '.github/rescue.yml: (top level): unknown field exclude-paths (known: include, exclude, severity-threshold, disable-rules, disable-cwes)'],
  ['disable-cwes: [89]', '.github/rescue.yml: disable-cwes.0: expected string'],
  ['disable-cwes: [SQLi]', '.github/rescue.yml: disable-cwes.0: a CWE id such as CWE-89'],
  ['disable-rules: [SQL injection]', '.github/rescue.yml: disable-rules.0: a rule id such as cwe-89.python.execute-fstring'],
  ['include: 3', '.github/rescue.yml: include: must be a list of strings or one comma-separated string'],
  ['include: [a\nb: c', '.github/rescue.yml: not valid YAML'],
  ['- a\n- b', '.github/rescue.yml: (top level): expected object'],
])('%j fails with an error that names the file and the field', (text, message) => {
  let error: unknown;
  try {
    parseRepoConfig(text);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigurationError);
  expect((error as Error).message.startsWith(message)).toBe(true);
});

test('flags win over the file, the file over the defaults', () => {
  const config = parseRepoConfig('include: [src/**]\nexclude: [gen/**]\nseverity-threshold: high\n');
  expect(mergeSettings(config, {})).toMatchObject({ include: ['src/**'], exclude: ['gen/**'], severityThreshold: 'high' });
  expect(mergeSettings(config, { include: ['lib/**'], severityThreshold: 'low' })).toMatchObject({ include: ['lib/**'], exclude: ['gen/**'], severityThreshold: 'low' });
  expect(mergeSettings(parseRepoConfig(''), {}).severityThreshold).toBe('low');
});

test('readRepoConfig: the default file is optional, an explicit one is not', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-config-'));
  try {
    expect((await readRepoConfig(root)).disableRules).toEqual([]);
    await expect(readRepoConfig(root, 'missing.yml')).rejects.toThrow(/--config: cannot read .*missing\.yml: ENOENT/);
    fs.mkdirSync(path.join(root, '.github'));
    fs.writeFileSync(path.join(root, '.github', 'rescue.yml'), 'disable-cwes: [CWE-89]\n');
    expect((await readRepoConfig(root)).disableCwes).toEqual(['CWE-89']);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
