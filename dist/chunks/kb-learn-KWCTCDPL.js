#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  MINING_OPTIONS,
  countingLogger,
  fixFileProblem,
  functionPairs,
  gitHubClientFor,
  llmEndpoint,
  mineIntoDirectory,
  parseKbArgs,
  positiveInt,
  toFixPairs
} from "./chunk-DLEOA3KT.js";
import {
  DEFAULT_CACHE_DIR,
  createProgress,
  directoryCache
} from "./chunk-LUKOE3N6.js";
import "./chunk-JAZMMTRO.js";
import {
  readText
} from "./chunk-IAYEKO2Q.js";
import "./chunk-CH6YD5QR.js";
import {
  createOpenAiChatClient,
  createOpenAiEmbedder
} from "./chunk-CATR4D3V.js";
import "./chunk-YAW5J35F.js";
import "./chunk-ATV33OIO.js";
import {
  DEFAULT_OVERLAY_DIR,
  overlayLayout
} from "./chunk-RIQ5OP7A.js";
import {
  EXIT_FINDINGS,
  EXIT_OK
} from "./chunk-4KPSJP3U.js";
import "./chunk-G3QCSQ4F.js";
import "./chunk-W67GOMEU.js";
import {
  buildKnowledgeBase,
  pdgSlicer,
  silentLogger,
  writeBuild
} from "./chunk-36CMHGC7.js";
import {
  ConfigurationError
} from "./chunk-VWQMS5WY.js";
import "./chunk-2TTF3MLN.js";
import "./chunk-ZCLPTS52.js";
import "./chunk-7OFN7BBI.js";
import "./chunk-QPWDPIWN.js";

// src/cli/commands/kb-learn.ts
import path2 from "node:path";

// src/kb/learn/pull-requests.ts
function mergedPullRequestQuery(owner, repo, query) {
  return [`repo:${owner}/${repo}`, "is:pr", "is:merged", query.trim()].filter(Boolean).join(" ");
}
function githubPullRequestHistory(client) {
  return {
    async search(owner, repo, query, max) {
      const out = [];
      const iterator = client.paginate.iterator(client.rest.search.issuesAndPullRequests, {
        q: mergedPullRequestQuery(owner, repo, query),
        sort: "updated",
        order: "desc",
        per_page: Math.min(100, max)
      });
      for await (const page of iterator) {
        for (const item of page.data) {
          if (!item.pull_request) continue;
          out.push({
            number: item.number,
            title: item.title,
            body: item.body ?? "",
            labels: item.labels.map((l) => typeof l === "string" ? l : l.name ?? "").filter(Boolean),
            url: item.html_url
          });
          if (out.length >= max) return out;
        }
      }
      return out;
    },
    async versions(owner, repo, number) {
      const { data } = await client.rest.pulls.get({ owner, repo, pull_number: number });
      return { baseSha: data.base.sha, headSha: data.head.sha };
    },
    async files(owner, repo, number) {
      const entries = await client.paginate(client.rest.pulls.listFiles, { owner, repo, pull_number: number, per_page: 100 });
      return entries.map((f) => ({
        filename: f.filename,
        status: f.status,
        ...f.patch !== void 0 && { patch: f.patch },
        ...f.previous_filename && { previousFilename: f.previous_filename }
      }));
    },
    fileAt: (owner, repo, path3, ref) => readText(client, owner, repo, path3, ref)
  };
}

