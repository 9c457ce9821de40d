// proxy.ts refuses what Next would answer with a 500 (issue 13): a malformed path on any page, a cross-origin or
// Origin-less server action, an Origin header that is not a URL. Route handlers are left to their pipeline.
import { describe, expect, it } from 'vitest';
import { edgeRefusal, edgeRefusalOf, isUndeclaredBodyOver } from './edge-guard';
import { serverActionBodyLimitBytes } from './server-action-limit';

const appOrigin = 'https://portal.contoso.test';
const refusal = (method: string, path: string, headers: Record<string, string> = {}) =>
  edgeRefusal({ method, url: `${appOrigin}${path}`, headers: new Headers(headers) }, appOrigin);

describe('malformed percent-encoding in the path is a 400 for pages and routes', () => {
  it.each(['/reset/verify/%ff', '/unlock/verify/%E0%A4%A', '/admin/simulator/%ff/findings', '/api/desk/users/%ff'])(
    '%s',
    (path) => {
      expect(refusal('GET', path)).toBe('malformedPath');
    },
  );

  it('a well-formed encoded path passes', () => {
    expect(refusal('GET', '/reset/verify/entra%20id')).toBeNull();
  });
});

describe('a server action (a POST to a page) must come from the portal', () => {
  it('cross-site fetch metadata is a 403 crossSite', () => {
    expect(refusal('POST', '/admin/simulator', { 'sec-fetch-site': 'cross-site', 'next-action': 'abc' })).toBe(
      'crossSite',
    );
  });

  it('another Origin without fetch metadata is a 403', () => {
    expect(refusal('POST', '/admin/simulator/set-1', { origin: 'https://evil.example' })).toBe('crossSite');
  });

  it('no Origin and no fetch metadata is a 403 (Next would run the action)', () => {
    expect(refusal('POST', '/admin/simulator', {})).toBe('crossSite');
  });

  it('an Origin header that is not a URL is a 403, not the TypeError Next throws', () => {
    expect(refusal('POST', '/admin/simulator', { 'sec-fetch-site': 'same-origin', origin: 'not a url' })).toBe(
      'crossSite',
    );
  });

  it('a declared body over the server-action limit is a 413 before anything else (Next would answer 500)', () => {
    const over = String(serverActionBodyLimitBytes + 1);
    expect(refusal('POST', '/admin/simulator', { 'sec-fetch-site': 'same-origin', 'content-length': over })).toBe(
      'bodyTooLarge',
    );
    expect(refusal('POST', '/admin/simulator', { 'sec-fetch-site': 'cross-site', 'content-length': over })).toBe(
      'bodyTooLarge',
    );
    const limit = String(serverActionBodyLimitBytes);
    expect(
      refusal('POST', '/admin/simulator', { 'sec-fetch-site': 'same-origin', 'content-length': limit }),
    ).toBeNull();
    // Route handlers have their own per-route limit (define-route.ts).
    expect(refusal('POST', '/api/desk/search', { 'content-length': over })).toBeNull();
  });

  it('the portal’s own page passes', () => {
    expect(refusal('POST', '/admin/simulator', { 'sec-fetch-site': 'same-origin', origin: appOrigin })).toBeNull();
    expect(refusal('POST', '/admin/simulator', { origin: appOrigin })).toBeNull();
  });

  it('route handlers are left to their own pipeline (it audits the denial)', () => {
    expect(refusal('POST', '/api/desk/search', { 'sec-fetch-site': 'cross-site' })).toBeNull();
    expect(refusal('POST', '/reset/actions/start', {})).toBeNull();
  });
});

/**
 * A POST whose body streams in chunks with no Content-Length (Transfer-Encoding: chunked on the wire). The body is a
 * server action reply of exactly `bytes` bytes (one string argument), so only its size can be refused.
 */
function chunkedPost(path: string, bytes: number, headers: Record<string, string> = {}): Request {
  const reply = new TextEncoder().encode(`["${'x'.repeat(bytes - 4)}"]`);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(64 * 1024, bytes - sent);
      controller.enqueue(reply.subarray(sent, sent + size));
      sent += size;
    },
  });
  return new Request(`${appOrigin}${path}`, {
    method: 'POST',
    body,
    headers: { 'next-action': '7f00', 'sec-fetch-site': 'same-origin', origin: appOrigin, ...headers },
    // @ts-expect-error Node's fetch needs duplex for a streamed request body; the DOM type does not list it.
    duplex: 'half',
  });
}

describe('a server action body sent chunked, without Content-Length (Next would answer 500)', () => {
  it('over the limit is a 413 bodyTooLarge; at the limit it passes', async () => {
    expect(await edgeRefusalOf(chunkedPost('/admin/simulator', serverActionBodyLimitBytes + 1), appOrigin)).toBe(
      'bodyTooLarge',
    );
    expect(await edgeRefusalOf(chunkedPost('/admin/simulator', serverActionBodyLimitBytes), appOrigin)).toBeNull();
  });

  it('stops reading at the limit: a 100 MB body is not read to its end', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
        if (pulled > 1600) controller.close();
      },
    });
    const request = new Request(`${appOrigin}/admin/simulator`, {
      method: 'POST',
      body: endless,
      headers: { origin: appOrigin },
      // @ts-expect-error as above
      duplex: 'half',
    });
    expect(await isUndeclaredBodyOver(request, serverActionBodyLimitBytes)).toBe(true);
    expect(pulled).toBeLessThan(40);
  });

  it('the page still gets the whole body after the edge counted it', async () => {
    const request = chunkedPost('/admin/simulator', 1000);
    expect(await edgeRefusalOf(request, appOrigin)).toBeNull();
    expect((await request.arrayBuffer()).byteLength).toBe(1000);
  });

  it('another origin is still a 403 first (its body is not read); route handlers count their own', async () => {
    const crossSite = { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' };
    expect(await edgeRefusalOf(chunkedPost('/admin/simulator', 10, crossSite), appOrigin)).toBe('crossSite');
    expect(await edgeRefusalOf(chunkedPost('/api/desk/search', serverActionBodyLimitBytes + 1), appOrigin)).toBeNull();
  });
});
