// A request Node's HTTP parser refuses gets the common error body and an audit entry, not Node's bare 400
// (issue 13): a real Node server with the portal's 'clientError' listener, driven over a raw socket.
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleClientError, type ClientErrorDenial } from './client-error';

const denials: ClientErrorDenial[] = [];
const requestOnSocket = new WeakMap<Duplex, { method: string; path: string }>();
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    requestOnSocket.set(request.socket, { method: request.method ?? 'GET', path: request.url ?? '/' });
    // Like Next: read the body, then answer.
    request.on('data', () => undefined);
    request.on('end', () => response.end('ok'));
    request.on('error', () => undefined);
  });
  server.on('clientError', (error, socket) => {
    void handleClientError(error, socket, {
      requestOf: (connection) => requestOnSocket.get(connection),
      audit: async (denial) => {
        denials.push(denial);
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Writes raw bytes and reads everything the server sends until it closes the connection. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

function bodyOf(answer: string): unknown {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
}

const head = (path: string) =>
  `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;

describe('broken HTTP framing is a 400 with the common body, audited', () => {
  it('a chunk size that is not hexadecimal, after the request was handed on', async () => {
    const answer = await raw(`${head('/api/reset/start')}2\r\n{}\r\nXYZ\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('Content-Type: application/json');
    expect(bodyOf(answer)).toEqual({
      error: { code: 'INVALID_INPUT', message: expect.any(String), reason: 'malformedRequest' },
    });
    expect(denials.at(-1)).toMatchObject({
      failure: { code: 'INVALID_INPUT', reason: 'malformedRequest' },
      method: 'POST',
      path: '/api/reset/start',
      parserCode: 'HPE_INVALID_CHUNK_SIZE',
      ip: expect.stringContaining('127.0.0.1'),
    });
  });

  it('a malformed header line, before any request was parsed: no method or path to record', async () => {
    const answer = await raw('GET / HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(answer)).toMatchObject({ error: { reason: 'malformedRequest' } });
    expect(denials.at(-1)).toMatchObject({ method: null, path: null, parserCode: 'HPE_INVALID_HEADER_TOKEN' });
  });

  it('oversized headers keep Node’s own 431, and are not recorded as malformed', async () => {
    const before = denials.length;
    const answer = await raw(`GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(denials).toHaveLength(before);
  });

  it('a well-formed chunked request still reaches the handler', async () => {
    const answer = await raw(
      `${head('/fine')}2\r\n{}\r\n0\r\n\r\n`.replace('HTTP/1.1\r\n', 'HTTP/1.1\r\nConnection: close\r\n'),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer.endsWith('ok')).toBe(true);
  });
});
