import fs from 'node:fs';
import path from 'node:path';
import { structuredPatch } from 'diff';
import { buildKnowledgeBase, writeBuild } from '../../src/kb/build.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { mergeOverlay } from '../../src/kb/overlay.js';
import { dedent, fixFileProblem, functionPairs } from '../../src/kb/refresh/function-pairs.js';
import { serializeMined, MINED_SCHEMA_VERSION } from '../../src/kb/mined.js';
import { tempRoot } from './helpers.js';

/** The hunks-only patch GitHub sends for a change of one file. */
function githubPatch(before: string, after: string): string {
  return structuredPatch('f', 'f', before, after, '', '', { context: 3 })
    .hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n'))
    .join('\n');
}

test('pairs the functions a fix touches by qualified name; added, whitespace-only and module code are left out', async () => {
  const before = 'import os\n\nLIMIT = 10\n\ndef read(name):\n    return open(name).read()\n\ndef size(name):\n    return os.path.getsize(name)\n';
  const after = 'import os\n\nLIMIT = 20\n\ndef read(name):\n    return open(os.path.basename(name)).read()\n\ndef size(name):\n    return  os.path.getsize(name)\n\ndef extra():\n    return 1\n';
  const file = { filename: 'pkg/io.py', status: 'modified', patch: githubPatch(before, after) };
  const { pairs, skipped } = await functionPairs(file, before, after);
  expect(pairs.map((p) => [p.name, p.language])).toEqual([['read', 'python']]);
  expect(skipped.map((s) => [s.name, s.reason])).toEqual([
    ['size', 'only whitespace changed'],
    ['extra', 'added by the fix (no vulnerable version)'],
  ]);
});

test('methods keep their qualified names and are dedented; Go receivers too', async () => {
  const before = 'package store\n\ntype Store struct{}\n\nfunc (s *Store) Get(id string) string {\n\treturn query("SELECT * FROM t WHERE id=" + id)\n}\n';
  const after = 'package store\n\ntype Store struct{}\n\nfunc (s *Store) Get(id string) string {\n\treturn query("SELECT * FROM t WHERE id=?", id)\n}\n';
  const { pairs } = await functionPairs({ filename: 'store/store.go', status: 'modified', patch: githubPatch(before, after) }, before, after);
  expect(pairs.map((p) => [p.name, p.language])).toEqual([['Store.Get', 'go']]);
  expect(dedent('    def f():\n        return 1\n\n    ')).toBe('def f():\n    return 1');
});

test('which changed files can give pairs', () => {
  const ok = { status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' };
  expect(fixFileProblem({ ...ok, filename: 'src/app.ts' })).toBeUndefined();
  expect(fixFileProblem({ ...ok, filename: 'src/app.test.ts' })).toBe('a test file');
  expect(fixFileProblem({ ...ok, filename: 'tests/test_app.py' })).toBe('a test file');
  expect(fixFileProblem({ ...ok, filename: 'pkg/app_test.go' })).toBe('a test file');
  expect(fixFileProblem({ ...ok, filename: 'lib/app.rb' })).toBe('not a language RESCUE reviews');
  expect(fixFileProblem({ ...ok, filename: 'src/new.py', status: 'added' })).toBe('added by the fix (no vulnerable version)');
  expect(fixFileProblem({ filename: 'src/big.c', status: 'modified' })).toBe('GitHub sent no patch (binary or too large)');
});

test('overlay vectors merge when the model matches; the bundled cause vector of a shared CWE is kept', async () => {
  const tmp = tempRoot();
  try {
    const embedder = { embed: async (texts: readonly string[]) => texts.map((t) => [t.length % 7, 1, 0.5]) };
    const bundledDir = path.join(tmp.root, 'kb', 'build');
    await writeBuild(bundledDir, await buildKnowledgeBase({ sourcesDir: path.join(tmp.root, 'kb', 'sources'), embeddings: { model: 'm', embedder } }));
    const overlayRoot = path.join(tmp.root, 'overlay');
    fs.mkdirSync(path.join(overlayRoot, 'sources'), { recursive: true });
    fs.mkdirSync(path.join(overlayRoot, 'mined'), { recursive: true });
    const example = { pairId: 'p1', language: 'python' as const, title: 't', vulnerable: 'def f(x):\n    run(x)', secure: 'def f(x):\n    run(quote(x))', vulnerableLines: [2], secureLines: [2], apis: ['run'], provenance: 'p1' };
    for (const cwe of ['CWE-89', 'CWE-1333']) {
      fs.writeFileSync(path.join(overlayRoot, 'mined', `${cwe}.json`), serializeMined({
        schemaVersion: MINED_SCHEMA_VERSION, cwe, cause: `A cause for ${cwe} that is long enough to be a cause.`, guidelines: [`Guideline for ${cwe}.`], examples: [example], provenance: { pairs: 'x', prompts: [] },
      }));
    }
    const overlayBuild = path.join(overlayRoot, 'build');
    await writeBuild(overlayBuild, await buildKnowledgeBase({ sourcesDir: path.join(overlayRoot, 'sources'), minedDir: path.join(overlayRoot, 'mined'), embeddings: { model: 'm', embedder } }));
    const bundled = loadKnowledgeBase(bundledDir);
    const kb = mergeOverlay(bundled, loadKnowledgeBase(overlayBuild));
    expect(kb.overlay).toMatchObject({ cwes: ['CWE-89', 'CWE-1333'], added: ['CWE-1333'] });
    expect(kb.overlay.vectorsDropped).toBeUndefined();
    const ids = kb.vectors!.set.ids;
    expect(ids.filter((id) => id === 'cwe:CWE-89')).toHaveLength(1);
    expect(kb.vectors!.rows.get('cwe:CWE-89')).toBe(bundled.vectors!.rows.get('cwe:CWE-89'));
    expect(ids).toEqual(expect.arrayContaining(['cwe:CWE-1333', 'example:overlay:CWE-89.python.m1', 'example:overlay:CWE-1333.python.m1']));
    expect(kb.vectors!.set.data.length).toBe(ids.length * 3);
    expect(kb.cwes.get('CWE-1333')).toMatchObject({ causeOrigin: 'overlay', name: 'CWE-1333' });
    expect(kb.manifest.counts.examples).toBe(bundled.manifest.counts.examples + 2);
  } finally {
    tmp.cleanup();
  }
});
