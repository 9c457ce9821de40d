// SIGTERM finishes what requests left running (issue 12, finding 1): the SMS a start step queued after its
// response is still sent, no new connection is accepted, and readiness reports draining.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger';
import { runInBackground, settleBackgroundTasks } from '../reset/background-tasks';
import { isDraining, shutDownGracefully } from './graceful-shutdown';
import { z } from 'zod';

const logger = createLogger({ level: 'silent' });
const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers) server.close();
  globalThis.verityDraining = false;
});

function portalLike(delivered: string[], deliveryMs: number) {
  const server = http.createServer((_request, response) => {
    // As the start step does: answer first, deliver the code afterwards.
    runInBackground(async () => {
      await new Promise((resolve) => setTimeout(resolve, deliveryMs));
      delivered.push('sms');
    });
    response.end('ok');
  });
  servers.push(server);
  return new Promise<{ server: http.Server; url: string }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${z.object({ port: z.number() }).parse(server.address()).port}/` }),
    ),
  );
}

describe('graceful shutdown', () => {
  it('work queued after a response still completes before the process may exit; new connections are refused', async () => {
    const delivered: string[] = [];
    const { server, url } = await portalLike(delivered, 300);
    expect(await (await fetch(url)).text()).toBe('ok');
    expect(delivered).toEqual([]);
    const result = await shutDownGracefully({ server, settle: settleBackgroundTasks, timeoutMs: 5000, logger });
    expect(result).toBe('drained');
    expect(delivered).toEqual(['sms']);
    expect(isDraining()).toBe(true);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('gives up at the deadline rather than hang forever', async () => {
    const { server, url } = await portalLike([], 2000);
    await fetch(url);
    const started = Date.now();
    expect(await shutDownGracefully({ server, settle: settleBackgroundTasks, timeoutMs: 200, logger })).toBe(
      'timedOut',
    );
    expect(Date.now() - started).toBeLessThan(1500);
    await settleBackgroundTasks();
  });
});
