import { z } from 'zod';
import { SOURCE_SCHEMA_VERSION } from './source-schema.js';

/**
 * kb/build/manifest.json. A loader refuses a MANIFEST_VERSION it does not know.
 * v2: `files` also names example-index.json and examples/<CWE>.jsonl (KB schema v2).
 */
export const MANIFEST_VERSION = 2;

export const manifestSchema = z.object({
  manifestVersion: z.number().int(),
  kbSchemaVersion: z.number().int(),
  sourceSchemaVersion: z.number().int(),
  index: z.object({ optionsHash: z.string(), optionsVersion: z.number().int(), tokenizer: z.string() }),
  /** sha256 of the generated files, by name. */
  files: z.record(z.string(), z.string()),
  /** sha256 of each source file (kb/sources) and mined file (kb/mined), by name. */
  sources: z.record(z.string(), z.string()),
  mined: z.record(z.string(), z.string()),
  embeddings: z
    .object({
      model: z.string(),
      dimensions: z.number().int().positive(),
      file: z.string(),
      count: z.number().int().nonnegative(),
      inputsHash: z.string(),
    })
    .optional(),
  counts: z.object({
    cwes: z.number().int(),
    guidelines: z.number().int(),
    rules: z.number().int(),
    examples: z.number().int(),
  }),
});

export type KbManifest = z.infer<typeof manifestSchema>;

export { SOURCE_SCHEMA_VERSION };
