// Benchmark of the mock Entra ID (issue 3, acceptance). Not a timed test: it prints figures and
// writes bench/results/mock-idp.json.
//
//   npx tsx bench/mock-idp.bench.ts            (MOCK_IDP_BENCH_SECONDS=10 to change the window)
//
// Measures, in one run on one machine, all over HTTPS on loopback with keep-alive:
//   1. complete scripted sign-ins per second: authorize with PKCE S256, username, password, the
//      Authenticator push approved with its number through the control API, Conditional Access
//      evaluated by the engine after each factor, code exchanged for tokens;
//   2. client-credentials tokens per second from the mock;
//   3. client-credentials tokens per second from oauth2-mock-server (npm), same certificate.
// Load is bounded in time and count, and only targets 127.0.0.1.
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { OAuth2Server } from 'oauth2-mock-server';
import { readMockIdpConfig, repositoryRoot } from '../mock-idp/config';
import { createHttpClient, formBody } from '../mock-idp/http/https-client';
import { runScriptedSignIn } from '../mock-idp/control/scripted-sign-in';
import { startMockIdp } from '../mock-idp/start-mock-idp';
import { summarizeNanoseconds } from './timing';

const seconds = Number(process.env.MOCK_IDP_BENCH_SECONDS ?? 8);
const maxOperations = 200_000;
const tenantId = '8c3f1e0a-5b7d-4c2e-9a61-3d4b2f7e1c90';
const portal = {
  clientId: 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d02',
  clientSecret: 'dev-secret-portal',
  redirectUri: 'http://localhost:3000/api/auth/callback/entra',
};
const signInUsers = [
  'adele.vance@contoso.test',
  'pradeep.gupta@contoso.test',
  'lynne.robbins@contoso.test',
  'diego.siciliani@contoso.test',
];

type Figure = {
  operations: number;
  failures: number;
  perSecond: number;
  latencyMs: { median: number; p95: number; p99: number };
  concurrency: number;
};

async function measure(
  name: string,
  concurrency: number,
  operation: (worker: number, index: number) => Promise<boolean>,
): Promise<Figure> {
  const deadline = process.hrtime.bigint() + BigInt(seconds) * 1_000_000_000n;
  const samples: bigint[] = [];
  let failures = 0;
  let started = 0;
  const begin = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (process.hrtime.bigint() < deadline && started < maxOperations) {
        const index = started++;
        const t0 = process.hrtime.bigint();
        const ok = await operation(worker, index).catch(() => false);
        samples.push(process.hrtime.bigint() - t0);
        if (!ok) failures += 1;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - begin) / 1e9;
  const summary = summarizeNanoseconds(samples);
  const figure = {
    operations: samples.length,
    failures,
    perSecond: Math.round(((samples.length - failures) / elapsed) * 10) / 10,
    latencyMs: { median: round(summary.median / 1e6), p95: round(summary.p95 / 1e6), p99: round(summary.p99 / 1e6) },
    concurrency,
  };
  process.stdout.write(
    `${name.padEnd(48)} ${String(figure.perSecond).padStart(9)} /s   median ${figure.latencyMs.median} ms   p95 ${figure.latencyMs.p95} ms   (${figure.operations} ops, ${failures} failed, concurrency ${concurrency})\n`,
  );
  return figure;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-idp-bench-'));
  const config = readMockIdpConfig(
    { MOCK_IDP_PORT: '0', MOCK_IDP_DATA_DIR: dataDir, MOCK_IDP_CONTROL_API: '1', MOCK_IDP_AUTHENTICATOR: '1' },
    fs.existsSync,
  );
  const mock = await startMockIdp(config);
  const agent = new https.Agent({ ca: mock.caCert, keepAlive: true, maxSockets: 64 });

  const reference = new OAuth2Server(mock.certificates.key, mock.certificates.cert);
  await reference.issuer.keys.generate('RS256');
  await reference.start(0, '127.0.0.1');
  const referencePort = reference.address().port;

  process.stdout.write(
    `Mock Entra ID benchmark — Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${seconds} s per figure\n`,
  );

  // Warm up both servers (JIT, key material, engine compilation).
  for (let i = 0; i < 20; i++) {
    await runScriptedSignIn(
      mock.url,
      mock.caCert,
      {
        tenant: tenantId,
        ...portal,
        userPrincipalName: signInUsers[0] ?? '',
        password: 'Verity-Demo-2024!',
        methods: ['password', 'microsoftAuthenticatorPush'],
      },
      createHttpClient(mock.caCert, agent),
    );
  }

  // One user per worker: concurrent pushes to one user would (rightly) trip the push rate limit.
  const signIns = await measure('complete sign-ins (push/passwordless/WHfB, CA, tokens)', 4, async (worker) => {
    const user = signInUsers[worker % signInUsers.length] ?? '';
    const methods =
      user.startsWith('pradeep') || user.startsWith('grady')
        ? (['deviceBasedPush'] as const)
        : user.startsWith('diego')
          ? (['windowsHelloForBusiness'] as const)
          : (['password', 'microsoftAuthenticatorPush'] as const);
    const result = await runScriptedSignIn(
      mock.url,
      mock.caCert,
      {
        tenant: tenantId,
        ...portal,
        userPrincipalName: user,
        password: 'Verity-Demo-2024!',
        windowsHelloPin: '246810',
        methods: [...methods],
      },
      createHttpClient(mock.caCert, agent),
    );
    return result.outcome === 'granted' && typeof result.tokens?.access_token === 'string';
  });

  const mockClient = createHttpClient(mock.caCert, agent);
  const credentials = formBody({
    grant_type: 'client_credentials',
    client_id: portal.clientId,
    client_secret: portal.clientSecret,
    scope: 'https://graph.microsoft.com/.default',
  });
  const mockTokens = await measure('client credentials: mock Entra ID', 16, async () => {
    const response = await mockClient.request(`${mock.url}/${tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      ...credentials,
    });
    return response.status === 200;
  });

  const referenceClient = createHttpClient(mock.caCert, agent);
  const referenceTokens = await measure('client credentials: oauth2-mock-server', 16, async () => {
    const response = await referenceClient.request(`https://localhost:${referencePort}/token`, {
      method: 'POST',
      ...formBody({ grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }),
    });
    return response.status === 200;
  });

  const results = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    secondsPerFigure: seconds,
    completeSignIns: signIns,
    clientCredentialsMock: mockTokens,
    clientCredentialsOauth2MockServer: referenceTokens,
  };
  fs.mkdirSync(path.join(repositoryRoot, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(repositoryRoot, 'bench/results/mock-idp.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write('Wrote bench/results/mock-idp.json\n');

  await reference.stop();
  agent.destroy();
  await mock.stop();
}

await main();
