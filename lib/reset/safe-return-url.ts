// Return URLs are checked against an allow list of origins and paths, so no parameter can send a user to
// another site after a reset (no open redirects; ASVS5 3.7.2, OWASP Unvalidated Redirects Cheat Sheet).
// The candidate is parsed with the WHATWG URL parser (https://url.spec.whatwg.org/, what browsers use)
// against the portal's origin, origins are compared, and a same-origin result is re-serialised as path, query
// and fragment only. That re-serialisation is where "/.//evil.example", "/..//evil.example" and
// "http://portal//evil.example" turn dangerous: each normalises to the path "//evil.example", which a browser
// reads as the protocol-relative URL of another host, so a path that starts with "//" is refused.
// Backslashes (browsers read them as slashes), tabs, newlines and other control characters (browsers drop
// them) and userinfo ("https://portal@evil", "https://user:pass@portal") are refused outright.
const unsafeCharacters = /[\u0000-\u001f\u007f\\]/;

export function safeReturnUrl(
  candidate: string | null | undefined,
  appOrigin: string,
  allowList: readonly string[],
  fallback = '/',
): string {
  if (!candidate || candidate.length > 2048 || unsafeCharacters.test(candidate)) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, appOrigin);
  } catch {
    return fallback;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fallback;
  if (url.username || url.password) return fallback;
  const isAllowed = allowList.some((allowed) => {
    const entry = new URL(allowed, appOrigin);
    if (entry.origin !== url.origin) return false;
    const base = entry.pathname.endsWith('/') ? entry.pathname : `${entry.pathname}/`;
    return entry.pathname === '/' || url.pathname === entry.pathname || url.pathname.startsWith(base);
  });
  if (!isAllowed) return fallback;
  if (url.origin !== new URL(appOrigin).origin) return url.href;
  if (url.pathname.startsWith('//')) return fallback;
  const reference = `${url.pathname}${url.search}${url.hash}`;
  // The reference must stay on whatever origin it is resolved against (a path-absolute URL, never a host).
  return isPathAbsolute(reference) ? reference : fallback;
}

function isPathAbsolute(reference: string): boolean {
  const probe = 'https://probe.invalid';
  try {
    return new URL(reference, probe).origin === probe;
  } catch {
    return false;
  }
}
