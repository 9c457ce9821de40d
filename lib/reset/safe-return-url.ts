// Return URLs are checked against an allow list of origins and paths, so no parameter can send a user to
// another site after a reset (no open redirects; ASVS5 3.7.2, OWASP Unvalidated Redirects Cheat Sheet).
// Relative paths resolve against the portal's origin; protocol-relative ("//evil") and backslash tricks
// resolve to another origin and are refused.
export function safeReturnUrl(
  candidate: string | null | undefined,
  appOrigin: string,
  allowList: readonly string[],
  fallback = '/',
): string {
  if (!candidate || candidate.length > 2048) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, appOrigin);
  } catch {
    return fallback;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fallback;
  const isAllowed = allowList.some((allowed) => {
    const entry = new URL(allowed, appOrigin);
    if (entry.origin !== url.origin) return false;
    const base = entry.pathname.endsWith('/') ? entry.pathname : `${entry.pathname}/`;
    return entry.pathname === '/' || url.pathname === entry.pathname || url.pathname.startsWith(base);
  });
  if (!isAllowed) return fallback;
  return url.origin === new URL(appOrigin).origin ? `${url.pathname}${url.search}${url.hash}` : url.href;
}
