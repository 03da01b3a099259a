// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) from the TypeScript sources with esbuild,
// then copies the tree-sitter wasm files next to them. The output is deterministic so CI can compare it
// with the committed dist/.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const dist = path.join(root, 'dist');

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(path.join(dist, 'wasm'), { recursive: true });

const result = await build({
  absWorkingDir: root,
  // scan-worker: the entry of the worker threads of `rescue scan` (src/pipeline/scan-pool.ts).
  entryPoints: { index: 'src/action/index.ts', cli: 'src/cli/index.ts', 'scan-worker': 'src/pipeline/scan-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  define: { __RESCUE_VERSION__: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version) },
  metafile: true,
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); ESM output has none unless we create it.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __rescueCreateRequire } from 'node:module';\nconst require = __rescueCreateRequire(import.meta.url);",
  },
});

fs.writeFileSync(path.join(dist, 'package.json'), '{\n  "type": "module"\n}\n');
fs.chmodSync(path.join(dist, 'cli.js'), 0o755);

const { WASM_FILES } = await import('./wasm-files.mjs');
for (const spec of WASM_FILES) fs.copyFileSync(require.resolve(spec), path.join(dist, 'wasm', path.basename(spec)));

// Third-party licences of everything bundled, as users of a committed bundle expect.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m && !packages.has(m[1])) packages.set(m[1], path.join(root, 'node_modules', m[1]));
}
for (const spec of WASM_FILES) {
  const name = spec.split('/')[0];
  packages.set(name, path.join(root, 'node_modules', name));
}
const licences = [...packages.keys()].sort().map((name) => {
  const dir = packages.get(name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  const text = file ? fs.readFileSync(path.join(dir, file), 'utf8').trim() : '(no licence file shipped)';
  return `${name}@${pkg.version}\n${pkg.license ?? ''}\n${text}\n`;
});
fs.writeFileSync(path.join(dist, 'licenses.txt'), licences.join('\n'));
console.log(`built dist/ (${Object.keys(result.metafile.outputs).length} files, ${WASM_FILES.length} wasm)`);
