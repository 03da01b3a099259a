import { assessFileUnits, type AssessConfig, type AssessOutput } from '../assess/assess.js';
import type { RuleBook } from '../assess/rule-book.js';
import { grammarOf, type Language } from '../code/languages.js';
import { parse } from '../code/parser.js';
import type { Unit } from '../code/unit.js';
import { extractUnits } from '../code/units.js';
import type { Logger, LogLocation } from '../logging/logger.js';

/** A file that passed the source guard, ready to scan. */
export interface FileToScan {
  readonly path: string;
  readonly language: Language;
  readonly text: string;
}

/** A warning raised while scanning a file, replayed by the caller in path order. */
export interface FileWarning {
  readonly level: 'warning' | 'error';
  readonly message: string;
  readonly location?: LogLocation;
}

/** One file's part of a scan, as plain data (it crosses from a worker thread). */
export interface FileScan {
  readonly path: string;
  readonly units: Unit[];
  readonly parseErrors: boolean;
  /** Present when rules ran (an assessment was asked for and the file has units). */
  readonly assessed?: AssessOutput;
  readonly warnings: FileWarning[];
  /**
   * Set when an assessment was asked for and no rule of the file's grammar could match its text (the
   * rules' needles are absent): the file was not parsed, so it has no units and no parse errors.
   */
  readonly noCandidateRules?: true;
}

export interface FileAssessment {
  readonly rules: RuleBook;
  readonly config?: AssessConfig;
}

/**
 * Units and findings of one file from a single parse: unit extraction and the rules share the tree, which
 * is deleted after both. Scan mode only (review mode slices units against the change).
 *
 * With an assessment, a file that no rule of its grammar could match (RuleBook.mayMatch: the text lacks
 * what every rule needs) is not parsed at all: it could have no finding, and a scan has no model stage
 * that would look at its units. Whether a rule may match depends on the text and the rules only, not on
 * which files the thread saw before, so the result does not depend on how files are spread over threads.
 * `candidates`: the caller worked them out already (RuleBook.candidates, not empty: scan-pool.ts settles
 * the other files as it reads them); the runner takes them instead of searching the text again.
 */
export async function scanFile(file: FileToScan, assessment: FileAssessment | undefined, candidates?: readonly number[]): Promise<FileScan> {
  const warnings: FileWarning[] = [];
  const grammar = grammarOf(file.path, file.language);
  if (assessment && candidates) (await assessment.rules.runnerFor(grammar)).remember(file.text, candidates);
  else if (assessment && !assessment.rules.mayMatch(grammar, file.text)) return withoutCandidateRules(file.path);
  const tree = await parse(grammar, file.text);
  try {
    const extraction = await extractUnits({ path: file.path, language: file.language, text: file.text, tree });
    let assessed: AssessOutput | undefined;
    if (assessment && extraction.units.length > 0) {
      assessed = await assessFileUnits(
        file.path,
        { text: file.text, language: file.language },
        extraction.units,
        { rules: assessment.rules, mode: 'scan', config: assessment.config, logger: warningsInto(warnings) },
        tree,
      );
    }
    return { path: file.path, units: extraction.units, parseErrors: extraction.parseErrors, assessed, warnings };
  } finally {
    tree.delete();
  }
}

/** The scan of a file no rule of its grammar could match (RuleBook.mayMatch): not parsed. */
export function withoutCandidateRules(path: string): FileScan {
  return { path, units: [], parseErrors: false, warnings: [], noCandidateRules: true };
}

/** A logger that keeps warnings and errors for the caller to replay; assessment of a file logs nothing else that matters. */
function warningsInto(out: FileWarning[]): Logger {
  return {
    debug() {},
    info() {},
    warning: (message, location) => void out.push({ level: 'warning', message, ...(location && { location }) }),
    error: (message, location) => void out.push({ level: 'error', message, ...(location && { location }) }),
    group: (_name, fn) => fn(),
  };
}
