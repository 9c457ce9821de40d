import 'server-only';
/** One cookie's value from a Cookie header (RFC 6265 5.4), or undefined. */
export function headerCookie(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** One cookie's value from the request's Cookie header, or undefined. */
export function requestCookie(request: Request, name: string): string | undefined {
  return headerCookie(request.headers, name);
}
