// next-auth behind the pipeline (issue 13): a callbackUrl that is not a URL, in the query, the form or the
// callback cookie, and a malformed segment are a 400 with the common body; next-auth never sees them.
import { describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '@/server/database/set-up-test-database';
import { testAppOrigin, testServices, testWiring } from '@/server/context/test-services';
import { GET, POST } from '@/app/api/auth/[...nextauth]/route';

const testDb = setUpTestDatabase();

const segment = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });
const wiring = () => testWiring(testServices(testDb.db).services, null);

async function expectInvalid(response: Response, reason: string) {
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body).toEqual({ error: { code: 'INVALID_INPUT', message: expect.any(String), reason, path: 'callbackUrl' } });
}

describe('a callbackUrl that is not a URL is a 400, not a TypeError from next-auth', () => {
  it('in the query', async () => {
    const request = new Request(`${testAppOrigin}/api/auth/signin/entra?callbackUrl=javascript%3A%2F%2F%5B`);
    await expectInvalid(await GET.run(request, segment('signin', 'entra'), wiring()), 'invalidInput');
  });

  it('in the sign-in form', async () => {
    const request = new Request(`${testAppOrigin}/api/auth/signin/entra`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'csrfToken=x&callbackUrl=http%3A%2F%2F%5B%3A%3A1',
    });
    await expectInvalid(await POST.run(request, segment('signin', 'entra'), wiring()), 'invalidInput');
  });

  it.each(['next-auth.callback-url', '__Secure-next-auth.callback-url'])('in the %s cookie', async (name) => {
    const request = new Request(`${testAppOrigin}/api/auth/session`, { headers: { cookie: `${name}=not%20a%20url` } });
    await expectInvalid(await GET.run(request, segment('session'), wiring()), 'invalidCallbackUrl');
  });

  it('a cookie with malformed percent-encoding', async () => {
    const request = new Request(`${testAppOrigin}/api/auth/session`, {
      headers: { cookie: 'next-auth.callback-url=%ff' },
    });
    await expectInvalid(await GET.run(request, segment('session'), wiring()), 'invalidCallbackUrl');
  });
});

it('a malformed segment is a 400 malformedPath', async () => {
  const response = await GET.run(new Request(`${testAppOrigin}/api/auth/%ff`), segment('%ff'), wiring());
  expect(response.status).toBe(400);
  expect((await response.json()).error.reason).toBe('malformedPath');
});
