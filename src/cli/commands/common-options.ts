/** Options shared by `review` and `scan`, for node:util parseArgs. */
export const COMMON_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'severity-threshold': { type: 'string' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  verbose: { type: 'boolean', short: 'v' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

export const COMMON_HELP = `  -f, --format F               text (default), json, sarif or markdown
  -o, --output FILE            write the report to FILE instead of stdout
  --severity-threshold S       low (default), medium, high or critical: exit 1 only for findings at or above S
  --include GLOB               review only matching paths (repeatable, or comma-separated)
  --exclude GLOB               skip matching paths (repeatable, or comma-separated)
  -v, --verbose                list every reviewed unit and debug messages
  -q, --quiet                  only warnings and errors on stderr

Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage or configuration error.`;

/** Repeatable and comma-separated list options flattened. */
export function listOption(values: readonly string[] | undefined): string[] | undefined {
  const items = values?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return items?.length ? items : undefined;
}
