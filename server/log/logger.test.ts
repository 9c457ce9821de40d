// OWASP Logging Cheat Sheet / ASVS5 16.2.5: log lines never carry a password, a code, a token, the
// AUTH_SECRET or a cookie, even when a caller passes one by mistake.
import { describe, expect, it } from 'vitest';
import { memoryLog } from './memory-log';
import { currentRequestId, requestIdsFor, runWithRequestId } from './request-scope';

const secrets = {
  password: 'Blue-Harbour-Lantern-82',
  code: '48213377',
  token: 'rst_9f8e7d6c5b4a',
  AUTH_SECRET: 'test-secret-test-secret-test-secret-0000',
  cookie: '__Host-verity-reset=abcdef0123456789',
  authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig',
  accessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOi.access',
  csrf: 'f1e2d3c4b5a6',
};

describe('log redaction (OWASP Logging Cheat Sheet)', () => {
  it('redacts passwords, codes, tokens, AUTH_SECRET and cookies at the top level, nested and in headers', () => {
    const { lines, logger } = memoryLog();
    logger.info({ ...secrets, route: 'reset.password' }, 'top level');
    logger.info({ body: secrets, settings: { AUTH_SECRET: secrets.AUTH_SECRET } }, 'nested');
    logger.info(
      {
        request: {
          headers: { cookie: secrets.cookie, authorization: secrets.authorization, 'set-cookie': secrets.cookie },
        },
      },
      'headers',
    );
    const text = JSON.stringify(lines);
    expect(lines).toHaveLength(3);
    for (const [name, value] of Object.entries(secrets)) expect(text, name).not.toContain(value);
    expect(lines[0]).toMatchObject({ route: 'reset.password', password: '[redacted]', code: '[redacted]' });
  });

  it('stamps every line written inside a request with its id', () => {
    const { lines, logger } = memoryLog();
    const { requestId } = requestIdsFor(new Headers());
    runWithRequestId(requestId, () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ requestId });
    expect(lines[1]?.requestId).toBeUndefined();
    expect(currentRequestId()).toBeUndefined();
  });

  it('keeps a proxy’s X-Request-Id only when it is a plain token', () => {
    expect(requestIdsFor(new Headers({ 'x-request-id': 'abc123def456' })).upstreamRequestId).toBe('abc123def456');
    expect(requestIdsFor(new Headers({ 'x-request-id': 'evil" {"level":60}' })).upstreamRequestId).toBeUndefined();
  });
});
