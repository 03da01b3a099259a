import { extractFacets, type FacetInput, type UnitFacets } from '../facets/extract.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { Embedder } from '../llm/openai-client.js';
import { silentLogger, type Logger } from '../logging/logger.js';
import { thresholdsFor, type CalibrationFile, type Thresholds } from './calibration.js';
import { rankCwes, type QueryVectors } from './cwe-level.js';
import { embedQueries } from './embed-queries.js';
import { rankExamples } from './example-level.js';
import type { FacetName } from './facet-names.js';
import type { FacetScore } from './fusion.js';

/** One retrieved CWE, with each facet's score and rank (the Retrieval JSON of ARCHITECTURE). */
export interface RetrievedCwe {
  readonly cwe: string;
  readonly name: string;
  readonly score: number;
  readonly facets: Readonly<Record<string, FacetScore>>;
}

export interface RetrievedExample {
  readonly id: string;
  readonly cwe: string;
  readonly language: string;
  readonly title: string;
  readonly score: number;
  readonly facets: Readonly<Record<string, FacetScore>>;
  /** The sliced secure version (the paper puts it in the prompt), or the whole secure version. */
  readonly secure: string;
  readonly guidelines: readonly string[];
}

export interface Retrieval {
  /** Best first, at most k; empty when the unit is not security-relevant. */
  readonly cwes: readonly RetrievedCwe[];
  /** Best first; the first one goes into the prompt. */
  readonly examples: readonly RetrievedExample[];
  /** Some facet cleared its threshold: the unit goes to the model. */
  readonly relevant: boolean;
  /** Dense facets took part. */
  readonly dense: boolean;
}

export interface RetrieveOptions {
  /** CWEs kept (the paper's 4). */
  readonly k?: number;
  /** Examples returned (default 3). */
  readonly examples?: number;
  /** Facets to use (ablations); default all that have data. */
  readonly facets?: ReadonlySet<FacetName>;
  readonly alpha?: number;
  readonly topN?: number;
  /** Thresholds; default the bundled calibration for the embedding model. */
  readonly thresholds?: Thresholds;
  readonly calibration?: CalibrationFile;
  /** Embeds query texts; dense facets need it and KB vectors of the same model. */
  readonly embedder?: Embedder;
  /** The embedder's model; must be the model of the KB's vectors. */
  readonly embeddingModel?: string;
  readonly logger?: Logger;
}

export const DEFAULT_K = 4;

/** The fast path: retrieval from facets already extracted (and, for dense facets, query vectors). Pure. */
export function retrieveFromFacets(kb: KnowledgeBase, facets: UnitFacets, options: RetrieveOptions & { readonly vectors?: QueryVectors } = {}): Retrieval {
  const thresholds = options.thresholds ?? thresholdsFor(options.embeddingModel ?? kb.vectors?.set.model, options.calibration);
  const vectors = options.vectors ?? {};
  const level = { facets: options.facets, alpha: options.alpha, topN: options.topN };
  const ranked = rankCwes(kb, facets, thresholds.cwe, { ...level, k: options.k ?? DEFAULT_K, vectors, gate: thresholds.gate });
  const cwes = ranked.items;
  const examples = rankExamples(kb, facets, cwes, thresholds.example, { ...level, vectors, limit: options.examples ?? 3 });
  return {
    cwes: cwes.map((c) => ({ cwe: c.id, name: kb.cwes.get(c.id)?.name ?? c.id, score: c.score, facets: c.facets })),
    examples: examples.flatMap((e) => {
      const ex = kb.examples.get(e.id);
      if (!ex) return [];
      return [{
        id: ex.id, cwe: ex.cwe, language: ex.language, title: ex.title, score: e.score, facets: e.facets,
        secure: ex.secureSlice?.text ?? '', guidelines: ex.guidelines,
      }];
    }),
    relevant: ranked.relevant,
    dense: vectors.cause !== undefined || vectors.code !== undefined,
  };
}

/** A unit to retrieve for: its location in a file, or facets already extracted. */
export type UnitInput = Omit<FacetInput, 'kb'> & { readonly rules?: boolean } | { readonly facets: UnitFacets };

const told = new WeakMap<Logger, Set<string>>();

function sayOnce(logger: Logger, message: string): void {
  let said = told.get(logger);
  if (!said) told.set(logger, (said = new Set()));
  if (said.has(message)) return;
  said.add(message);
  logger.info(message);
}

/** Whether dense facets can run; says once per logger why not, when an embedder was given in vain. */
export function denseAvailable(kb: KnowledgeBase, options: RetrieveOptions): boolean {
  const logger = options.logger ?? silentLogger;
  if (!options.embedder) {
    if (kb.vectors) sayOnce(logger, `retrieval: no embeddings endpoint configured; BM25 only (the KB has ${kb.vectors.set.model} vectors)`);
    return false;
  }
  if (!kb.vectors) {
    sayOnce(logger, 'retrieval: the knowledge base has no vectors; BM25 only');
    return false;
  }
  if (options.embeddingModel !== undefined && options.embeddingModel !== kb.vectors.set.model) {
    sayOnce(logger, `retrieval: the KB's vectors are for ${kb.vectors.set.model}, not ${options.embeddingModel}; BM25 only`);
    return false;
  }
  const model = kb.vectors.set.model;
  if (!thresholdsFor(model, options.calibration).denseCalibrated) {
    sayOnce(logger, `retrieval: no calibrated dense thresholds for ${model}; using the paper's (0.75 cause, 0.65 code)`);
  }
  return true;
}

async function facetsOf(kb: KnowledgeBase, unit: UnitInput): Promise<UnitFacets> {
  if ('facets' in unit) return unit.facets;
  const { rules, ...input } = unit;
  return extractFacets({ ...input, ...(rules !== false && { kb }) });
}

/**
 * Retrieval for many units: facets, then every query text embedded in batches, then ranking. An embeddings
 * endpoint that fails degrades this call to BM25 only, with a warning; it never fails the review.
 */
export async function retrieveForUnits(kb: KnowledgeBase, units: readonly UnitInput[], options: RetrieveOptions = {}): Promise<Retrieval[]> {
  const facets: UnitFacets[] = [];
  for (const unit of units) facets.push(await facetsOf(kb, unit));
  let vectors: QueryVectors[] = facets.map(() => ({}));
  if (denseAvailable(kb, options)) {
    try {
      vectors = await embedQueries(options.embedder!, facets);
    } catch (e) {
      (options.logger ?? silentLogger).warning(`retrieval: embedding ${facets.length} unit(s) failed (${(e as Error).message}); BM25 only for them`);
    }
  }
  return facets.map((f, i) => retrieveFromFacets(kb, f, { ...options, vectors: vectors[i] }));
}

/** Retrieval for one unit (the pipeline's entry point). */
export async function retrieveForUnit(kb: KnowledgeBase, unit: UnitInput, options: RetrieveOptions = {}): Promise<Retrieval> {
  return (await retrieveForUnits(kb, [unit], options))[0]!;
}
