/**
 * Secret shapes, redacted from everything sent to a model. Each pattern's `secret` group (or the whole
 * match) is what gets replaced; the surrounding context (a name like `password =`, a URL's scheme and host)
 * stays, so the model still sees what the code does. Written for recall over precision: replacing a
 * harmless string costs a little context, sending a real key costs a rotation.
 *
 * Order matters: specific token formats come first so that a GitHub token inside a URL is one secret,
 * not two overlapping ones (overlaps are resolved in favour of the earlier pattern).
 */
export interface SecretPattern {
  readonly id: string;
  readonly description: string;
  /** Global regex; a named group `secret` marks the part to replace (default: the whole match). */
  readonly regex: RegExp;
}

// Names that announce a secret value: `password`, `api_key`, `clientSecret`, `AUTH_TOKEN`, `passwd`, ...
const SECRET_NAME = String.raw`[A-Za-z0-9_.\-]*(?:passw(?:or)?d|passphrase|pwd|secret|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key|auth[_\-]?token|access[_\-]?token|refresh[_\-]?token|token|credential|client[_\-]?secret|signing[_\-]?key|encryption[_\-]?key|master[_\-]?key|session[_\-]?key)[A-Za-z0-9_.\-]*`;
// `name = "value"`, `name: 'value'`, `"name": "value"`, `name := "value"`, `name => "value"`, `name, "value"` (setters).
const ASSIGN = String.raw`["']?\s*(?:=|:=|:|=>|,)\s*(?:[A-Za-z]?["'\x60])`;

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'private-key-block',
    description: 'PEM private key block (RSA, EC, DSA, OpenSSH, PGP, encrypted)',
    regex: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g,
  },
  { id: 'aws-access-key-id', description: 'AWS access key id', regex: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/g },
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key next to its name',
    regex: /(?:aws_?secret_?access_?key|aws_?secret|secret_?access_?key)["']?\s*(?:=|:|=>)\s*["']?(?<secret>[A-Za-z0-9/+]{40})\b/gi,
  },
  { id: 'github-pat-fine-grained', description: 'GitHub fine-grained personal access token', regex: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
  { id: 'github-token', description: 'GitHub token (ghp_, gho_, ghu_, ghs_, ghr_)', regex: /\bgh[pousr]_[A-Za-z0-9]{30,255}\b/g },
  { id: 'gitlab-token', description: 'GitLab personal, project or runner token', regex: /\bgl(?:pat|ptt|rt|dt|ft|cbt|oas|imt)-[A-Za-z0-9_\-]{20,}\b/g },
  { id: 'slack-token', description: 'Slack token (xoxb, xoxp, xoxa, xoxr, xoxs, xoxe)', regex: /\bxox[abeoprs]-(?:\d+-)?[A-Za-z0-9-]{10,}\b/g },
  { id: 'slack-webhook', description: 'Slack incoming webhook URL', regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_\-]{20,}/g },
  { id: 'discord-webhook', description: 'Discord webhook URL', regex: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_\-]{30,}/g },
  { id: 'stripe-key', description: 'Stripe secret or restricted key', regex: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g },
  { id: 'anthropic-key', description: 'Anthropic API key', regex: /\bsk-ant-[A-Za-z0-9_\-]{20,}\b/g },
  { id: 'openai-key', description: 'OpenAI API key (sk-, sk-proj-, sk-svcacct-)', regex: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}\b/g },
  { id: 'google-api-key', description: 'Google API key', regex: /\bAIza[0-9A-Za-z_\-]{35}\b/g },
  { id: 'google-oauth-secret', description: 'Google OAuth client secret', regex: /\bGOCSPX-[A-Za-z0-9_\-]{20,}\b/g },
  { id: 'google-service-account-key', description: 'private_key_id of a Google service account', regex: /"private_key_id"\s*:\s*"(?<secret>[a-f0-9]{40})"/g },
  { id: 'sendgrid-key', description: 'SendGrid API key', regex: /\bSG\.[A-Za-z0-9_\-]{16,32}\.[A-Za-z0-9_\-]{16,64}\b/g },
  { id: 'twilio-key', description: 'Twilio API key or auth token', regex: /\b(?:SK|AC)[0-9a-f]{32}\b/g },
  { id: 'npm-token', description: 'npm access token', regex: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { id: 'pypi-token', description: 'PyPI upload token', regex: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,}\b/g },
  { id: 'huggingface-token', description: 'Hugging Face token', regex: /\bhf_[A-Za-z0-9]{30,}\b/g },
  { id: 'digitalocean-token', description: 'DigitalOcean token', regex: /\bdo[opr]_v1_[a-f0-9]{64}\b/g },
  { id: 'shopify-token', description: 'Shopify access token', regex: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/g },
  { id: 'mailgun-key', description: 'Mailgun API key', regex: /\bkey-[0-9a-f]{32}\b/g },
  { id: 'square-token', description: 'Square access token or OAuth secret', regex: /\bsq0(?:atp|csp)-[A-Za-z0-9_\-]{22,}\b/g },
  { id: 'telegram-bot-token', description: 'Telegram bot token', regex: /\b\d{8,10}:AA[A-Za-z0-9_\-]{33}\b/g },
  { id: 'azure-storage-key', description: 'Azure storage AccountKey or SharedAccessKey', regex: /(?:AccountKey|SharedAccessKey)=(?<secret>[A-Za-z0-9+/=]{20,})/g },
  { id: 'azure-sas-signature', description: 'Azure SAS token signature', regex: /[?&]sig=(?<secret>[A-Za-z0-9%+/=]{20,})/g },
  { id: 'jwt', description: 'JSON Web Token', regex: /\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\b/g },
  {
    id: 'url-credentials',
    description: 'credentials in a URL (scheme://user:password@host), including database connection URLs',
    regex: /\b[a-z][a-z0-9+.\-]*:\/\/[^\s:/?#@"'`]*:(?<secret>[^\s@/"'`]{1,200})@[^\s/"'`]/gi,
  },
  {
    id: 'connection-string-password',
    description: 'password field of a key=value connection string (ADO.NET, ODBC, libpq)',
    regex: /\b(?:password|pwd)=(?<secret>[^;"'\s(),]+)(?=[;"'\s]|$)/gim,
  },
  {
    id: 'authorization-header',
    description: 'Authorization header with Bearer, Basic or token credentials',
    regex: /\b(?:Bearer|Basic|token)\s+(?<secret>[A-Za-z0-9_\-.=+/]{16,})/g,
  },
  {
    id: 'password-literal',
    description: 'string literal assigned to or paired with a secret-like name',
    regex: new RegExp(String.raw`\b${SECRET_NAME}${ASSIGN}(?<secret>[^"'\x60\n\\]{3,200})["'\x60]`, 'gi'),
  },
  {
    id: 'config-line-secret',
    description: 'unquoted value of a secret-like key in YAML, .env or properties lines',
    regex: new RegExp(String.raw`^[ \t]*(?:export[ \t]+)?${SECRET_NAME}(?:[ \t]*:[ \t]*|=)(?<secret>[^\s"'\x60#{}()\[\],;.][^\s"'\x60#;(),]{2,200})[ \t]*$`, 'gim'),
  },
  {
    id: 'generic-high-entropy',
    description: 'long high-entropy token next to a key, token or secret name',
    regex: new RegExp(String.raw`\b${SECRET_NAME}["']?\s*(?:=|:=|:|=>)\s*(?<secret>[A-Za-z0-9_\-+/=]{20,})`, 'gi'),
  },
];

/** Values that look like a secret assignment but are not secrets: placeholders and references. */
export function isBenignValue(value: string): boolean {
  const v = value.trim();
  if (/^__RESCUE_SECRET_\d+__$/.test(v)) return true;
  // Environment and template references, not values: ${VAR}, {{ secrets.X }}, %(pw)s, $PASSWORD, <password>.
  if (/^(?:\$\{[^}]*\}|\{\{[^}]*\}\}|%\(\w+\)s|\$[A-Z_][A-Z0-9_]*|<[^>]+>|\*+|x+|changeme|example|placeholder|your[_\- ].*|none|null|undefined|true|false)$/i.test(v)) return true;
  // Type annotations (`password: string`) and bare identifiers read from elsewhere are not values.
  if (/^(?:string|str|number|int|integer|bool|boolean|any|bytes|char\*?|String|Optional\[str\]|SecretStr)$/.test(v)) return true;
  return false;
}

/** Shannon entropy per character, for the generic pattern (a 20-character word is not a key). */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    h -= p * Math.log2(p);
  }
  return h;
}
