// One JSON line per request from the pipeline (issue 12, structured logs): route, status, duration and a
// request id that also answers as X-Request-Id; never the password, code, CSRF token, cookie or AUTH_SECRET
// of the request, not even for a request that fails.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { POST as checkCodePost } from '../../app/reset/actions/check-code/route';
import { POST as passwordPost } from '../../app/reset/actions/password/route';
import { testAppOrigin, testServices, testWiring } from '../context/test-services';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { runInBackground, settleBackgroundTasks } from '../reset/background-tasks';
import { memoryLog } from './memory-log';
import { runWithRequestId } from './request-scope';

const testDb = setUpTestDatabase();

const secrets = {
  password: 'Blue-Harbour-Lantern-82',
  code: '48213377',
  csrf: 'f1e2d3c4b5a6f1e2d3c4b5a6',
  cookie: 'verity-reset=rst-token-0123456789abcdef',
  authSecret: 'test-secret-test-secret-test-secret-0000',
};

function form(path: string, fields: Record<string, string>) {
  return new NextRequest(`${testAppOrigin}${path}?code=${secrets.code}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      origin: 'null',
      cookie: `__Host-${secrets.cookie}; ${secrets.cookie}`,
      authorization: `Bearer ${secrets.authSecret}`,
      'x-request-id': 'lb-4f3e2d1c0b',
    },
  });
}

describe('request log lines (OWASP Logging Cheat Sheet)', () => {
  it('one line per request with the route, status and request id; no secret from the request', async () => {
    const log = memoryLog();
    const { services } = testServices(testDb.db, { logger: log.logger });
    const wiring = testWiring(services, null);
    const responses = [
      await passwordPost.run(
        form('/reset/actions/password', {
          password: secrets.password,
          confirmation: secrets.password,
          csrf: secrets.csrf,
        }),
        undefined,
        wiring,
      ),
      await checkCodePost.run(
        form('/reset/actions/check-code', { purpose: 'reset', service: 'sms', code: secrets.code, csrf: secrets.csrf }),
        undefined,
        wiring,
      ),
    ];
    const requests = log.lines.filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(2);
    expect(requests.map((line) => line.route)).toEqual(['reset.password', 'reset.checkCode']);
    for (const [index, line] of requests.entries()) {
      expect(line).toMatchObject({ status: responses[index]?.status, upstreamRequestId: 'lb-4f3e2d1c0b' });
      expect(line.requestId).toBe(responses[index]?.headers.get('x-request-id'));
      expect(line.path).not.toContain('?');
    }
    const text = JSON.stringify(log.lines);
    for (const [name, value] of Object.entries(secrets)) expect(text, name).not.toContain(value);
    expect(text).not.toContain('rst-token');
  });

  it('one line per background job, stamped with the id of the request that enqueued it', async () => {
    const log = memoryLog();
    runWithRequestId('7d1f0c3a-2b4e-4f60-8a91-0c2d3e4f5a6b', () => {
      runInBackground(async () => undefined, { name: 'reset.deliverCode', logger: log.logger });
      runInBackground(
        async () => {
          throw new Error('smtp refused');
        },
        { name: 'reset.notify', logger: log.logger },
      );
    });
    await settleBackgroundTasks();
    const jobs = log.lines.filter((line) => line.msg === 'job');
    expect(jobs).toEqual([
      expect.objectContaining({
        job: 'reset.deliverCode',
        outcome: 'done',
        requestId: '7d1f0c3a-2b4e-4f60-8a91-0c2d3e4f5a6b',
      }),
      expect.objectContaining({ job: 'reset.notify', outcome: 'failed', level: 50 }),
    ]);
  });
});
