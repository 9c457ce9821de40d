// A tiny HTTPS client with a cookie jar, trusting the mock's CA explicitly. Used by the scripted
// sign-in (control API, tests, benchmark): Node's fetch cannot be given a CA per request.
import https from 'node:https';

export type HttpResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export type HttpClient = {
  request(
    url: string,
    options?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<HttpResponse>;
  cookies: Map<string, string>;
};

export function createHttpClient(ca: string | undefined, agent?: https.Agent): HttpClient {
  const httpsAgent = agent ?? new https.Agent({ ca, keepAlive: true, maxSockets: 16 });
  const cookies = new Map<string, string>();
  return {
    cookies,
    request(url, options = {}) {
      const target = new URL(url);
      const cookieHeader = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      return new Promise<HttpResponse>((resolve, reject) => {
        const req = https.request(
          target,
          {
            method: options.method ?? 'GET',
            agent: httpsAgent,
            headers: { ...(cookieHeader ? { Cookie: cookieHeader } : {}), ...(options.headers ?? {}) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const setCookie = res.headers['set-cookie'] ?? [];
              for (const line of setCookie) {
                const [pair = ''] = line.split(';');
                const index = pair.indexOf('=');
                if (index <= 0) continue;
                const name = pair.slice(0, index).trim();
                const value = pair.slice(index + 1).trim();
                if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') cookies.delete(name);
                else cookies.set(name, value);
              }
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks).toString('utf8'),
              });
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        if (options.body !== undefined) req.write(options.body);
        req.end();
      });
    },
  };
}

export function formBody(values: Record<string, string>): { body: string; headers: Record<string, string> } {
  return {
    body: new URLSearchParams(values).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  };
}
