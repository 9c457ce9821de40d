// Keeps published-values.ts from going stale: every secret-looking literal in the repository's files, and
// every client of the mock Entra, must be refused by production.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../repository-root';
import { demoClientIds, demoTenantId, publishedAuditHmacKeys, publishedSecrets } from './published-values';
import { z } from 'zod';

const root = repositoryRoot();
const textFile = /\.(ts|tsx|mts|mjs|js|json|md|ya?ml|sh|env|example)$/;
// `AUTH_SECRET: '…'`, `clientSecret: "…"`, `"client_secret": "…"`, `const secret = '…'`, `AD_BIND_PASSWORD: '…'`,
// `totpSecret`, `SMS_GATEWAY_TOKEN`, and shell/Markdown `AUTH_SECRET=…`.
const quotedLiteral =
  /\b(\w*secret|\w*_TOKEN|\w*_PASSWORD|defaultPassword|demoPassword)["']?\s*[:=]\s*["'`]([^"'`\s${}]{8,})["'`]/gi;
// `AUDIT_HMAC_KEYS: 'k1:…'`, `AUDIT_HMAC_KEYS=k1:…` (each id:base64key of the list).
const auditKeyList =
  /\bAUDIT_HMAC_KEYS["']?\s*[:=]\s*["'`]?([\w.-]+:[A-Za-z0-9+/=]{16,}(?:,\s*[\w.-]+:[A-Za-z0-9+/=]{16,})*)/g;
const shellAssignment = /\b(AUTH_SECRET|\w+_CLIENT_SECRET|SMS_GATEWAY_TOKEN|AD_BIND_PASSWORD)=([^\s"'`$]{8,})/g;

function repositoryFiles(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(
      (file) => textFile.test(file) && !file.endsWith('package-lock.json') && fs.existsSync(path.join(root, file)),
    );
}

function secretLiterals(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of repositoryFiles()) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const pattern of [quotedLiteral, shellAssignment])
      for (const match of text.matchAll(pattern)) if (match[2]) found.set(match[2], `${file} (${match[1]})`);
  }
  return found;
}

describe('published values cannot go stale', () => {
  it('every secret-looking literal in the repository is a published secret', () => {
    const literals = secretLiterals();
    expect(literals.size).toBeGreaterThan(5);
    const missing = [...literals]
      .filter(([value]) => !publishedSecrets.has(value))
      .map(([v, where]) => `${v} in ${where}`);
    expect(missing).toEqual([]);
  });

  it('every AUDIT_HMAC_KEYS literal in the repository is a published audit key', () => {
    const published = new Set(publishedAuditHmacKeys.map((key) => Buffer.from(key, 'base64').toString('hex')));
    const missing: string[] = [];
    for (const file of repositoryFiles()) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const match of text.matchAll(auditKeyList))
        for (const entry of (match[1] ?? '').split(',')) {
          const secret = Buffer.from(entry.trim().slice(entry.trim().indexOf(':') + 1), 'base64');
          if (!published.has(secret.toString('hex'))) missing.push(`${entry.trim()} in ${file}`);
        }
    }
    expect(missing).toEqual([]);
  });

  it('every client of the mock Entra and the demo tenant are published', () => {
    const { clients } = z
      .object({ clients: z.array(z.object({ client_id: z.string(), client_secret: z.string().optional() })) })
      .parse(JSON.parse(fs.readFileSync(path.join(root, 'mock-idp/fixtures/clients.json'), 'utf8')));
    for (const client of clients) {
      expect(demoClientIds.has(client.client_id)).toBe(true);
      if (client.client_secret) expect(publishedSecrets.has(client.client_secret)).toBe(true);
    }
    const tenant = z
      .object({ tenantId: z.string() })
      .parse(JSON.parse(fs.readFileSync(path.join(root, 'fixtures/demo-tenant.json'), 'utf8')));
    expect(tenant.tenantId).toBe(demoTenantId);
  });
});
