import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ConfigurationError } from '../config/errors.js';
import { languageSchema } from './source-schema.js';
import { sha256, stableStringify } from './stable-json.js';

/**
 * Knowledge mined from vulnerability-fix pairs by `rescue kb build --pairs`: one JSON file per CWE in
 * kb/mined/. It is an input of every later build (so `kb build --check` reproduces kb/build without an
 * LLM), merged under the hand-written sources: hand-written entries win.
 */
export const MINED_SCHEMA_VERSION = 1;

const sliceSchema = z.strictObject({ lines: z.array(z.number().int().positive()), text: z.string(), fallback: z.string().optional() });

export const minedExampleSchema = z.strictObject({
  /** The pair's id in its dataset, e.g. `safecoder-sec-new-desc/train/12`. */
  pairId: z.string(),
  language: languageSchema,
  title: z.string(),
  vulnerable: z.string(),
  secure: z.string(),
  vulnerableLines: z.array(z.number().int().positive()),
  secureLines: z.array(z.number().int().positive()),
  vulnerableSlice: sliceSchema.optional(),
  secureSlice: sliceSchema.optional(),
  apis: z.array(z.string()),
  provenance: z.string(),
});

export const minedCweSchema = z.strictObject({
  schemaVersion: z.literal(MINED_SCHEMA_VERSION),
  cwe: z.string().regex(/^CWE-\d+$/),
  /** Absent when summarization failed or did not run for this output. */
  cause: z.string().optional(),
  guidelines: z.array(z.string()),
  examples: z.array(minedExampleSchema),
  provenance: z.strictObject({
    pairs: z.string(),
    model: z.string().optional(),
    prompts: z.array(z.string()),
  }),
});

export type MinedCwe = z.infer<typeof minedCweSchema>;
export type MinedExample = z.infer<typeof minedExampleSchema>;

export interface LoadedMined {
  readonly name: string;
  readonly sha256: string;
  readonly mined: MinedCwe;
}

/** Reads every `CWE-*.json` in `dir`; a missing directory means nothing was mined. */
export async function readMined(dir: string): Promise<LoadedMined[]> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => /^CWE-\d+\.json$/.test(n)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: LoadedMined[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const text = await fs.readFile(file, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new ConfigurationError(`${file}: not JSON: ${(e as Error).message}`);
    }
    const parsed = minedCweSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigurationError(`${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    if (name !== `${parsed.data.cwe}.json`) throw new ConfigurationError(`${file}: holds ${parsed.data.cwe}; name it ${parsed.data.cwe}.json`);
    out.push({ name, sha256: sha256(text), mined: parsed.data });
  }
  return out;
}

export function serializeMined(mined: MinedCwe): string {
  return `${stableStringify(mined, 2)}\n`;
}
