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
}

export interface FileAssessment {
  readonly rules: RuleBook;
  readonly config?: AssessConfig;
}

/**
 * Units and findings of one file from a single parse: unit extraction and the rules share the tree, which
 * is deleted after both. Scan mode only (review mode slices units against the change).
 */
export async function scanFile(file: FileToScan, assessment: FileAssessment | undefined): Promise<FileScan> {
  const warnings: FileWarning[] = [];
  const tree = await parse(grammarOf(file.path, file.language), file.text);
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
