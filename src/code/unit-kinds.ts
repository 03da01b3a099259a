import type { Language } from './languages.js';
import type { UnitSpec } from './unit-spec.js';
import { c, cpp } from './unit-kinds/c-family.js';
import { go } from './unit-kinds/go.js';
import { java } from './unit-kinds/java.js';
import { javascript } from './unit-kinds/javascript.js';
import { python } from './unit-kinds/python.js';

/** The unit rules of each language; TypeScript, TSX and JSX share JavaScript's (their grammars extend it). */
export const UNIT_SPECS: Readonly<Record<Language, UnitSpec>> = {
  python,
  javascript,
  typescript: javascript,
  java,
  go,
  c,
  cpp,
};
