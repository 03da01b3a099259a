import { afterAll, beforeAll, expect, jest, test } from '@jest/globals';
import { FakeGitHub } from '../../__fixtures__/fake-github.js';
import { addedFile, fingerprintOf, runAction } from './run-action.js';

// Five pushes to one pull request, the Action running after each against the same fake GitHub (state kept):
// findings added, kept, moved and fixed. No finding is ever commented twice; fixed ones are resolved.
jest.setTimeout(120_000);

const header = 'import subprocess\n\nimport yaml\n\n\n';
const loadUnsafe = 'def load_settings(data):\n    settings = yaml.load(data)\n    return settings\n';
const loadSafe = 'def load_settings(data):\n    settings = yaml.safe_load(data)\n    return settings\n';
const exportShell = '\n\ndef export(out):\n    subprocess.run(f"sqlite3 -csv db \'SELECT 1\' > {out}", shell=True, check=True)\n    return out\n';
const exportList = '\n\ndef export(out):\n    subprocess.run(["sqlite3", "-csv", "db", "SELECT 1"], check=True)\n    return out\n';
const helper = 'def greeting(name):\n    return "hello " + name\n\n\n';
const job = "const { exec } = require('child_process');\n\nfunction backup(target) {\n  exec(`tar czf /backups/${target}.tgz /srv/data`, () => {});\n}\n\nmodule.exports = { backup };\n";

const pushes = [
  { name: 'A: yaml.load', files: [addedFile('svc.py', header + loadUnsafe)] },
  { name: 'B added: shell=True', files: [addedFile('svc.py', header + loadUnsafe + exportShell)] },
  { name: 'A fixed, C added in a new file', files: [addedFile('svc.py', header + loadSafe + exportShell), addedFile('job.js', job)] },
  { name: 'B moved down by new code above it', files: [addedFile('svc.py', header + helper + loadSafe + exportShell), addedFile('job.js', job)] },
  { name: 'B fixed', files: [addedFile('svc.py', header + helper + loadSafe + exportList), addedFile('job.js', job)] },
];

let github: FakeGitHub;
beforeAll(async () => {
  github = await new FakeGitHub({ owner: 'octo', repo: 'shop', number: 7, headSha: '1'.repeat(40), baseSha: 'b'.repeat(40), files: pushes[0]!.files }).start();
});
afterAll(() => github.stop());

test('five pushes: 0 duplicate comments, fixed findings resolved', async () => {
  const after: { comments: number; reviews: number; resolved: number }[] = [];
  for (const [i, push] of pushes.entries()) {
    github.push({ headSha: String(i + 1).repeat(40), files: push.files });
    const r = await runAction(github, {});
    expect({ push: push.name, code: r.code, stderr: r.stderr }).toEqual({ push: push.name, code: 0, stderr: '' });
    const posted = github.postedComments;
    const fingerprints = posted.map((c) => fingerprintOf(c.body));
    expect(new Set(fingerprints).size).toBe(fingerprints.length); // never a duplicate
    after.push({ comments: posted.length, reviews: github.reviews.length, resolved: posted.filter((c) => c.resolved).length });
  }
  expect(after).toEqual([
    { comments: 1, reviews: 1, resolved: 0 }, // A posted
    { comments: 2, reviews: 2, resolved: 0 }, // B posted, A kept
    { comments: 3, reviews: 3, resolved: 1 }, // C posted, A resolved
    { comments: 3, reviews: 3, resolved: 1 }, // B moved: same fingerprint, nothing new, no review
    { comments: 3, reviews: 3, resolved: 2 }, // B resolved
  ]);
  const [a, b, c] = github.postedComments;
  expect([a!.path, a!.resolved, a!.body]).toEqual(['svc.py', true, expect.stringContaining('yaml.safe_load(data)')]);
  expect([b!.path, b!.resolved]).toEqual(['svc.py', true]);
  expect([c!.path, c!.resolved]).toEqual(['job.js', false]);

  // A re-run of the last push posts nothing and resolves nothing more.
  const writes = github.writes.length;
  const again = await runAction(github, {});
  expect(again.code).toBe(0);
  expect(github.writes.length).toBe(writes);
  expect(again.stdout).toContain('Nothing new to post: 1 finding(s) already have a comment');
});
