import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { parseDiff } from '../../src/diff/index.js';

// Each <name>.diff is a real tool's output (see ../data/diff/README.md); <name>.json is the reviewed
// expectation. UPDATE_GOLDEN=1 rewrites the .json files instead of comparing: review that change.
const dir = fileURLToPath(new URL('../data/diff/', import.meta.url));
const names = readdirSync(dir)
  .filter((name) => name.endsWith('.diff'))
  .map((name) => name.slice(0, -'.diff'.length))
  .sort();

describe('parseDiff golden files', () => {
  test('there are golden pairs to compare', () => {
    expect(names.length).toBeGreaterThanOrEqual(14);
  });

  test.each(names)('%s', (name) => {
    const actual = parseDiff(readFileSync(`${dir}${name}.diff`, 'utf8'));
    const json = `${JSON.stringify(actual, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(`${dir}${name}.json`, json);
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')));
  });
});
