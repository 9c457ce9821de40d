// The portal's HTTP server: Next's request handler behind a plain Node server that appends the connection's
// peer address to X-Forwarded-For (Next fills that header only when it is absent, so a client could otherwise
// choose it). The request pipeline then picks the client address with TRUSTED_PROXY_HOPS
// (lib/http/client-address.ts). Used by `npm start` and the Playwright portal; `next dev` is for local work only.
// Next.js custom server: https://nextjs.org/docs/app/guides/custom-server
import http from 'node:http';
import next from 'next';
import { startAuditCheckpoints } from '../server/audit/audit-checkpoint-schedule';
import { auditSettingsFrom } from '../server/audit/audit-settings';
import { loadConfig, type Config } from '../server/config';
import { createDatabaseClient } from '../server/database/create-database-client';
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
// Signed checkpoints of the audit chain outside the database (docs/decisions/0005-keyed-audit-chain.md).
startAuditCheckpoints(
  createDatabaseClient(config.DATABASE_URL, process.cwd()),
  auditSettingsFrom(config, process.cwd()),
);
const server = http
  .createServer((request, response) => {
    const forwarded = request.headers['x-forwarded-for'];
    const peer = request.socket.remoteAddress ?? '';
    const chain = [...(Array.isArray(forwarded) ? forwarded : forwarded ? [forwarded] : []), peer].filter(Boolean);
    request.headers['x-forwarded-for'] = chain.join(', ');
    void handle(request, response);
  })
  .listen(config.PORT, () => logger.info({ port: config.PORT }, 'portal listening'));

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
