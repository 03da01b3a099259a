import { CALIBRATION } from './calibration-values.js';

/**
 * Facet thresholds. The paper's values (BM25 4.0, dense 0.75 for causes and 0.65 for code, bge-base-en-v1.5)
 * belong to its scorers; ours are fitted by `bench/calibrate.ts` on the development data and written to
 * calibration-values.ts (a module, so the bundle carries it). Dense thresholds are per embedding model; a
 * model without a calibration falls back to the paper's values, and the caller says so once.
 */
export interface CweThresholds {
  /** BM25+ of the cause query against CWE name, cause and guidelines. */
  readonly cause: number;
  /** BM25+ of the API facet against each CWE's API set. */
  readonly apis: number;
  /** Best BM25+ of the code facet against the code of the CWE's examples. */
  readonly code: number;
  /** Summed confidence of the CWE's rules that fire. */
  readonly rules: number;
  /** Cosine of the cause query's vector to each CWE cause's vector. */
  readonly causeDense: number;
}

export interface ExampleThresholds {
  /** BM25+ of the cause query against each example's code. */
  readonly cause: number;
  /** BM25+ of the API facet against each example's API set. */
  readonly apis: number;
  /** BM25+ of the code facet against each example's (sliced) code. */
  readonly code: number;
  /** Cosine of the code facet's vector to each sliced secure example's vector. */
  readonly codeDense: number;
}

export interface Thresholds {
  /** The fusion's thresholds at the CWE level: which facet votes count in the ranking. */
  readonly cwe: CweThresholds;
  /**
   * The gate: a unit is security-relevant only if some facet clears this threshold (and ranks in its top
   * 10). The paper uses one set for both; here the gate may be stricter than the fusion, so a unit that
   * passes the gate is ranked with all its evidence (see cwe-level.ts). Absent: the fusion's thresholds.
   */
  readonly gate?: CweThresholds;
  readonly example: ExampleThresholds;
  /** False when the dense thresholds are the paper's, not fitted for this embedding model. */
  readonly denseCalibrated: boolean;
}

export interface CalibrationFile {
  readonly version: 1;
  readonly date: string;
  readonly method: string;
  readonly seed: number;
  readonly data: Readonly<Record<string, number | string>>;
  readonly bm25: {
    readonly cwe: Omit<CweThresholds, 'causeDense'>;
    readonly gate?: Omit<CweThresholds, 'causeDense'>;
    readonly example: Omit<ExampleThresholds, 'codeDense'>;
  };
  /** Per embedding model. */
  readonly dense: Readonly<Record<string, { readonly cweCause: number; readonly exampleCode: number }>>;
  /** Figures on the calibration and held-out halves, for the record. */
  readonly results?: unknown;
}

export const PAPER_DENSE = { cweCause: 0.75, exampleCode: 0.65 } as const;

export const calibration: CalibrationFile = CALIBRATION;

/** The thresholds for an embedding model (or none), from a calibration (the bundled one by default). */
export function thresholdsFor(model?: string, file: CalibrationFile = calibration): Thresholds {
  const dense = (model !== undefined && file.dense[model]) || undefined;
  const d = dense ?? PAPER_DENSE;
  return {
    cwe: { ...file.bm25.cwe, causeDense: d.cweCause },
    ...(file.bm25.gate && { gate: { ...file.bm25.gate, causeDense: d.cweCause } }),
    example: { ...file.bm25.example, codeDense: d.exampleCode },
    denseCalibrated: dense !== undefined,
  };
}
