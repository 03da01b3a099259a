// Written by `npx tsx bench/calibrate.ts`; do not edit by hand. See calibration.ts.
import type { CalibrationFile } from './calibration.js';

export const CALIBRATION: CalibrationFile = {
  "version": 1,
  "date": "2026-11-23",
  "method": "coordinate descent of CWE-level BM25+ thresholds maximizing MRR + gate recall - 1 x fixed gate rate on the calibration half; example level: 10th percentile of correct matches",
  "seed": 1,
  "data": {
    "kbCwes": 21,
    "kbExamples": 120,
    "seccodeplt": 1411,
    "seccodepltCalibration": 705,
    "cyberseceval": 1315,
    "cyberseceval_calibration": 656
  },
  "bm25": {
    "cwe": {
      "cause": 0,
      "apis": 0,
      "code": 2561.341,
      "rules": 0
    },
    "example": {
      "cause": 5.213,
      "apis": 3.635,
      "code": 26.983
    }
  },
  "dense": {},
  "results": {
    "seccodeplt calibration": {
      "n": 705,
      "inScope": 273,
      "hit1": "71.8",
      "hit4": "92.7",
      "mrr": "80.7",
      "hit1Exact": "61.9",
      "hit4Exact": "83.6",
      "gateVulnerable": "100.0",
      "gateFixed": "100.0"
    },
    "cyberseceval calibration": {
      "n": 656,
      "inScope": 350,
      "hit1": "64.3",
      "hit4": "86.0",
      "mrr": "72.8",
      "hit1Exact": "55.5",
      "hit4Exact": "82.9",
      "gateVulnerable": "100.0",
      "gateFixed": "–"
    },
    "seccodeplt held-out": {
      "n": 706,
      "inScope": 274,
      "hit1": "70.1",
      "hit4": "92.0",
      "mrr": "79.1",
      "hit1Exact": "57.6",
      "hit4Exact": "85.2",
      "gateVulnerable": "100.0",
      "gateFixed": "100.0"
    },
    "cyberseceval held-out": {
      "n": 659,
      "inScope": 353,
      "hit1": "66.0",
      "hit4": "87.5",
      "mrr": "74.6",
      "hit1Exact": "57.9",
      "hit4Exact": "77.8",
      "gateVulnerable": "100.0",
      "gateFixed": "–"
    },
    "seccodeplt all": {
      "n": 1411,
      "inScope": 547,
      "hit1": "70.9",
      "hit4": "92.3",
      "mrr": "79.9",
      "hit1Exact": "59.8",
      "hit4Exact": "84.4",
      "gateVulnerable": "100.0",
      "gateFixed": "100.0"
    },
    "cyberseceval all": {
      "n": 1315,
      "inScope": 703,
      "hit1": "65.1",
      "hit4": "86.8",
      "mrr": "73.7",
      "hit1Exact": "56.7",
      "hit4Exact": "80.4",
      "gateVulnerable": "100.0",
      "gateFixed": "–"
    }
  }
};
