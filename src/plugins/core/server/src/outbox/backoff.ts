/**
 * Seconds to wait before attempt `failedAttempts + 1`: the base doubles at each failure, is
 * capped, and only its upper half is fixed ("equal jitter"), so that jobs which failed together
 * (a provider outage) do not all come back at the same second.
 */
export function retryDelaySeconds(
  failedAttempts: number,
  { baseSeconds, maxSeconds }: { baseSeconds: number; maxSeconds: number },
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  const ceiling = Math.min(maxSeconds, baseSeconds * 2 ** exponent);
  return ceiling / 2 + random() * (ceiling / 2);
}
