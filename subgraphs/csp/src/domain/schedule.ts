/**
 * When a provider is next polled: its interval stretched by a random share of up to `jitter`, so providers
 * registered together (the whole catalog on a first start) drift apart instead of hitting the network at once.
 */
export const nextPollAt = (
  from: number,
  intervalSeconds: number,
  jitter: number,
  random = Math.random,
): number => from + Math.round(intervalSeconds * 1000 * (1 + jitter * random()));

/** Delay before retry `attempt` (1-based): base, 2×base, 4×base…, each with up to half of it added at random. */
export const retryDelay = (attempt: number, baseMs: number, random = Math.random): number => {
  const exp = baseMs * 2 ** (attempt - 1);
  return Math.round(exp + (exp / 2) * random());
};
