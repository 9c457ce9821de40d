// The portal as Playwright runs it: a fresh SQLite database (data/e2e-<port>.db), migrations applied,
// a production build in its own folder (.next-e2e), then the portal server (scripts/portal-server.ts). Environment comes from
// playwright.config.ts (mock Entra, dev sink and portal ports shifted by E2E_PORT_OFFSET).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDevelopmentAuditKeys } from '../server/audit/development-audit-keys';
import { loadConfig } from '../server/config';
import { sqliteFilePath } from '../server/database/sqlite-file-path';

const root = process.cwd();
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
// The portal runs as production, which requires the audit chain's keys: the generated development ones here.
if (!process.env.AUDIT_HMAC_KEYS || !process.env.AUDIT_CHECKPOINT_KEY_FILE)
  Object.assign(process.env, ensureDevelopmentAuditKeys(root));
// Each run starts a fresh database, so it needs fresh checkpoints too: the last run's would (rightly) call the
// new, shorter log truncated. The specs read the same file (e2e/desk/desk-console.spec.ts).
process.env.AUDIT_CHECKPOINT_FILE ??= `data/e2e-${process.env.PORT ?? '3000'}-audit-checkpoints.jsonl`;
const config = loadConfig(process.env);
const databaseFile = config.DATABASE_URL.startsWith('file:') ? sqliteFilePath(config.DATABASE_URL, root) : undefined;

if (databaseFile)
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
fs.rmSync(path.resolve(root, config.AUDIT_CHECKPOINT_FILE), { force: true });
execFileSync(bin('prisma'), ['migrate', 'deploy'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (process.env.E2E_SKIP_BUILD !== '1')
  execFileSync(bin('next'), ['build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
const server = spawn(bin('tsx'), ['scripts/portal-server.ts'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
