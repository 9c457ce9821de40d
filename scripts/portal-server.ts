// The portal's HTTP server: Next's request handler behind a plain Node server that appends the connection's
// peer address to X-Forwarded-For (Next fills that header only when it is absent, so a client could otherwise
// choose it). The request pipeline then picks the client address with TRUSTED_PROXY_HOPS
// (lib/http/client-address.ts). Used by `npm start` and the Playwright portal; `next dev` is for local work only.
// Next.js custom server: https://nextjs.org/docs/app/guides/custom-server
import http from 'node:http';
import type { Duplex } from 'node:stream';
import next from 'next';
import { appendAuditEvent } from '../server/audit/append-audit-event';
import { startAuditCheckpoints } from '../server/audit/audit-checkpoint-schedule';
import { auditSettingsFrom } from '../server/audit/audit-settings';
import { loadConfig, type Config } from '../server/config';
import { createDatabaseClient } from '../server/database/create-database-client';
import { handleClientError } from '../server/http/client-error';
import { createLogger } from '../server/log/logger';
import { settleBackgroundTasks } from '../server/reset/background-tasks';
import { shutDownGracefully } from '../server/shutdown/graceful-shutdown';
import { startupWarnings } from '../server/startup-warnings';

const isDev = process.argv.includes('--dev');
// A production build runs as production whatever the shell says, so its configuration is checked as such
// (server/production/refuse-unsafe-settings.ts) before Next loads anything: one line naming the variable and
// exit code 1, never a server that reports Ready and answers 500. instrumentation.ts does the same for `next start`.
if (!isDev) Object.assign(process.env, { NODE_ENV: 'production' });
let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  console.error(`[verity] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const logger = createLogger({ level: config.LOG_LEVEL });
for (const warning of startupWarnings(config)) logger.warn(warning);
const app = next({ dev: isDev, dir: process.cwd(), port: config.PORT, hostname: 'localhost' });
const handle = app.getRequestHandler();

await app.prepare();
const database = createDatabaseClient(config.DATABASE_URL, process.cwd());
// Signed checkpoints of the audit chain outside the database (docs/decisions/0005-keyed-audit-chain.md).
startAuditCheckpoints(database, auditSettingsFrom(config, process.cwd()));
/** The request each connection is carrying, for the audit entry when Node's parser then refuses its body. */
const requestOnSocket = new WeakMap<Duplex, { method: string; path: string }>();
const server = http
  .createServer((request, response) => {
    requestOnSocket.set(request.socket, { method: request.method ?? 'GET', path: request.url ?? '/' });
    const forwarded = request.headers['x-forwarded-for'];
    const peer = request.socket.remoteAddress ?? '';
    const chain = [...(Array.isArray(forwarded) ? forwarded : forwarded ? [forwarded] : []), peer].filter(Boolean);
    request.headers['x-forwarded-for'] = chain.join(', ');
    void handle(request, response);
  })
  .listen(config.PORT, () => logger.info({ port: config.PORT }, 'portal listening'));
// A request Node's HTTP parser refuses (broken chunk framing, a malformed header line) never reaches Next: answer
// it with the common error body and audit it (server/http/client-error.ts) instead of Node's bare 400.
server.on('clientError', (error, socket) => {
  void handleClientError(error, socket, {
    requestOf: (connection) => requestOnSocket.get(connection),
    audit: async ({ failure, ip, method, path, parserCode }) => {
      try {
        await appendAuditEvent(database, {
          occurredAt: new Date(),
          actorType: 'user',
          action: 'http.denied',
          outcome: 'denied',
          ip,
          details: { code: failure.code, reason: failure.reason ?? null, method, path, parserCode },
        });
      } catch (error) {
        logger.error({ error: String(error), parserCode }, 'audit of a malformed request failed');
      }
    },
  });
});

// SIGTERM (orchestrators) and SIGINT (Ctrl-C): stop taking requests, finish the ones in flight and the jobs
// running, hand back the rest, then exit within SHUTDOWN_TIMEOUT_SECONDS: 0 when nothing was abandoned
// (server/shutdown/graceful-shutdown.ts).
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.once(signal, () => {
    const timeoutMs = config.SHUTDOWN_TIMEOUT_SECONDS * 1000;
    void shutDownGracefully({ server, settle: settleBackgroundTasks, timeoutMs, logger }).then((result) =>
      process.exit(result === 'drained' ? 0 : 1),
    );
  });
