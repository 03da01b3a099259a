import type { ChatMessage } from './openai-client.js';

/** Counts tokens of a text. */
export type TokenCounter = (text: string) => number;

let loading: Promise<TokenCounter> | undefined;

/**
 * The o200k_base tokenizer (GPT-4o, GPT-4.1, o-series; what GitHub Models' default model uses), imported on
 * first use: gpt-tokenizer costs ~0.3 s to load, which an offline run should not pay. Counts for models of
 * other families are estimates; the default input cap leaves a margin for that.
 */
export function loadTokenCounter(): Promise<TokenCounter> {
  loading ??= import('gpt-tokenizer/encoding/o200k_base').then((m) => (text: string) => m.countTokens(text));
  return loading;
}

/** Per-message framing of the chat format (role and separators), as OpenAI documents it: about 4 tokens. */
export const MESSAGE_OVERHEAD = 4;
/** Every reply is primed with the assistant's role: about 3 tokens. */
export const REPLY_PRIMING = 3;

export function countMessageTokens(messages: readonly ChatMessage[], count: TokenCounter): number {
  let total = REPLY_PRIMING;
  for (const m of messages) total += MESSAGE_OVERHEAD + count(m.content);
  return total;
}
