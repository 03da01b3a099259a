import MiniSearch from 'minisearch';
import {
  CWE_INDEX_OPTIONS,
  EXAMPLE_INDEX_OPTIONS,
  type CweIndexDoc,
  type ExampleIndexDoc,
} from './index-options.js';
import type { KbCwe, KbDocument, KbExample } from './model.js';

export function cweIndexDoc(cwe: KbCwe): CweIndexDoc {
  return {
    id: cwe.id,
    name: cwe.name,
    cause: cwe.cause,
    guidelines: cwe.guidelines.map((g) => g.text).join('\n'),
    apis: cwe.allApis.join(' '),
  };
}

/** The example level indexes the sliced code (the paper's unit of comparison), both versions. */
export function exampleIndexDoc(ex: KbExample): ExampleIndexDoc {
  return {
    id: ex.id,
    apis: ex.apis.join(' '),
    code: `${ex.vulnerableSlice?.text ?? ex.vulnerable}\n${ex.secureSlice?.text ?? ex.secure}`,
  };
}

export interface KbIndexes {
  readonly cwes: MiniSearch<CweIndexDoc>;
  readonly examples: MiniSearch<ExampleIndexDoc>;
}

/** Documents are added in the document's (sorted) order, so the serialized index is deterministic. */
export function buildIndexes(doc: KbDocument): KbIndexes {
  const cwes = new MiniSearch<CweIndexDoc>(CWE_INDEX_OPTIONS);
  cwes.addAll(doc.cwes.map(cweIndexDoc));
  const examples = new MiniSearch<ExampleIndexDoc>(EXAMPLE_INDEX_OPTIONS);
  examples.addAll(doc.cwes.flatMap((c) => c.examples.map(exampleIndexDoc)));
  return { cwes, examples };
}

/** index.json: both indexes in one file, read with one JSON.parse. */
export function serializeIndexes(indexes: KbIndexes): string {
  return `${JSON.stringify({ cwes: indexes.cwes.toJSON(), examples: indexes.examples.toJSON() })}\n`;
}
