// Job latency of the outbox (issue 12, figures): from the commit of a code's delivery job to the SMS
// accepted by the gateway (its 2xx answer), on the embedded SQLite default (the OutboxJob table) and on
// PostgreSQL (pg-boss). Not a test: it prints figures and writes bench/results/job-latency.json.
//
//   NODE_OPTIONS=--conditions=react-server npx tsx bench/job-latency.bench.ts [postgresql://…/db]
//
// The real server functions (startResetSession, sendVerificationCode and the job's handler) on a fresh
// migrated database, the development sink over HTTP as the SMS gateway, the directory in memory. The clock
// starts when sendVerificationCode returns, i.e. just after its transaction committed (it only schedules
// the writer's run after that), and stops when the gateway has answered 2xx. Sequential sends (the job runs
// alone), then bursts of 20 at once (jobs queue behind the 4 runs a process allows at a time).
// The earlier figure (0 ms, from bench/start-step-postgres.bench.ts) compared OutboxJob.createdAt, the
// request's clock read before the transaction, with the sink's receive time read back through `pg`, which
// parses Prisma's `timestamp(3)` without time zone as local time; with pg-boss there is no such row at all.
import { mkdirSync, writeFileSync } from 'node:fs';
import { startDevSink } from '../dev-sink/create-dev-sink';
import { createTestDatabase } from '../server/database/test-database';
import { configureOutbox, outboxLockSeconds } from '../server/jobs/outbox';
import { createPgBossOutbox } from '../server/jobs/pg-boss-outbox';
import { resetOutboxHandlers } from '../server/jobs/reset-outbox-handlers';
import { createLogger } from '../server/log/logger';
import { sendSms } from '../server/notify/send-sms';
import {
  adele,
  memoryDirectory,
  memoryResetLimiters,
  passwordAndPush,
  settleBackgroundTasks,
  testResetDependencies,
} from '../server/reset/reset-test-support';
import { startResetSession } from '../server/reset/start-reset-session';
import { sendVerificationCode } from '../server/reset/verification-codes';
import { summarizeNanoseconds } from './timing';

const postgresUrl = process.argv[2] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const origin = { ip: '198.51.100.7', userAgent: 'bench' };
const sequential = 40;
const bursts = 3;
const burstSize = 20;
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

const sink = await startDevSink({ smtpPort: 0, httpPort: 0 });
// The portal's own SMS transport (server/notify/send-sms.ts) posts to the sink.
process.env.SMS_GATEWAY_URL = `http://127.0.0.1:${sink.httpPort}/sms`;

async function measure(provider: 'sqlite' | 'postgresql') {
  if (provider === 'postgresql') process.env.TEST_DATABASE_URL = postgresUrl;
  else delete process.env.TEST_DATABASE_URL;
  const database = await createTestDatabase();
  // One user per concurrent send, so each accepted SMS is matched to its send by the phone number.
  const users = Array.from({ length: burstSize }, (_, i) => ({
    ...adele,
    id: `user-bench-${i}`,
    userPrincipalName: `bench.${i}@contoso.test`,
    mobilePhone: `+1 555 02${String(i).padStart(2, '0')}`,
  }));
  const accepted = new Map<string, number>();
  const deps = testResetDependencies(
    database.db,
    memoryDirectory(users.map((user) => ({ user, methods: passwordAndPush }))),
    {
      now: () => new Date(),
      limiters: memoryResetLimiters(1_000_000),
      sendSms: async (message) => {
        await sendSms(message);
        accepted.set(message.to, performance.now());
      },
    },
  );
  const engine =
    provider === 'postgresql'
      ? createPgBossOutbox({
          connectionString: database.url,
          leaseSeconds: outboxLockSeconds,
          sweepIntervalSeconds: 10,
          handlers: resetOutboxHandlers(deps),
          logger: createLogger({ level: 'silent' }),
        })
      : undefined;
  if (engine) {
    configureOutbox(database.db, { engine, leaseSeconds: outboxLockSeconds });
    await engine.started;
  }
  type User = (typeof users)[number];
  // A started session whose account is resolved (its `reset.started` job done), ready for send-code.
  const started = async (user: User) => {
    const { token } = await startResetSession(deps, { purpose: 'reset', username: user.userPrincipalName, origin });
    await settleBackgroundTasks();
    return token;
  };
  const sendOne = async (user: User, token: string): Promise<bigint> => {
    accepted.delete(user.mobilePhone);
    await sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin });
    const committed = performance.now();
    await settleBackgroundTasks();
    const at = accepted.get(user.mobilePhone);
    if (at === undefined) throw new Error('the code was not delivered by its writer');
    return BigInt(Math.round((at - committed) * 1e6));
  };
  try {
    for (let i = 0; i < 5; i++) await sendOne(users[0]!, await started(users[0]!)); // warm-up: connections, JIT
    const alone: bigint[] = [];
    for (let i = 0; i < sequential; i++) {
      const user = users[i % burstSize]!;
      alone.push(await sendOne(user, await started(user)));
    }
    const queued: bigint[] = [];
    for (let b = 0; b < bursts; b++) {
      const tokens = await Promise.all(users.map(started));
      queued.push(...(await Promise.all(users.map((user, i) => sendOne(user, tokens[i]!)))));
    }
    const summary = (values: bigint[]) => {
      const s = summarizeNanoseconds(values);
      return { samples: values.length, medianMs: ms(s.median), p95Ms: ms(s.p95) };
    };
    return {
      provider,
      engine: engine ? 'pg-boss 10.4.2' : 'OutboxJob table',
      alone: summary(alone),
      burst: summary(queued),
    };
  } finally {
    await engine?.stop({ timeoutMs: 2000 });
    await database.drop();
  }
}

try {
  const results = [];
  for (const provider of ['sqlite', 'postgresql'] as const) {
    results.push(await measure(provider));
    console.log(JSON.stringify(results.at(-1)));
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/job-latency.json',
    `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
  );
} finally {
  await sink.close();
}
