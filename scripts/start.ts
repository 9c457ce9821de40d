// `npm start`: everything on the embedded defaults. Creates the local CA (so MSAL and Node trust the
// mock Entra's HTTPS), applies database migrations (SQLite file under data/ unless DATABASE_URL says
// otherwise), then runs the mock Entra, the development mail/SMS sink and the portal side by side. `--dev` uses `next dev` instead of
// a production build. Ctrl-C stops both. With Samba installed it also starts the hybrid demo's AD domain
// controller (scripts/ad/hybrid-demo.ts); without, one line says how to add it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureCertificates } from '../mock-idp/http/certificates';
import { ensureDevelopmentAuditKeys } from '../server/audit/development-audit-keys';
import { startHybridDemo } from './ad/hybrid-demo';
import { loadConfig } from '../server/config';

const root = process.cwd();
const isDev = process.argv.includes('--dev');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

function log(message: string): void {
  console.log(`[verity] ${message}`);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env); // fails early, naming the bad variable
  const certificates = await ensureCertificates(path.join(root, '.certs'));
  const env = {
    ...process.env,
    NODE_EXTRA_CA_CERTS: certificates.caCert,
    DATABASE_URL: config.DATABASE_URL,
    AUTH_SECRET: process.env.AUTH_SECRET || embeddedAuthSecret(),
    // The embedded defaults are the demo (mock Entra, demo tenant): the portal says so on every page, and the
    // mock serves its simulated Authenticator pages.
    VERITY_DEMO_MODE: process.env.VERITY_DEMO_MODE || '1',
    MOCK_IDP_AUTHENTICATOR: process.env.MOCK_IDP_AUTHENTICATOR || '1',
    ...embeddedAuditKeys(),
  };
  const hybrid = await startHybridDemo(root, process.env, log);
  Object.assign(env, hybrid?.env ?? {});

  log(`database: ${config.DATABASE_URL.startsWith('file:') ? config.DATABASE_URL : 'PostgreSQL'}; applying migrations`);
  execFileSync(bin('prisma'), ['migrate', 'deploy'], { env, stdio: ['ignore', 'ignore', 'inherit'] });

  if (!isDev) {
    log('building the portal (next build)…');
    execFileSync(bin('next'), ['build'], { env: { ...env, NODE_ENV: 'production' }, stdio: 'inherit' });
  }

  const children: ChildProcess[] = [
    run('mock-entra', bin('tsx'), ['mock-idp/main.ts'], env),
    run('mail-sms-sink', bin('tsx'), ['dev-sink/main.ts'], { ...env, DEV_SINK_SMTP_PORT: String(config.SMTP_PORT) }),
    run('portal', bin('tsx'), ['scripts/portal-server.ts', ...(isDev ? ['--dev'] : [])], {
      ...env,
      PORT: String(config.PORT),
    }),
  ];
  log(
    `portal: ${config.APP_ORIGIN}   mock Entra: https://localhost:${config.MOCK_IDP_PORT}   mail and SMS sink: http://127.0.0.1:8025/messages`,
  );

  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
    hybrid?.stop();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const child of children) {
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) {
        log(`a process exited with code ${code}; stopping`);
        stop();
        process.exitCode = code;
      }
    });
  }
}

/** Embedded mode keeps a random session secret under data/ so sessions survive restarts. */
function embeddedAuthSecret(): string {
  const file = path.join(root, 'data/auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** Embedded mode keeps generated audit chain keys under data/ too, unless they are configured. */
function embeddedAuditKeys(): Record<string, string> {
  if (process.env.AUDIT_HMAC_KEYS && process.env.AUDIT_CHECKPOINT_KEY_FILE) return {};
  const generated = ensureDevelopmentAuditKeys(root);
  return {
    AUDIT_HMAC_KEYS: process.env.AUDIT_HMAC_KEYS || generated.AUDIT_HMAC_KEYS,
    AUDIT_CHECKPOINT_KEY_FILE: process.env.AUDIT_CHECKPOINT_KEY_FILE || generated.AUDIT_CHECKPOINT_KEY_FILE,
  };
}

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) => chunk.toString().replace(/^(?=.)/gm, `[${name}] `);
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  return child;
}

main().catch((error: unknown) => {
  console.error(`[verity] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
