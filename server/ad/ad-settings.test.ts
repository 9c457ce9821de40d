import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { adSettingsFrom, domainNameOfBaseDn } from './ad-settings';
import { tlsOptionsFor } from './ad-connection';

const ad = {
  AD_URL: 'ldaps://dc1.corp.contoso.test:636, ldaps://dc2.corp.contoso.test:636',
  AD_BASE_DN: 'DC=corp,DC=contoso,DC=test',
  AD_BIND_DN: 'CN=svc-verity,OU=Service Accounts,DC=corp,DC=contoso,DC=test',
  AD_BIND_PASSWORD: 'service-secret-value',
};

describe('AD configuration', () => {
  it('is off without AD_URL (cloud-only tenant)', () => {
    expect(adSettingsFrom(loadConfig({}))).toBeNull();
  });

  it('reads fail-over URLs in order, the domain from the base DN, and refuses the self-service of risky states by default', () => {
    const settings = adSettingsFrom(loadConfig(ad));
    expect(settings?.urls).toEqual(['ldaps://dc1.corp.contoso.test:636', 'ldaps://dc2.corp.contoso.test:636']);
    expect(settings?.domainName).toBe('corp.contoso.test');
    expect(settings?.selfServiceRefused).toEqual(['disabled', 'expired', 'protected']);
    expect(settings?.passwordSync).toBe('passwordHashSync');
    expect(domainNameOfBaseDn('OU=Users, DC=Corp,DC=Example,DC=com')).toBe('corp.example.com');
  });

  it('names a bad variable: a non-LDAP URL, a missing bind DN, a missing password', () => {
    expect(() => loadConfig({ ...ad, AD_URL: 'https://dc1:636' })).toThrow(/^Invalid environment variable AD_URL:/);
    expect(() => loadConfig({ ...ad, AD_BIND_DN: undefined })).toThrow(/AD_BIND_DN: required with AD_URL/);
    expect(() => loadConfig({ ...ad, AD_BIND_PASSWORD: undefined })).toThrow(/AD_BIND_PASSWORD: required with AD_URL/);
    expect(() => loadConfig({ ...ad, AD_PASSWORD_SYNC: 'sometimes' })).toThrow(/AD_PASSWORD_SYNC/);
    expect(() => loadConfig({ ...ad, AD_SELF_SERVICE_REFUSED: 'disabled,locked' })).toThrow(/AD_SELF_SERVICE_REFUSED/);
  });

  it('prefers AD_BIND_PASSWORD_FILE and never prints the password', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-ad-settings-'));
    const file = path.join(dir, 'password');
    fs.writeFileSync(file, 'from-the-file\n');
    const settings = adSettingsFrom(loadConfig({ ...ad, AD_BIND_PASSWORD_FILE: file }));
    expect(settings?.bindPassword.reveal()).toBe('from-the-file');
    expect(inspect(settings)).not.toContain('from-the-file');
    expect(JSON.stringify(settings)).not.toContain('from-the-file');
    expect(`${settings?.bindPassword}`).toBe('[redacted]');
    expect(() => adSettingsFrom(loadConfig({ ...ad, AD_CA_FILE: path.join(dir, 'missing.pem') }))).toThrow(
      /AD_CA_FILE: cannot read/,
    );
  });

  it('always verifies the certificate, against the DC’s name (or AD_TLS_SERVER_NAME)', () => {
    expect(tlsOptionsFor({ ca: 'PEM', tlsServerName: undefined }, 'ldaps://dc1.corp.contoso.test:636')).toMatchObject({
      ca: ['PEM'],
      rejectUnauthorized: true,
      servername: 'dc1.corp.contoso.test',
    });
    const byAddress = tlsOptionsFor({ ca: undefined, tlsServerName: undefined }, 'ldaps://127.0.0.1:636');
    expect(byAddress).toMatchObject({ rejectUnauthorized: true, host: '127.0.0.1' });
    expect(byAddress).not.toHaveProperty('servername');
  });
});