// src/kb/learn/learn.ts
import fs from "node:fs/promises";
import path from "node:path";
var SOURCES_README = `# Hand-written overlay sources

CWE files here (\`CWE-<n>.yaml\`, the format of kb/sources in rescue-action, rules included) are built
into the overlay with what \`rescue kb learn\` mined. Rebuild with:

    npx rescue-action kb build --sources .github/rescue/kb/sources --mined .github/rescue/kb/mined --out .github/rescue/kb/build
`;
function cweOfPullRequest(pr) {
  for (const label of pr.labels) {
    const m2 = /^cwe[-_ ]?(\d+)$/i.exec(label.trim());
    if (m2) return `CWE-${Number(m2[1])}`;
  }
  const m = /\bCWE[-_ ]?(\d+)\b/i.exec(`${pr.title}
${pr.body}`);
  return m ? `CWE-${Number(m[1])}` : void 0;
}
async function learnFromPullRequests(opts) {
  const logger = opts.logger ?? silentLogger;
  const layout = overlayLayout(opts.overlayDir);
  const prs = await opts.history.search(opts.owner, opts.repo, opts.query, opts.maxPullRequests ?? 50);
  logger.info(`${prs.length} merged pull request(s) of ${opts.owner}/${opts.repo} match "${opts.query}"`);
  const used = [];
  const skipped = [];
  const sourced = [];
  for (const pr of prs) {
    const cwe = cweOfPullRequest(pr) ?? opts.defaultCwe;
    if (!cwe) {
      skipped.push({ number: pr.number, reason: "names no CWE (add a label such as cwe-89, or pass --cwe)" });
      continue;
    }
    const files = (await opts.history.files(opts.owner, opts.repo, pr.number)).filter((f) => !fixFileProblem(f));
    if (!files.length) {
      skipped.push({ number: pr.number, reason: "changes no source file in a reviewed language" });
      continue;
    }
    const { baseSha, headSha } = await opts.history.versions(opts.owner, opts.repo, pr.number);
    let n = 0;
    for (const file of files.slice(0, opts.maxFilesPerPullRequest ?? 20)) {
      const [before, after] = await Promise.all([
        opts.history.fileAt(opts.owner, opts.repo, file.previousFilename ?? file.filename, baseSha),
        opts.history.fileAt(opts.owner, opts.repo, file.filename, headSha)
      ]);
      if (before === void 0 || after === void 0) continue;
      const found = await functionPairs(file, before, after);
      for (const p of found.pairs) {
        n++;
        sourced.push({
          id: `${opts.owner}/${opts.repo}#${pr.number}/${p.path}#${p.name}`,
          cwe,
          pair: p,
          link: pr.url.replace(/^https?:\/\//, ""),
          title: `${p.name}: ${pr.title} (#${pr.number})`
        });
      }
    }
    if (n) used.push({ number: pr.number, cwe, pairs: n });
    else skipped.push({ number: pr.number, reason: "no function changed in both versions" });
  }
  const { pairs } = toFixPairs(sourced, "pull-requests");
  const noSummary = { calls: 0, retries: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, failures: [] };
  const base = { pullRequestsRead: prs.length, used, skipped, pairsMined: pairs.length };
  if (!pairs.length) return { ...base, cwesTouched: [], summary: noSummary, changed: false };
  const mined = await mineIntoDirectory(layout.mined, pairs, {
    ...opts.summarize,
    slicer: opts.slicer ?? pdgSlicer,
    ...opts.callNames && { callNames: opts.callNames },
    sourceName: `${opts.owner}/${opts.repo} pull requests`
  });
  await fs.mkdir(layout.sources, { recursive: true });
  const readme = path.join(layout.sources, "README.md");
  await fs.writeFile(readme, SOURCES_README, { flag: "wx" }).catch(() => void 0);
  const result = await buildKnowledgeBase({
    sourcesDir: layout.sources,
    minedDir: layout.mined,
    previousDir: layout.build,
    logger,
    ...opts.slicer && { slicer: opts.slicer },
    ...opts.embeddings && { embeddings: opts.embeddings }
  });
  await writeBuild(layout.build, result);
  return { ...base, cwesTouched: mined.touched, summary: mined.report, changed: true, counts: result.manifest.counts };
}
function formatLearnReport(r) {
  const lines = [
    `pull requests read: ${r.pullRequestsRead}; learned from: ${r.used.map((u) => `#${u.number} (${u.cwe}, ${u.pairs} pair(s))`).join(", ") || "none"}`,
    ...r.skipped.map((s) => `  skipped #${s.number}: ${s.reason}`),
    `pairs mined: ${r.pairsMined}; CWEs touched: ${r.cwesTouched.join(", ") || "none"}`,
    `summarizer: ${r.summary.calls} call(s), ${r.summary.promptTokens + r.summary.completionTokens} tokens${r.summary.failures.length ? `, ${r.summary.failures.length} failure(s)` : ""}`,
    ...r.counts ? [`overlay: ${r.counts.cwes} CWEs, ${r.counts.guidelines} guidelines, ${r.counts.rules} rules, ${r.counts.examples} examples`] : []
  ];
  return `${lines.join("\n")}
`;
}

// src/cli/commands/kb-learn.ts
async function kbLearn(args, io) {
  const v = parseKbArgs(
    args,
    {
      "from-prs": { type: "string" },
      repo: { type: "string" },
      out: { type: "string" },
      cwe: { type: "string" },
      "max-prs": { type: "string" },
      ...MINING_OPTIONS
    },
    "learn"
  );
  const query = v["from-prs"];
  if (!query) throw new ConfigurationError('kb learn needs --from-prs QUERY, e.g. --from-prs "label:security"');
  const full = v.repo ?? io.env.GITHUB_REPOSITORY;
  const m = full ? /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full) : null;
  if (!m) throw new ConfigurationError(`kb learn needs --repo OWNER/NAME (or GITHUB_REPOSITORY)${full ? `, not ${full}` : ""}`);
  if (v.cwe !== void 0 && !/^CWE-\d+$/.test(v.cwe)) throw new ConfigurationError(`kb learn: --cwe must look like CWE-89, not ${v.cwe}`);
  const model = v.model ?? io.env.RESCUE_MODEL;
  if (!model) throw new ConfigurationError("kb learn needs a chat model for the summaries: pass --model M or set RESCUE_MODEL");
  const endpoint = llmEndpoint(v["base-url"], io, "learn");
  const at = (p) => path2.resolve(io.cwd, p);
  const embeddingsModel = v["embeddings-model"];
  const logger = countingLogger(io.logger);
  const report = await learnFromPullRequests({
    history: githubPullRequestHistory(gitHubClientFor(io, v["api-url"], logger)),
    owner: m[1],
    repo: m[2],
    query,
    overlayDir: at(v.out ?? DEFAULT_OVERLAY_DIR),
    ...v.cwe && { defaultCwe: v.cwe },
    ...v["max-prs"] && { maxPullRequests: positiveInt(v["max-prs"], "--max-prs") },
    summarize: {
      client: createOpenAiChatClient(endpoint),
      model,
      cache: directoryCache(at(v["cache-dir"] ?? DEFAULT_CACHE_DIR)),
      progress: createProgress(io.stderr),
      batchSize: positiveInt(v["batch-size"], "--batch-size", 2)
    },
    ...embeddingsModel && { embeddings: { model: embeddingsModel, embedder: createOpenAiEmbedder({ ...endpoint, model: embeddingsModel }) } },
    logger
  });
  io.stdout.write(formatLearnReport(report));
  if (report.changed) io.stdout.write(`wrote the overlay to ${path2.relative(io.cwd, at(v.out ?? DEFAULT_OVERLAY_DIR)) || "."}; commit it so reviews load it
`);
  return report.summary.failures.length ? EXIT_FINDINGS : EXIT_OK;
}
export {
  kbLearn
};
