export function issueToken(userId: string, opts: { ttl?: number } = {}): string {
  const ttl: number = opts.ttl ?? 3600;
  const started = Date.now();
  const nonce = Math.random().toString(36).slice(2);
  metrics.increment('token.issued');
  const payload = { sub: userId, exp: started + ttl * 1000, nonce };
  const token = sign(payload, SECRET);
  logger.info(`issued token for ${userId}`);
  return token;
}
