import 'server-only';
// The app-only Graph token, kept in the process until shortly before it expires. msal-node caches it too,
// but asking msal for it costs about 0.6 ms of CPU per call (its cache lookup and token validation): on
// the start step, which makes one Graph lookup per request, that was visible in the CPU profile
// (bench/start-step-postgres.bench.ts, BENCH_CPU_PROF). Concurrent callers share one acquisition, so a
// burst at expiry asks once.
export type AcquiredToken = { accessToken: string; expiresOn: Date | null };

/** Refresh this long before the token's own expiry (msal-node refreshes 5 minutes early as well). */
export const tokenRefreshMarginMs = 5 * 60_000;

export function cachedAppToken(acquire: () => Promise<AcquiredToken>, now: () => number): () => Promise<string> {
  let current: { accessToken: string; refreshAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return async () => {
    if (current && now() < current.refreshAt) return current.accessToken;
    pending ??= acquire()
      .then((token) => {
        // Without an expiry the token is not kept: the next call asks msal again.
        current = {
          accessToken: token.accessToken,
          refreshAt: token.expiresOn ? token.expiresOn.getTime() - tokenRefreshMarginMs : 0,
        };
        return token.accessToken;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}
