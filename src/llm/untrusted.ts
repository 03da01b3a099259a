import { randomBytes } from 'node:crypto';

/**
 * Untrusted text (pull-request title and body, commit messages, the code under review with its comments)
 * goes into the prompt between two boundary lines that carry a random token chosen per request. The
 * instructions come before the block and say that nothing inside it is an instruction; text inside cannot
 * close the block because it cannot know the token (and a token that happens to occur is re-drawn).
 */
export interface UntrustedBlock {
  readonly begin: string;
  readonly end: string;
  readonly text: string;
}

export function newBoundary(random: () => string = () => randomBytes(8).toString('hex')): string {
  return random();
}

export function untrustedBlock(sections: readonly { readonly label: string; readonly text: string }[], boundary: string | (() => string) = newBoundary): UntrustedBlock {
  const all = sections.map((s) => `${s.label}\n${s.text}`).join('\n');
  let token = typeof boundary === 'string' ? boundary : boundary();
  for (let i = 0; all.includes(token) && i < 5; i++) token = newBoundary();
  const begin = `<<<UNTRUSTED DATA ${token}>>>`;
  const end = `<<<END UNTRUSTED DATA ${token}>>>`;
  const body = sections.map((s) => `### ${s.label}\n${s.text.replace(/\s+$/, '')}`).join('\n\n');
  return { begin, end, text: `${begin}\n${body}\n${end}` };
}
