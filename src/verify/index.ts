/** Verification of proposed replacements (rule fix templates today, model rewrites later). */
export { verifyReplacement, type ReplacementCandidate, type Verdict, type VerifyCheck, type VerifyInput } from './verify-replacement.js';
export { signatureOf } from './signature.js';
export { syntaxErrorsIn } from './syntax.js';
