// Written by `npx tsx bench/calibrate.ts`; do not edit by hand. See calibration.ts.
import type { CalibrationFile } from './calibration.js';

export const CALIBRATION: CalibrationFile = {
  "version": 1,
  "date": "2026-11-23",
  "method": "coordinate descent of CWE-level BM25+ thresholds (cause and code length-normalized) maximizing MRR - 0.25 x fixed gate rate subject to gate recall >= 0.95 on the calibration half; example level: 10th percentile of correct matches",
  "seed": 1,
  "data": {
    "kbCwes": 38,
    "kbExamples": 218,
    "seccodeplt": 1411,
    "seccodepltCalibration": 705,
    "cyberseceval": 1315,
    "cyberseceval_calibration": 656
  },
  "bm25": {
    "cwe": {
      "cause": 0.118,
      "apis": 4.94,
      "code": 1.533,
      "rules": 0
    },
    "example": {
      "cause": 0.006,
      "apis": 5.641,
      "code": 0.017
    }
  },
  "dense": {},
  "results": {
    "seccodeplt calibration": {
      "n": 705,
      "inScope": 450,
      "hit1": "59.6",
      "hit4": "82.7",
      "mrr": "69.8",
      "hit1Exact": "53.6",
      "hit4Exact": "85.7",
      "gateVulnerable": "95.7",
      "gateFixed": "96.5"
    },
    "cyberseceval calibration": {
      "n": 656,
      "inScope": 577,
      "hit1": "64.1",
      "hit4": "84.4",
      "mrr": "72.3",
      "hit1Exact": "57.9",
      "hit4Exact": "79.0",
      "gateVulnerable": "98.9",
      "gateFixed": "–"
    },
    "seccodeplt held-out": {
      "n": 706,
      "inScope": 453,
      "hit1": "60.5",
      "hit4": "82.6",
      "mrr": "70.4",
      "hit1Exact": "53.0",
      "hit4Exact": "87.0",
      "gateVulnerable": "95.5",
      "gateFixed": "96.3"
    },
    "cyberseceval held-out": {
      "n": 659,
      "inScope": 577,
      "hit1": "61.0",
      "hit4": "79.9",
      "mrr": "68.6",
      "hit1Exact": "57.1",
      "hit4Exact": "74.7",
      "gateVulnerable": "98.5",
      "gateFixed": "–"
    },
    "seccodeplt all": {
      "n": 1411,
      "inScope": 903,
      "hit1": "60.0",
      "hit4": "82.6",
      "mrr": "70.1",
      "hit1Exact": "53.3",
      "hit4Exact": "86.4",
      "gateVulnerable": "95.6",
      "gateFixed": "96.4"
    },
    "cyberseceval all": {
      "n": 1315,
      "inScope": 1154,
      "hit1": "62.6",
      "hit4": "82.1",
      "mrr": "70.4",
      "hit1Exact": "57.5",
      "hit4Exact": "76.9",
      "gateVulnerable": "98.7",
      "gateFixed": "–"
    }
  }
};
