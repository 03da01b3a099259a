// Written by `npx tsx bench/calibrate.ts`; do not edit by hand. See calibration.ts.
import type { CalibrationFile } from './calibration.js';

export const CALIBRATION: CalibrationFile = {
  "version": 1,
  "date": "2026-11-23",
  "method": "coordinate descent on the calibration half: CWE-level fusion thresholds (BM25+, cause and code length-normalized) maximizing MRR; gate thresholds (>= fusion) maximizing MRR - 1 x share of benign units marked relevant subject to a share of vulnerable units marked relevant >= 0.95; example level: 10th percentile of correct matches",
  "seed": 1,
  "data": {
    "kbCwes": 58,
    "kbExamples": 329,
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
      "apis": 2.406,
      "code": 1.022,
      "rules": 0
    },
    "gate": {
      "cause": 0.179,
      "apis": 2.406,
      "code": 1.022,
      "rules": 0
    },
    "example": {
      "cause": 0,
      "apis": 0.384,
      "code": 0.002
    }
  },
  "dense": {},
  "results": {
    "seccodeplt calibration": {
      "n": 705,
      "inScope": 678,
      "hit1": "68.4",
      "hit4": "88.2",
      "mrr": "77.1",
      "hit1Exact": "60.2",
      "hit4Exact": "82.0",
      "gateVulnerable": "96.0",
      "gateFixed": "95.2"
    },
    "cyberseceval calibration": {
      "n": 656,
      "inScope": 622,
      "hit1": "61.4",
      "hit4": "81.4",
      "mrr": "69.8",
      "hit1Exact": "54.7",
      "hit4Exact": "73.8",
      "gateVulnerable": "95.4",
      "gateFixed": "–"
    },
    "benign calibration: share marked relevant": "54.0",
    "seccodeplt held-out": {
      "n": 706,
      "inScope": 682,
      "hit1": "69.2",
      "hit4": "87.4",
      "mrr": "77.1",
      "hit1Exact": "60.0",
      "hit4Exact": "81.2",
      "gateVulnerable": "95.6",
      "gateFixed": "95.0"
    },
    "cyberseceval held-out": {
      "n": 659,
      "inScope": 627,
      "hit1": "57.3",
      "hit4": "78.5",
      "mrr": "66.0",
      "hit1Exact": "51.8",
      "hit4Exact": "72.2",
      "gateVulnerable": "96.1",
      "gateFixed": "–"
    },
    "benign held-out: share marked relevant": "58.3",
    "seccodeplt all": {
      "n": 1411,
      "inScope": 1360,
      "hit1": "68.8",
      "hit4": "87.8",
      "mrr": "77.1",
      "hit1Exact": "60.1",
      "hit4Exact": "81.6",
      "gateVulnerable": "95.8",
      "gateFixed": "95.1"
    },
    "cyberseceval all": {
      "n": 1315,
      "inScope": 1249,
      "hit1": "59.3",
      "hit4": "79.9",
      "mrr": "67.9",
      "hit1Exact": "53.2",
      "hit4Exact": "73.0",
      "gateVulnerable": "95.7",
      "gateFixed": "–"
    },
    "benign all: share marked relevant": "56.2"
  }
};
