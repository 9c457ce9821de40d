// Return URLs are paths on this portal only (no open redirects, FPCS / ASVS5 3.x): a single leading "/",
// no "//" or "/\" (protocol-relative), no scheme, no control characters. Anything else falls back to "/".
const allowedPrefixes = ['/desk', '/account', '/admin', '/reset', '/unlock', '/'];

export function safeReturnPath(candidate: string | undefined, fallback = '/'): string {
  if (!candidate || candidate.length > 512) return fallback;
  let path = candidate;
  // next-auth hands back absolute URLs of this origin; keep only their path.
  if (/^https?:\/\//i.test(path)) {
    try {
      const url = new URL(path);
      path = `${url.pathname}${url.search}`;
    } catch {
      return fallback;
    }
  }
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || /[\u0000-\u001f\\]/.test(path))
    return fallback;
  return allowedPrefixes.some(
    (prefix) =>
      path === prefix || path.startsWith(prefix === '/' ? '/' : `${prefix}/`) || path.startsWith(`${prefix}?`),
  )
    ? path
    : fallback;
}
