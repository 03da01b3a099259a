import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitHubClient } from '../../src/github/octokit.js';
import { buildKnowledgeBase, writeBuild } from '../../src/kb/build.js';
import { serializeMined, MINED_SCHEMA_VERSION } from '../../src/kb/mined.js';
import { fetchOverlay } from '../../src/kb/overlay-fetch.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startFakeGitHubAdvisories } from '../../__fixtures__/fake-github-advisories.js';

test('the overlay build is read through the contents API at the given commit, and only its generated files', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'overlay-fetch-'));
  const base = 'a'.repeat(40);
  const repoAt = path.join(root, 'repos', 'acme', 'portal', base);
  const overlay = path.join(repoAt, '.github', 'rescue', 'kb');
  fs.mkdirSync(path.join(overlay, 'sources'), { recursive: true });
  fs.mkdirSync(path.join(overlay, 'mined'), { recursive: true });
  fs.writeFileSync(path.join(overlay, 'mined', 'CWE-89.json'), serializeMined({
    schemaVersion: MINED_SCHEMA_VERSION, cwe: 'CWE-89', guidelines: ['Use the db.safe_query helper for every query built from input.'],
    examples: [{ pairId: 'p', language: 'python', title: 't', vulnerable: 'def f(c, x):\n    c.execute("%s" % x)', secure: 'def f(c, x):\n    c.execute("?", (x,))', vulnerableLines: [2], secureLines: [2], apis: [], provenance: 'p' }],
    provenance: { pairs: 'x', prompts: [] },
  }));
  await writeBuild(path.join(overlay, 'build'), await buildKnowledgeBase({ sourcesDir: path.join(overlay, 'sources'), minedDir: path.join(overlay, 'mined') }));
  const github = await startFakeGitHubAdvisories({ advisories: [], commits: {}, reposDir: path.join(root, 'repos') });
  try {
    const client = createGitHubClient('t', silentLogger, { baseUrl: github.url });
    const kb = await fetchOverlay(client, { owner: 'acme', repo: 'portal' }, base, path.join(root, 'fetched'));
    expect(kb!.cwes.get('CWE-89')!.guidelines.map((g) => g.text)).toEqual(['Use the db.safe_query helper for every query built from input.']);
    expect(github.requests.every((r) => r.query.ref === base)).toBe(true);
    expect(github.requests.some((r) => r.path.includes('/mined/'))).toBe(false);
    expect(github.requests.some((r) => r.path.endsWith('/prefilters.json'))).toBe(false); // not used from an overlay
    // No overlay at another commit: nothing to load.
    expect(await fetchOverlay(client, { owner: 'acme', repo: 'portal' }, 'b'.repeat(40), path.join(root, 'none'))).toBeUndefined();
    // A manifest that names a path outside the build is refused.
    const manifest = path.join(overlay, 'build', 'manifest.json');
    const json = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    json.files['../../../.bashrc'] = 'x';
    fs.writeFileSync(manifest, JSON.stringify(json));
    await expect(fetchOverlay(client, { owner: 'acme', repo: 'portal' }, base, path.join(root, 'evil'))).rejects.toThrow(/not a file of a knowledge-base build/);
  } finally {
    await github.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
