// A server-action body Next cannot decode is refused at the edge (issue 13: each of these was Next's 500 against the
// production build), and every body React's own client encodes for a portal action passes.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isRecord } from '@/lib/is-record';
import { edgeRefusalOf } from './edge-guard';
import { isDecodableServerActionBody } from './server-action-body';

const appOrigin = 'https://portal.contoso.test';
const actionId = '7f04e4743da801381650b791c5bd17b15a1e9237ea';

/** The encoder the browser runs (React's Flight client as Next ships it), so "legitimate" means what clients send. */
async function encodeReply(args: unknown[]): Promise<string | FormData> {
  const client: unknown = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-webpack/client.node.js');
  if (!isRecord(client) || typeof client.encodeReply !== 'function')
    throw new Error('React client without encodeReply');
  const encoded: unknown = await client.encodeReply(args);
  if (typeof encoded === 'string' || encoded instanceof FormData) return encoded;
  throw new Error('encodeReply gave neither a string nor FormData');
}

function actionPost(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(`${appOrigin}/admin/simulator`, {
    method: 'POST',
    headers: { origin: appOrigin, 'sec-fetch-site': 'same-origin', 'next-action': actionId, ...headers },
    body,
  });
}
const text = { 'content-type': 'text/plain;charset=UTF-8' };
const multipart = { 'content-type': 'multipart/form-data; boundary=xyz' };

describe('the bodies React encodes for the portal’s actions pass', () => {
  it('a form action: the previous state and the FormData, as multipart', async () => {
    const form = new FormData();
    form.append('name', 'Baseline');
    form.append('policies', '$not-a-reference');
    const body = await encodeReply([{ error: '$x', reason: 'invalidInput' }, form]);
    expect(body).toBeInstanceOf(FormData);
    expect(await isDecodableServerActionBody(actionPost(body))).toBe(true);
  });

  it('plain values as a text reply, with every literal React writes for them', async () => {
    const body = await encodeReply([{ error: '$x' }, new Date(0), 5n, undefined, Number.NaN, -0, Infinity, -Infinity]);
    expect(typeof body).toBe('string');
    expect(await isDecodableServerActionBody(actionPost(body, text))).toBe(true);
  });

  it('a multipart form post without a Next-Action header (a plain form) that parses', async () => {
    const form = new FormData();
    form.append('a', 'b');
    const request = new Request(`${appOrigin}/admin/simulator`, { method: 'POST', body: form });
    expect(await isDecodableServerActionBody(request)).toBe(true);
  });

  it('an urlencoded action, which Next answers with its 404 page itself', async () => {
    const body = 'a=b';
    expect(
      await isDecodableServerActionBody(actionPost(body, { 'content-type': 'application/x-www-form-urlencoded' })),
    ).toBe(true);
  });
});

describe('what Next answered with a 500 is refused as malformedBody', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  };
  it.each([
    ['a text reply that is not JSON', actionPost('not json', text)],
    ['a string as the argument list', actionPost('"abc"', text)],
    ['a number as the argument list', actionPost('5', text)],
    ['an object as the argument list', actionPost('{"a":1}', text)],
    ['a reference to a part the text body cannot have', actionPost('["$Q9"]', text)],
    ['a promise reference', actionPost('["$@1"]', text)],
    ['a server reference', actionPost('["$h1"]', text)],
    ['a bare "$"', actionPost('["$"]', text)],
    ['a BigInt that is not digits', actionPost('["$nabc"]', text)],
    ['too many arguments', actionPost(JSON.stringify(Array.from({ length: 1001 }, () => 0)), text)],
    ['a reference nested deep in the arguments', actionPost(JSON.stringify([{ a: [[{ b: '$W2' }]] }]), text)],
    ['no content type', actionPost('zz', { 'content-type': '' })],
    ['an octet stream', actionPost('zz', { 'content-type': 'application/octet-stream' })],
    ['a multipart body that does not parse', actionPost('garbage', multipart)],
    ['a multipart content type without a boundary', actionPost('garbage', { 'content-type': 'multipart/form-data' })],
    ['a multipart body without the root field "0"', actionPost(form({ a: 'b' }))],
    ['a multipart root that is not JSON', actionPost(form({ 0: 'not json' }))],
    [
      'a plain multipart form post that does not parse',
      new Request(`${appOrigin}/admin/simulator`, {
        method: 'POST',
        headers: { ...multipart, origin: appOrigin, 'sec-fetch-site': 'same-origin' },
        body: 'garbage',
      }),
    ],
  ])('%s', async (_name, request) => {
    expect(await isDecodableServerActionBody(request)).toBe(false);
    expect(await edgeRefusalOf(request, appOrigin)).toBe('malformedBody');
  });

  it('the page still gets the whole body after the check (it reads a copy)', async () => {
    const request = actionPost('["$K1"]', text);
    expect(await edgeRefusalOf(request, appOrigin)).toBeNull();
    expect(await request.text()).toBe('["$K1"]');
  });

  it('route handlers are left to their own pipeline', async () => {
    const request = new Request(`${appOrigin}/api/desk/search`, {
      method: 'POST',
      headers: { ...text, origin: appOrigin, 'next-action': actionId },
      body: 'not json',
    });
    expect(await edgeRefusalOf(request, appOrigin)).toBeNull();
  });
});
