import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { Severity } from '../assess/finding.js';
import { ConfigurationError } from './errors.js';

/** Where a repository keeps its RESCUE settings, relative to its root. */
export const REPO_CONFIG_PATH = '.github/rescue.yml';

/** A list option: a YAML list, or one string with comma-separated items. */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z.union([
    z.array(item),
    z
      .string()
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(item)),
  ]);

const glob = z.string().trim().min(1, 'an empty glob');
const ruleId = z.string().regex(/^cwe-\d+\.[a-z]+\.[a-z0-9][a-z0-9-]*$/, 'a rule id such as cwe-89.python.execute-fstring');
const cweId = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^CWE-\d+$/, 'a CWE id such as CWE-89'));

/** The schema of `.github/rescue.yml`: unknown keys are errors, so a typo never passes silently. */
export const repoConfigSchema = z.strictObject({
  include: list(glob).optional(),
  exclude: list(glob).optional(),
  'severity-threshold': z.enum(['low', 'medium', 'high', 'critical']).optional(),
  'disable-rules': list(ruleId).optional(),
  'disable-cwes': list(cweId).optional(),
});

/** Repository settings, validated. Every field is optional: command-line flags and Action inputs win. */
export interface RepoConfig {
  /** Where the settings came from (for messages). */
  readonly file: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly severityThreshold?: Severity;
  readonly disableRules: readonly string[];
  readonly disableCwes: readonly string[];
}

export const EMPTY_REPO_CONFIG: RepoConfig = { file: '(none)', disableRules: [], disableCwes: [] };

/**
 * Parses the text of a repository config file. The Action reads the file through the API and calls this;
 * the CLI reads it from disk with `readRepoConfig`. Errors name the file and the field.
 */
export function parseRepoConfig(text: string, file: string = REPO_CONFIG_PATH): RepoConfig {
  let data: unknown;
  try {
    data = YAML.parse(text, { prettyErrors: true });
  } catch (error) {
    throw new ConfigurationError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return { ...EMPTY_REPO_CONFIG, file };
  const parsed = repoConfigSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((outer) => {
      // A list given as a list with a bad item: report the item, not the union of list and string.
      const inner = outer.code === 'invalid_union' ? outer.errors[0]?.[0] : undefined;
      const issue = inner && inner.path.length > 0 ? { ...inner, path: [...outer.path, ...inner.path] } : outer;
      const field = issue.path.length ? issue.path.join('.') : '(top level)';
      return `${field}: ${describeIssue(issue)}`;
    });
    throw new ConfigurationError(`${file}: ${problems.join('; ')}`);
  }
  const c = parsed.data;
  return {
    file,
    ...(c.include && { include: c.include }),
    ...(c.exclude && { exclude: c.exclude }),
    ...(c['severity-threshold'] && { severityThreshold: c['severity-threshold'] }),
    disableRules: c['disable-rules'] ?? [],
    disableCwes: c['disable-cwes'] ?? [],
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} (known: ${Object.keys(repoConfigSchema.shape).join(', ')})`;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_union') return 'must be a list of strings or one comma-separated string';
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  return issue.message;
}

/**
 * Reads the repository config: `explicit` (a path the user gave, which must exist) or
 * `<root>/.github/rescue.yml` when present. Absent and not asked for: the empty config.
 */
export async function readRepoConfig(root: string, explicit?: string): Promise<RepoConfig> {
  const file = explicit !== undefined ? path.resolve(root, explicit) : path.join(root, REPO_CONFIG_PATH);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (explicit === undefined && code === 'ENOENT') return EMPTY_REPO_CONFIG;
    throw new ConfigurationError(`--config: cannot read ${file}: ${code ?? (error as Error).message}`);
  }
  return parseRepoConfig(text, explicit ?? REPO_CONFIG_PATH);
}

/** Command-line flags that override the repository config (undefined: not given). */
export interface SettingFlags {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly severityThreshold?: Severity;
}

/** The effective settings: a flag wins over the file, the file over the defaults. */
export function mergeSettings(config: RepoConfig, flags: SettingFlags): {
  include?: readonly string[];
  exclude?: readonly string[];
  severityThreshold: Severity;
  disableRules: readonly string[];
  disableCwes: readonly string[];
} {
  return {
    include: flags.include ?? config.include,
    exclude: flags.exclude ?? config.exclude,
    severityThreshold: flags.severityThreshold ?? config.severityThreshold ?? 'low',
    disableRules: config.disableRules,
    disableCwes: config.disableCwes,
  };
}
