// A user of the portal over plain HTTP, like a browser without JavaScript: form posts with the session
// cookie and the page's CSRF token, following nothing (each answer's status and Location are checked).
export type PortalAnswer = { status: number; location: string; body: string };

export function portalUser(appOrigin: string, options: { forwardedFor?: string } = {}) {
  const cookies = new Map<string, string>();
  const headers = (extra: Record<string, string> = {}) => ({
    cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    origin: appOrigin,
    ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
    ...extra,
  });
  const keepCookies = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      if (index > 0) cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  };
  const answer = async (response: Response): Promise<PortalAnswer> => {
    keepCookies(response);
    return { status: response.status, location: response.headers.get('location') ?? '', body: await response.text() };
  };
  return {
    async get(base: string, path: string): Promise<PortalAnswer> {
      return answer(await fetch(`${base}${path}`, { headers: headers(), redirect: 'manual' }));
    },
    async post(base: string, path: string, fields: Record<string, string>): Promise<PortalAnswer> {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/x-www-form-urlencoded' }),
        body: new URLSearchParams(fields),
        redirect: 'manual',
      });
      return answer(response);
    },
    /** The CSRF token on a page of the session. */
    async csrf(base: string, path: string): Promise<string> {
      const page = await this.get(base, path);
      const token = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1];
      if (!token) throw new Error(`no CSRF token on ${path} (${page.status})`);
      return token;
    },
  };
}
export type PortalUser = ReturnType<typeof portalUser>;
