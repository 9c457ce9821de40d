import 'server-only';
// The requester's IP and user agent for rate limits and the audit log. The portal is deployed behind one
// reverse proxy that appends the client address to X-Forwarded-For (docs/reset-portal.md); the last entry
// is the one that proxy saw. Without a proxy header the address is unknown and the per-account limits
// still apply.
import type { RequestOrigin } from '../reset-dependencies';

export function requestOriginOf(headers: Headers): RequestOrigin {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  const ip = last ?? headers.get('x-real-ip') ?? null;
  return { ip: ip && ip.length <= 64 ? ip : null, userAgent: headers.get('user-agent')?.slice(0, 400) ?? null };
}
