import 'server-only';
// Production wiring, built once per process: Prisma, Microsoft Graph, the mock-or-real push channel, SMTP
// and the SMS gateway, rate limits (memory, or Redis with REDIS_URL; ASVS5 6.3.1, 2.4.1), msal-node for the
// Entra MFA round trip, background work off the request path.
import { databaseProvider, getConfig, type Config } from '../config';
import { getDatabase } from '../database/database';
import type { DeskLimitKind } from '../desk/desk-dependencies';
import { graphDeskDirectory } from '../desk/graph-desk-directory';
import { graphMockPushChannel } from '../desk/graph-mock-push-channel';
import { onPremisesDirectoriesFrom } from '../hybrid/on-premises-directories';
import { sendEmail } from '../notify/send-email';
import { sendSms } from '../notify/send-sms';
import { createRateLimiter, type RateLimiter } from '../rate-limit/rate-limiter';
import { configureJobRunner, stallAfterMsFor } from '../jobs/job-runner-state';
import { configureOutbox, stopOutboxRuns } from '../jobs/outbox';
import { createPgBossOutbox } from '../jobs/pg-boss-outbox';
import { portalOutboxHandlers } from '../jobs/portal-outbox-handlers';
import { registerShutdownStep } from '../shutdown/graceful-shutdown';
import { portalLogger } from '../log/logger';
import { runInBackground } from '../reset/background-tasks';
import { startWriteReconciliation } from '../reset/write-reconciliation-schedule';
import { resetDependenciesOf } from './reset-view';
import { graphResetDirectory } from '../reset/graph-reset-directory';
import { resetLimitersFrom } from '../reset/reset-limit-settings';
import { createEntraMfaVerification } from '../verification/entra-mfa-verification';
import type { PortalLimiters, PortalServices } from './portal-context';

// Per agent: enough for a busy shift, too few to bomb anyone. Per target: 3 pushes or codes in 15
// minutes, the same order as Entra's own push throttling (3 unanswered pushes in 10 minutes in the mock).
const deskLimitSettings: Record<DeskLimitKind, { points: number; durationSeconds: number }> = {
  pushPerAgent: { points: 20, durationSeconds: 3600 },
  pushPerTarget: { points: 3, durationSeconds: 900 },
  codePerAgent: { points: 20, durationSeconds: 3600 },
  codePerTarget: { points: 3, durationSeconds: 900 },
  searchPerAgent: { points: 120, durationSeconds: 600 },
};

function productionLimiters(): PortalLimiters {
  const desk = new Map<DeskLimitKind, RateLimiter>();
  const deskLimiter = (kind: DeskLimitKind): RateLimiter => {
    let limiter = desk.get(kind);
    if (!limiter) {
      limiter = createRateLimiter({ keyPrefix: `desk:${kind}`, ...deskLimitSettings[kind] });
      desk.set(kind, limiter);
    }
    return limiter;
  };
  return {
    desk: { consume: (kind, key) => deskLimiter(kind).consume(key) },
    reset: resetLimitersFrom((setting) => createRateLimiter(setting)),
  };
}

export function entraVerificationFrom(config: Config) {
  return createEntraMfaVerification({
    authorityHost: config.ENTRA_AUTHORITY_HOST,
    tenantId: config.ENTRA_TENANT_ID,
    clientId: config.ENTRA_RESET_CLIENT_ID,
    credential:
      config.ENTRA_RESET_CLIENT_CERTIFICATE_KEY && config.ENTRA_RESET_CLIENT_CERTIFICATE_THUMBPRINT
        ? {
            certificate: {
              privateKey: config.ENTRA_RESET_CLIENT_CERTIFICATE_KEY,
              thumbprintSha256: config.ENTRA_RESET_CLIENT_CERTIFICATE_THUMBPRINT,
            },
          }
        : { clientSecret: config.ENTRA_RESET_CLIENT_SECRET },
    maxAuthAgeSeconds: config.RESET_ENTRA_MAX_AUTH_AGE_SECONDS,
    ...(config.RESET_ENTRA_AUTH_CONTEXT ? { requiredAuthenticationContext: config.RESET_ENTRA_AUTH_CONTEXT } : {}),
  });
}

let services: PortalServices | undefined;

export function productionServices(): PortalServices {
  if (services) return services;
  const config = getConfig();
  services = {
    db: getDatabase(),
    directory: { desk: graphDeskDirectory, reset: graphResetDirectory, onPremises: onPremisesDirectoriesFrom(config) },
    clock: { now: () => new Date() },
    messenger: { sendEmail: (message) => sendEmail(message), sendSms: (message) => sendSms(message) },
    limiters: productionLimiters(),
    jobs: { enqueue: (name, task) => runInBackground(task, { name, logger: portalLogger() }) },
    logger: portalLogger(),
    settings: config,
    pushChannel: graphMockPushChannel,
    entraVerification: entraVerificationFrom(config),
  };
  const outboxHandlers = portalOutboxHandlers(services);
  // On PostgreSQL the outbox's jobs are pg-boss's (docs/decisions/0006, Decision 2); on SQLite, the table.
  const leaseSeconds = config.JOB_LEASE_SECONDS;
  if (databaseProvider(config) === 'postgresql') {
    const engine = createPgBossOutbox({
      connectionString: config.DATABASE_URL,
      leaseSeconds,
      sweepIntervalSeconds: config.SWEEP_INTERVAL_SECONDS,
      handlers: outboxHandlers,
      logger: services.logger,
    });
    configureOutbox(services.db, { engine, leaseSeconds });
    registerShutdownStep((options) => engine.stop(options));
  } else configureOutbox(services.db, { leaseSeconds });
  const sweepMs = config.SWEEP_INTERVAL_SECONDS * 1000;
  configureJobRunner({ stallAfterMs: stallAfterMsFor(config) });
  const stopSweep = startWriteReconciliation(resetDependenciesOf(services), services.logger, outboxHandlers, sweepMs);
  // At SIGTERM: no more sweeps; the table's runs finish or are handed back (on SQLite all jobs are there).
  const { db, logger } = services;
  registerShutdownStep(async (options) => {
    stopSweep();
    const handedBack = await stopOutboxRuns(db, options);
    logger.info({ job: 'outbox', handedBack }, 'job runner stopped');
  });
  return services;
}
