import { z } from 'zod';
import { LANGUAGES } from '../code/languages.js';

/**
 * The hand-written knowledge-base source format: one YAML file per CWE in kb/sources/.
 * kb/README.md documents it for authors; this schema is the single definition the loader,
 * `rescue kb build` and `rescue kb verify` share.
 */
export const SOURCE_SCHEMA_VERSION = 1;

export const languageSchema = z.enum(LANGUAGES);
export const severitySchema = z.enum(['critical', 'high', 'medium', 'low']);
export const confidenceSchema = z.enum(['high', 'medium', 'low']);

const cweId = z.string().regex(/^CWE-\d+$/, 'a CWE id such as CWE-89');
const guidelineId = z.string().regex(/^CWE-\d+\.g\d+$/, 'a guideline id such as CWE-89.g2');
const ruleId = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'lower-case words joined by dots or dashes');

export const guidelineSchema = z.strictObject({
  id: guidelineId,
  /** One actionable sentence. */
  text: z.string().min(20).max(400),
  /** Limits the guideline to these languages; absent means every language. */
  languages: z.array(languageSchema).min(1).optional(),
});

export const apiSetSchema = z.strictObject({
  /** Qualified names as code calls them after import resolution: `yaml.load`, `child_process.exec`, `strcpy`. */
  insecure: z.array(z.string().min(1)).default([]),
  safe: z.array(z.string().min(1)).default([]),
});

/**
 * Extra constraints on a match, beyond tree-sitter's own #eq?/#match?/#any-of? predicates.
 * Every constraint of a rule must hold for the match to become a finding.
 */
export const constraintSchema = z.union([
  /** The captured node is (literal: true) or is not (literal: false) a constant: a string without interpolation, a number, true/false/null. */
  z.strictObject({ capture: z.string(), literal: z.boolean() }),
  /** The captured callee (identifier, attribute or member expression) resolves through the file's imports to one of these qualified names. */
  z.strictObject({ capture: z.string(), resolvesTo: z.array(z.string().min(1)).min(1) }),
  /** The captured call has (or lacks) a keyword / named argument, optionally whose value text matches a regex. */
  z.strictObject({ capture: z.string(), hasArgument: z.string(), value: z.string().optional() }),
  z.strictObject({ capture: z.string(), lacksArgument: z.string() }),
  /** The captured node lies (or does not lie) inside a node of one of these types, e.g. a `try` or a function named by regex. */
  z.strictObject({ capture: z.string(), inside: z.array(z.string()).min(1) }),
  z.strictObject({ capture: z.string(), notInside: z.array(z.string()).min(1) }),
  /** The unit (function) text does not match this regex anywhere: a guard such as `realpath` or `startswith` is absent. */
  z.strictObject({ unitLacks: z.string() }),
]);

export const fixEditSchema = z.union([
  /** Replace the captured node's text with a template; `{{name}}` inserts another capture's text. */
  z.strictObject({ capture: z.string(), replace: z.string() }),
  /** Delete the captured node, with the separating comma and space next to it when it is a list item. */
  z.strictObject({ capture: z.string(), delete: z.literal(true) }),
]);

export const fixSchema = z.strictObject({
  /** One line, what the fix does: shown to users above the suggestion. */
  description: z.string().min(5),
  edits: z.array(fixEditSchema).min(1),
  /** Import lines the fixed code needs, added once at the file's import block when absent. */
  imports: z.array(z.string().min(1)).default([]),
});

export const ruleSchema = z.strictObject({
  id: ruleId,
  language: languageSchema,
  guideline: guidelineId,
  severity: severitySchema,
  confidence: confidenceSchema,
  /** What is wrong, in one or two sentences, without the fix. */
  message: z.string().min(10),
  /** A tree-sitter query for the language's grammar. TypeScript rules also run on TSX. */
  query: z.string().min(3),
  /** The capture whose range is reported. */
  report: z.string(),
  where: z.array(constraintSchema).default([]),
  fix: fixSchema.optional(),
  tests: z.strictObject({
    /** Code on which the rule must fire (at least once). */
    positive: z.string().min(1),
    /** Code on which it must not fire: the nearest safe variant, not unrelated code. */
    negative: z.string().min(1),
    /** When a fix is given: the positive code after the fix. */
    fixed: z.string().optional(),
  }),
});

export const exampleSchema = z.strictObject({
  language: languageSchema,
  /** A short title: what the code does. */
  title: z.string().min(5),
  vulnerable: z.string().min(1),
  secure: z.string().min(1),
  /** 1-based lines of `vulnerable` that the fix changes or removes; empty when the fix only adds a check. */
  vulnerableLines: z.array(z.number().int().positive()),
  /** 1-based lines of `secure` that the fix adds or changes; empty when the fix only removes code. */
  secureLines: z.array(z.number().int().positive()),
  /** Guideline ids the secure version follows. */
  guidelines: z.array(guidelineId).min(1),
  /** Where it came from; hand-written examples say so. */
  provenance: z.string().default('hand-written for rescue-action'),
}).refine((e) => e.vulnerableLines.length + e.secureLines.length > 0, {
  message: 'vulnerableLines and secureLines are both empty: mark the lines the fix changes',
  path: ['secureLines'],
});

export const cweSourceSchema = z.strictObject({
  id: cweId,
  name: z.string().min(3),
  parents: z.array(cweId).default([]),
  /** Other CWEs users confuse with this one; retrieval treats them as related. */
  related: z.array(cweId).default([]),
  /** The vulnerability cause: which code shapes and data flows produce the weakness. */
  cause: z.string().min(80),
  guidelines: z.array(guidelineSchema).min(1),
  apis: z.partialRecord(languageSchema, apiSetSchema).default({}),
  rules: z.array(ruleSchema).default([]),
  examples: z.array(exampleSchema).default([]),
});

export type CweSource = z.infer<typeof cweSourceSchema>;
export type GuidelineSource = z.infer<typeof guidelineSchema>;
export type RuleSource = z.infer<typeof ruleSchema>;
export type ExampleSource = z.infer<typeof exampleSchema>;
export type Constraint = z.infer<typeof constraintSchema>;
export type FixSource = z.infer<typeof fixSchema>;
