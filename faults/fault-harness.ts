// Everything the fault suite runs, started and stopped by it: a fresh PostgreSQL database, Redis (its own db
// number), the mock Entra ID, the development mail/SMS sink, fault proxies in front of Graph and the SMS
// gateway, TCP gates in front of Redis and PostgreSQL, and two portal instances (the production build, run
// like e2e runs it: scripts/portal-server.ts). A service that is missing fails the suite; it is never skipped.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { startDevSink, type DevSink } from '../dev-sink/create-dev-sink';
import { ensureDevelopmentAuditKeys } from '../server/audit/development-audit-keys';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startTcpGate, type TcpGate } from './tcp-gate';

const root = process.cwd();
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const logDir = path.join(root, 'data/faults');
/** The portals' SHUTDOWN_TIMEOUT_SECONDS. */
export const shutdownTimeoutSeconds = 6;

export type PortalInstance = {
  name: string;
  url: string;
  kill(): void;
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Sends SIGTERM and resolves when the process has exited, with its exit code and how long it took. */
  terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
};

export type FaultHarness = {
  databaseUrl: string;
  db: pg.Pool;
  sink: DevSink;
  graph: FaultProxy;
  sms: FaultProxy;
  redisGate: TcpGate;
  databaseGate: TcpGate;
  portals: [PortalInstance, PortalInstance];
  mockIdpUrl: string;
  appOrigin: string;
  env: Record<string, string>;
  stop(): Promise<void>;
};

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function isReachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => resolve(socket.end() && true));
    socket.once('error', () => resolve(false));
  });
}

const fetchOk = async (url: string) => (await fetch(url)).ok;

const children = new Set<ChildProcess>();
/** Whatever the harness started, stopped even when it failed half-way (no process left on a port). */
function stopChildren(): void {
  for (const child of children) child.kill('SIGKILL');
}
process.once('exit', stopChildren);

function spawnLogged(name: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.openSync(path.join(logDir, `${name}.log`), 'a');
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function portalInstance(
  name: string,
  port: number,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): PortalInstance {
  let child: ChildProcess | undefined;
  const url = `http://localhost:${port}`;
  const start = async () => {
    // One process (node --import tsx), so SIGKILL hits the server itself, not a wrapper.
    child = spawnLogged(name, process.execPath, [...nodeArgs, '--import', 'tsx', 'scripts/portal-server.ts'], {
      ...env,
      PORT: String(port),
      NODE_ENV: 'production',
    });
    await waitFor(`portal ${name}`, () => fetchOk(`${url}/api/health`), 90_000);
  };
  const instance: PortalInstance = {
    name,
    url,
    kill: () => void child?.kill('SIGKILL'),
    restart: start,
    stop: async () => {
      await instance.terminate();
    },
    terminate: async () => {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null)
        return { code: running?.exitCode ?? null, signal: running?.signalCode ?? null, ms: 0 };
      const startedAt = Date.now();
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        running.once('exit', (code, signal) => resolve({ code, signal })),
      );
      running.kill('SIGTERM');
      return { ...(await exited), ms: Date.now() - startedAt };
    },
  };
  return instance;
}

export type FaultHarnessOptions = {
  instances?: 1 | 2;
  /**
   * The portal talks to PostgreSQL, Redis and the mock's Graph directly, not through the gates and the fault
   * proxy (which run in this process): for the benchmark, so that nothing of the harness sits on its path.
   */
  isDirect?: boolean;
  /** Extra node arguments for the portal processes (the benchmark's --cpu-prof). */
  portalNodeArgs?: string[];
};

