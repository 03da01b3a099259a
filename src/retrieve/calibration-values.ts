// Written by `npx tsx bench/calibrate.ts`; do not edit by hand. See calibration.ts.
import type { CalibrationFile } from './calibration.js';

export const CALIBRATION: CalibrationFile = {
  "version": 1,
  "date": "2026-11-23",
  "method": "coordinate descent on the calibration half: CWE-level fusion thresholds (BM25+, cause and code length-normalized) maximizing MRR; gate thresholds (>= fusion) maximizing MRR - 1 x share of benign units marked relevant subject to a share of vulnerable units marked relevant >= 0.95; example level: 10th percentile of correct matches",
  "seed": 1,
  "data": {
    "kbCwes": 55,
    "kbExamples": 322,
    "seccodeplt": 1411,
    "seccodepltCalibration": 705,
    "cyberseceval": 1315,
    "cyberseceval_calibration": 656,
    "benign": 276,
    "benignCalibration": 137
  },
  "bm25": {
    "cwe": {
      "cause": 0,
      "apis": 22.805,
      "code": 1.015,
      "rules": 0
    },
    "gate": {
      "cause": 0.153,
      "apis": 37.893,
      "code": 1.015,
      "rules": 0
    },
    "example": {
      "cause": 0,
      "apis": 0.339,
      "code": 0.002
    }
  },
  "dense": {},
  "results": {
    "seccodeplt calibration": {
      "n": 705,
      "inScope": 678,
      "hit1": "61.7",
      "hit4": "84.5",
      "mrr": "71.3",
      "hit1Exact": "57.9",
      "hit4Exact": "83.2",
      "gateVulnerable": "95.3",
      "gateFixed": "94.2"
    },
    "cyberseceval calibration": {
      "n": 656,
      "inScope": 616,
      "hit1": "52.9",
      "hit4": "77.9",
      "mrr": "62.9",
      "hit1Exact": "46.1",
      "hit4Exact": "68.6",
      "gateVulnerable": "95.1",
      "gateFixed": "–"
    },
    "benign calibration: share marked relevant": "56.2",
    "seccodeplt held-out": {
      "n": 706,
      "inScope": 682,
      "hit1": "61.3",
      "hit4": "84.3",
      "mrr": "70.9",
      "hit1Exact": "57.4",
      "hit4Exact": "83.7",
      "gateVulnerable": "93.9",
      "gateFixed": "93.1"
    },
    "cyberseceval held-out": {
      "n": 659,
      "inScope": 621,
      "hit1": "51.0",
      "hit4": "74.4",
      "mrr": "60.4",
      "hit1Exact": "45.1",
      "hit4Exact": "67.2",
      "gateVulnerable": "94.1",
      "gateFixed": "–"
    },
    "benign held-out: share marked relevant": "60.4",
    "seccodeplt all": {
      "n": 1411,
      "inScope": 1360,
      "hit1": "61.5",
      "hit4": "84.4",
      "mrr": "71.1",
      "hit1Exact": "57.7",
      "hit4Exact": "83.4",
      "gateVulnerable": "94.6",
      "gateFixed": "93.6"
    },
    "cyberseceval all": {
      "n": 1315,
      "inScope": 1237,
      "hit1": "52.0",
      "hit4": "76.2",
      "mrr": "61.6",
      "hit1Exact": "45.6",
      "hit4Exact": "67.9",
      "gateVulnerable": "94.6",
      "gateFixed": "–"
    },
    "benign all: share marked relevant": "58.3"
  }
};
