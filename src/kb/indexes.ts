import MiniSearch from 'minisearch';
import {
  CWE_INDEX_OPTIONS,
  EXAMPLE_INDEX_OPTIONS,
  type CweIndexDoc,
  type ExampleIndexDoc,
} from './index-options.js';
import { serializeCompactIndex } from './compact-index.js';
import type { KbCwe, KbDocument, KbExample, KbExampleText } from './model.js';

export function cweIndexDoc(cwe: KbCwe): CweIndexDoc {
  return {
    id: cwe.id,
    name: cwe.name,
    cause: cwe.cause,
    guidelines: cwe.guidelines.map((g) => g.text).join('\n'),
    apis: cwe.allApis.join(' '),
  };
}

/**
 * The example level indexes the sliced code (the paper's unit of comparison), both versions. Without the
 * example's text (which holds the vulnerable slice) only the secure slice is indexed.
 */
export function exampleIndexDoc(ex: KbExample, text?: KbExampleText): ExampleIndexDoc {
  return {
    id: ex.id,
    apis: ex.apis.join(' '),
    code: text ? `${text.vulnerableSlice.text}\n${ex.secureSlice.text}` : ex.secureSlice.text,
  };
}

export interface KbIndexes {
  readonly cwes: MiniSearch<CweIndexDoc>;
  readonly examples: MiniSearch<ExampleIndexDoc>;
}

/** Documents are added in the document's (sorted) order, so the serialized index is deterministic. */
export function buildIndexes(doc: KbDocument, texts?: ReadonlyMap<string, KbExampleText>): KbIndexes {
  const cwes = new MiniSearch<CweIndexDoc>(CWE_INDEX_OPTIONS);
  cwes.addAll(doc.cwes.map(cweIndexDoc));
  const examples = new MiniSearch<ExampleIndexDoc>(EXAMPLE_INDEX_OPTIONS);
  examples.addAll(doc.cwes.flatMap((c) => c.examples.map((e) => exampleIndexDoc(e, texts?.get(e.id)))));
  return { cwes, examples };
}

/** index.json: the CWE-level index, compact (src/kb/compact-index.ts). */
export function serializeCweIndex(indexes: KbIndexes): string {
  return serializeCompactIndex(indexes.cwes as MiniSearch<unknown>);
}

/** example-index.json: the example-level index, compact. */
export function serializeExampleIndex(indexes: KbIndexes): string {
  return serializeCompactIndex(indexes.examples as MiniSearch<unknown>);
}