export async function startFaultHarness(options: FaultHarnessOptions = {}): Promise<FaultHarness> {
  const admin =
    process.env.FAULTS_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const adminUrl = new URL(admin);
  const redis = new URL(process.env.FAULTS_REDIS_URL ?? 'redis://127.0.0.1:6379/11');
  if (!(await isReachable(adminUrl.hostname, Number(adminUrl.port || 5432))))
    throw new Error(`PostgreSQL is not reachable at ${adminUrl.host}: the fault suite needs it`);
  if (!(await isReachable(redis.hostname, Number(redis.port || 6379))))
    throw new Error(`Redis is not reachable at ${redis.host}: the fault suite needs it`);

  // A fresh database of its own, migrated with the real `prisma migrate deploy`.
  const name = `verity_faults_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const direct = new URL(admin);
  direct.pathname = `/${name}`;
  const databaseUrl = direct.toString();
  execFileSync(bin('prisma'), ['migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'pipe',
  });

  // Redis: its own db number, emptied, so the rate limits start fresh.
  await flushRedis(redis);

  execFileSync(bin('tsx'), ['scripts/ensure-certificates.ts'], { stdio: 'inherit' });
  const certs = path.join(root, '.certs');
  const tls = {
    cert: fs.readFileSync(path.join(certs, 'localhost.crt'), 'utf8'),
    key: fs.readFileSync(path.join(certs, 'localhost.key'), 'utf8'),
    ca: fs.readFileSync(path.join(certs, 'ca.crt'), 'utf8'),
  };
  const portalPorts = [3700 + offset, 3701 + offset] as const;
  const appOrigin = `http://localhost:${portalPorts[0]}`;
  const mockPort = 4800 + offset;
  const mockIdpUrl = `https://localhost:${mockPort}`;
  const mockIdp = spawnLogged('mock-idp', bin('tsx'), ['mock-idp/main.ts'], {
    MOCK_IDP_PORT: String(mockPort),
    MOCK_IDP_CONTROL_API: '1',
    MOCK_IDP_AUTHENTICATOR: '1',
    MOCK_IDP_DATA_DIR: `.mock-idp-data/faults-${mockPort}`,
    MOCK_IDP_PORTAL_ORIGIN: appOrigin,
    NODE_EXTRA_CA_CERTS: path.join(certs, 'ca.crt'),
  });
  const sink = await startDevSink({ smtpPort: 0, httpPort: 0 });
  const graph = await startFaultProxy({ upstream: mockIdpUrl, tls });
  const sms = await startFaultProxy({ upstream: `http://127.0.0.1:${sink.httpPort}` });
  const redisGate = await startTcpGate({ host: redis.hostname, port: Number(redis.port || 6379) });
  const databaseGate = await startTcpGate({ host: direct.hostname, port: Number(direct.port || 5432) });
  // The suite's own process does not trust the local CA (NODE_EXTRA_CA_CERTS is read at start): a TCP check.
  await waitFor('mock Entra ID', () => isReachable('localhost', mockPort), 60_000);

  const gatedDatabase = new URL(databaseUrl);
  gatedDatabase.host = `127.0.0.1:${databaseGate.port}`;
  const env: Record<string, string> = {
    ...ensureDevelopmentAuditKeys(root),
    AUDIT_CHECKPOINT_FILE: `data/faults/audit-checkpoints-${name}.jsonl`,
    NEXT_DIST_DIR: process.env.FAULTS_NEXT_DIST_DIR ?? '.next-faults',
    APP_ORIGIN: appOrigin,
    DATABASE_URL: options.isDirect ? databaseUrl : gatedDatabase.toString(),
    REDIS_URL: options.isDirect ? redis.toString() : `redis://127.0.0.1:${redisGate.port}${redis.pathname}`,
    AUTH_SECRET: 'faults-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    VERITY_DEMO_MODE: '1',
    ENTRA_AUTHORITY_HOST: mockIdpUrl,
    GRAPH_BASE_URL: `https://localhost:${options.isDirect ? mockPort : graph.port}/graph/v1.0`,
    MOCK_IDP_PORT: String(mockPort),
    SMTP_PORT: String(sink.smtpPort),
    SMS_GATEWAY_URL: `http://127.0.0.1:${sms.port}/sms`,
    NODE_EXTRA_CA_CERTS: path.join(certs, 'ca.crt'),
    // The burst comes from 300 addresses (X-Forwarded-For, one proxy hop), as behind a load balancer.
    TRUSTED_PROXY_HOPS: '1',
    // SMS and e-mail codes are enough for a reset here, so the suite needs no authenticator app.
    RESET_STARS_REQUIRED: '2',
    RESET_CHANNEL_CODES_CANNOT_BYPASS_MFA: 'false',
    LOG_LEVEL: 'info',
    // SIGTERM's grace period, short so that the SIGTERM test is quick (the default is 20 s).
    SHUTDOWN_TIMEOUT_SECONDS: String(shutdownTimeoutSeconds),
  };
  const portals: [PortalInstance, PortalInstance] = [
    portalInstance('portal-a', portalPorts[0], env, options.portalNodeArgs),
    portalInstance('portal-b', portalPorts[1], env, options.portalNodeArgs),
  ];
  // The benchmark measures one instance; B is then never started.
  await Promise.all(portals.slice(0, options.instances ?? 2).map((portal) => portal.restart()));
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });

  return {
    databaseUrl,
    db,
    sink,
    graph,
    sms,
    redisGate,
    databaseGate,
    portals,
    mockIdpUrl,
    appOrigin,
    env,
    stop: async () => {
      await Promise.all(portals.map((portal) => portal.stop()));
      mockIdp.kill('SIGTERM');
      await Promise.all([graph.close(), sms.close(), redisGate.close(), databaseGate.close(), sink.close()]);
      await db.end();
      const cleanup = new pg.Client({ connectionString: admin });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function flushRedis(url: URL): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url.toString(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  await client.flushdb();
  client.disconnect();
}
