import fs from 'node:fs/promises';
import path from 'node:path';
import { PREFILTERS_FILE } from '../assess/rules/prefilter-store.js';
import type { GitHubClient } from '../github/octokit.js';
import { KbLoadError, type KnowledgeBase } from './load.js';
import { MANIFEST_FILE } from './build.js';
import { manifestSchema } from './manifest.js';
import { DEFAULT_OVERLAY_DIR, loadOverlay } from './overlay.js';
import { readText } from './refresh/github-api.js';

/** The generated files an overlay build may hold (what `writeBuild` writes); nothing else is fetched. */
const BUILD_FILE = /^(kb\.json|index\.json|example-index\.json|prefilters\.json|vectors\.[A-Za-z0-9._-]+\.json|examples\/CWE-\d+\.jsonl)$/;

/**
 * The Action reviews without a checkout: this reads a repository's overlay build through the contents
 * API at `ref` into `dest` and loads it. Pass the pull request's BASE commit, never its head: an overlay
 * is trusted configuration (its guidelines reach prompts, its rules run regexes), and a pull request must
 * not be able to change the knowledge its own review uses. Undefined when the repository has no overlay.
 */
export async function fetchOverlay(
  client: GitHubClient,
  repo: { readonly owner: string; readonly repo: string },
  ref: string,
  dest: string,
  overlayDir: string = DEFAULT_OVERLAY_DIR,
): Promise<KnowledgeBase | undefined> {
  const buildPath = `${overlayDir.replace(/\/+$/, '')}/build`;
  const manifestText = await readText(client, repo.owner, repo.repo, `${buildPath}/${MANIFEST_FILE}`, ref);
  if (manifestText === undefined) return undefined;
  let files: string[];
  try {
    files = Object.keys(manifestSchema.parse(JSON.parse(manifestText)).files);
  } catch (e) {
    throw new KbLoadError(`${buildPath}/${MANIFEST_FILE} at ${ref.slice(0, 12)} is not a knowledge-base manifest (${(e as Error).message.split('\n')[0]}); rebuild the overlay`);
  }
  const build = path.join(dest, 'build');
  await fs.mkdir(path.join(build, 'examples'), { recursive: true });
  await fs.writeFile(path.join(build, MANIFEST_FILE), manifestText);
  for (const name of files) {
    if (!BUILD_FILE.test(name)) throw new KbLoadError(`${buildPath}/${MANIFEST_FILE} names ${JSON.stringify(name)}, which is not a file of a knowledge-base build`);
    if (name === PREFILTERS_FILE) continue; // an overlay's stored prefilters are not used (loadOverlay)
    const text = await readText(client, repo.owner, repo.repo, `${buildPath}/${name}`, ref);
    if (text === undefined) throw new KbLoadError(`${buildPath}/${name} is missing at ${ref.slice(0, 12)} (or over 1 MB); rebuild the overlay`);
    await fs.writeFile(path.join(build, name), text);
  }
  return loadOverlay(dest);
}
