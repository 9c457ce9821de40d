// Provisions, starts and stops the demo domain: a real Samba AD DC (Debian's samba-ad-dc) in a folder of
// its own, bound to loopback only (interfaces=lo), LDAPS on 127.0.0.1:636 with a certificate for
// localhost/127.0.0.1 from a CA made for this domain (ca.pem; clients verify it, never switch it off).
// Contents from fixtures/demo-domain.json: the synced users (same UPNs as the demo tenant), their OU, the
// least-privilege service account (reset password + write lockoutTime/pwdLastSet on that OU only, read
// on the Password Settings Container), a fine-grained password policy for one group and one protected
// admin. The DC runs in its own process group and is stopped by it (kill -PGID), never by name.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { Attribute, Change, Client, InvalidCredentialsError } from 'ldapts';
import { createCA, createCert } from 'mkcert';
import { z } from 'zod';

const run = promisify(execFile);

const demoDomainSchema = z.object({
  realm: z.string(),
  netbiosName: z.string(),
  domainSid: z.string(),
  baseDn: z.string(),
  userOu: z.string(),
  serviceAccountOu: z.string(),
  domainPolicy: z.object({
    minPasswordLength: z.number(),
    complexity: z.boolean(),
    historyLength: z.number(),
    minPasswordAgeDays: z.number(),
    lockoutThreshold: z.number(),
    lockoutDurationMinutes: z.number(),
  }),
  fineGrainedPolicy: z.object({
    name: z.string(),
    appliesToGroup: z.string(),
    precedence: z.number(),
    minPasswordLength: z.number(),
    complexity: z.boolean(),
    historyLength: z.number(),
    lockoutThreshold: z.number(),
    lockoutDurationMinutes: z.number(),
  }),
  serviceAccount: z.object({ samAccountName: z.string(), displayName: z.string() }),
  password: z.string(),
  users: z.array(
    z.object({
      samAccountName: z.string(),
      userPrincipalName: z.string(),
      givenName: z.string(),
      surname: z.string(),
      groups: z.array(z.string()),
      state: z.enum(['enabled', 'disabled', 'expired']).default('enabled'),
    }),
  ),
});
export type DemoDomain = z.infer<typeof demoDomainSchema>;

export type DomainController = {
  dir: string;
  url: string;
  caFile: string;
  baseDn: string;
  adminDn: string;
  adminPassword: string;
  serviceDn: string;
  servicePasswordFile: string;
  domain: DemoDomain;
};

export function loadDemoDomain(file = path.join(process.cwd(), 'fixtures/demo-domain.json')): DemoDomain {
  return demoDomainSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** True when Debian's samba-ad-dc is installed (samba and samba-tool on the PATH). */
export async function isSambaInstalled(): Promise<boolean> {
  try {
    await run('samba-tool', ['--version']);
    await run('samba', ['--version']);
    return true;
  } catch {
    return false;
  }
}

const ticksPerMinute = 600_000_000n;
const interval = (minutes: number) => String(-BigInt(minutes) * ticksPerMinute);

function secret(file: string, value: string): void {
  fs.writeFileSync(file, value, { mode: 0o600 });
}

function strongPassword(): string {
  return `Vy-${randomBytes(18).toString('base64url')}-9a`;
}

async function waitForPort(port: number, host: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port, host });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the domain controller did not open ${host}:${port} within ${timeoutMs} ms`);
}

function controllerOf(dir: string, domain: DemoDomain): DomainController {
  return {
    dir,
    url: 'ldaps://127.0.0.1:636',
    caFile: path.join(dir, 'tls/ca.pem'),
    baseDn: domain.baseDn,
    adminDn: `CN=Administrator,CN=Users,${domain.baseDn}`,
    adminPassword: fs.readFileSync(path.join(dir, 'admin.password'), 'utf8'),
    serviceDn: `CN=${domain.serviceAccount.samAccountName},${domain.serviceAccountOu},${domain.baseDn}`,
    servicePasswordFile: path.join(dir, 'service-account.password'),
    domain,
  };
}

/** Provisions the domain into `dir` (empty or absent), about 20 s. The DC is not started. */
export async function provisionDemoDomain(dir: string, domain = loadDemoDomain()): Promise<void> {
  fs.mkdirSync(path.join(dir, 'tls'), { recursive: true, mode: 0o700 });
  const adminPassword = strongPassword();
  secret(path.join(dir, 'admin.password'), adminPassword);
  secret(path.join(dir, 'service-account.password'), strongPassword());
  const ca = await createCA({
    organization: 'Verity demo domain CA (development only)',
    countryCode: 'US',
    state: 'Washington',
    locality: 'Redmond',
    validity: 825,
  });
  const cert = await createCert({ ca, domains: ['localhost', '127.0.0.1', '::1'], validity: 365 });
  fs.writeFileSync(path.join(dir, 'tls/ca.pem'), ca.cert);
  fs.writeFileSync(path.join(dir, 'tls/cert.pem'), `${cert.cert}\n${ca.cert}`);
  secret(path.join(dir, 'tls/key.pem'), cert.key);
  const options = {
    interfaces: 'lo',
    'bind interfaces only': 'yes',
    // LDAP (with the KDC and RPC samba-tool needs); no file server, no DNS, no NetBIOS.
    'server services': 'ldap, rpc, kdc',
    'tls enabled': 'yes',
    'tls keyfile': path.join(dir, 'tls/key.pem'),
    'tls certfile': path.join(dir, 'tls/cert.pem'),
    'tls cafile': path.join(dir, 'tls/ca.pem'),
    'log file': path.join(dir, 'log.%m'),
  };
  await run('samba-tool', [
    'domain',
    'provision',
    `--realm=${domain.realm}`,
    `--domain=${domain.netbiosName}`,
    `--domain-sid=${domain.domainSid}`,
    '--server-role=dc',
    '--dns-backend=NONE',
    `--adminpass=${adminPassword}`,
    `--targetdir=${dir}`,
    ...Object.entries(options).map(([key, value]) => `--option=${key}=${value}`),
  ]);
  // Samba accepts the previous password for 60 minutes after a reset by default (as Windows does for
  // NTLM); the demo wants "the old password no longer works" to be true at once. provision does not keep
  // this option, so it is written into smb.conf here.
  const conf = path.join(dir, 'etc/smb.conf');
  fs.writeFileSync(
    conf,
    fs.readFileSync(conf, 'utf8').replace('[global]\n', '[global]\n\told password allowed period = 0\n'),
  );
}

/** Starts the DC in its own process group and waits for LDAPS; returns its process group id. */
export async function startDomainController(dir: string): Promise<number> {
  const log = fs.openSync(path.join(dir, 'samba.log'), 'a');
  const child = spawn('samba', ['-i', '-s', path.join(dir, 'etc/smb.conf')], {
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.unref();
  if (!child.pid) throw new Error('samba did not start');
  fs.writeFileSync(path.join(dir, 'samba.pgid'), String(child.pid));
  try {
    await waitForPort(636, '127.0.0.1', 60_000);
  } catch (error) {
    stopDomainController(dir);
    throw error;
  }
  return child.pid;
}

/** Stops the DC started from `dir` by its process group; true when one was running. */
export function stopDomainController(dir: string): boolean {
  const file = path.join(dir, 'samba.pgid');
  if (!fs.existsSync(file)) return false;
  const pgid = Number(fs.readFileSync(file, 'utf8'));
  fs.rmSync(file);
  try {
    process.kill(-pgid, 'SIGTERM');
    return true;
  } catch {
    return false;
  }
}

export async function adminClient(dc: Pick<DomainController, 'url' | 'caFile' | 'adminDn' | 'adminPassword'>) {
  const client = new Client({ url: dc.url, tlsOptions: { ca: [fs.readFileSync(dc.caFile, 'utf8')] }, timeout: 10_000 });
  await client.bind(dc.adminDn, dc.adminPassword);
  return client;
}

/**
 * A simple bind as `upn` over LDAPS, as Windows logon or pass-through authentication does: true when AD accepts
 * the password. Shared by the AD suite (server/ad/test-support) and the AD end-to-end specs (e2e/ad).
 */
export async function canBind(dc: Pick<DomainController, 'url' | 'caFile'>, upn: string, password: string) {
  const client = new Client({ url: dc.url, tlsOptions: { ca: [fs.readFileSync(dc.caFile, 'utf8')] }, timeout: 5_000 });
  try {
    await client.bind(upn, password);
    return true;
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return false;
    throw error;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

const replace = (type: string, values: string[] | Buffer[]) =>
  new Change({ operation: 'replace', modification: new Attribute({ type, values }) });
const unicodePwd = (password: string) => Buffer.from(`"${password}"`, 'utf16le');

/** Fills a started, freshly provisioned DC with the demo domain's contents. */
export async function populateDemoDomain(dir: string, domain = loadDemoDomain()): Promise<DomainController> {
  const dc = controllerOf(dir, domain);
  const base = domain.baseDn;
  const client = await adminClient(dc);
  try {
    const policy = domain.domainPolicy;
    await client.modify(base, [
      replace('minPwdLength', [String(policy.minPasswordLength)]),
      replace('pwdProperties', [policy.complexity ? '1' : '0']),
      replace('pwdHistoryLength', [String(policy.historyLength)]),
      replace('minPwdAge', [interval(policy.minPasswordAgeDays * 1440)]),
      replace('lockoutThreshold', [String(policy.lockoutThreshold)]),
      replace('lockoutDuration', [interval(policy.lockoutDurationMinutes)]),
      replace('lockOutObservationWindow', [interval(policy.lockoutDurationMinutes)]),
    ]);
    for (const ou of [domain.userOu, domain.serviceAccountOu])
      await client.add(`${ou},${base}`, { objectClass: ['top', 'organizationalUnit'], ou: ou.slice(3) });
    const pso = domain.fineGrainedPolicy;
    const groupDn = `CN=${pso.appliesToGroup},${domain.userOu},${base}`;
    await client.add(groupDn, { objectClass: ['top', 'group'], sAMAccountName: pso.appliesToGroup });
    await client.add(`CN=${pso.name},CN=Password Settings Container,CN=System,${base}`, {
      objectClass: ['top', 'msDS-PasswordSettings'],
      'msDS-PasswordSettingsPrecedence': String(pso.precedence),
      'msDS-PasswordReversibleEncryptionEnabled': 'FALSE',
      'msDS-PasswordHistoryLength': String(pso.historyLength),
      'msDS-PasswordComplexityEnabled': pso.complexity ? 'TRUE' : 'FALSE',
      'msDS-MinimumPasswordLength': String(pso.minPasswordLength),
      'msDS-MinimumPasswordAge': '0',
      'msDS-MaximumPasswordAge': interval(365 * 1440),
      'msDS-LockoutThreshold': String(pso.lockoutThreshold),
      'msDS-LockoutObservationWindow': interval(pso.lockoutDurationMinutes),
      'msDS-LockoutDuration': interval(pso.lockoutDurationMinutes),
      'msDS-PSOAppliesTo': groupDn,
    });
    const service = domain.serviceAccount;
    await createUser(client, dc.serviceDn, {
      attributes: { sAMAccountName: service.samAccountName, displayName: service.displayName },
      password: fs.readFileSync(dc.servicePasswordFile, 'utf8'),
    });
    for (const user of domain.users) {
      const dn = `CN=${user.givenName} ${user.surname},${domain.userOu},${base}`;
      await createUser(client, dn, {
        attributes: {
          sAMAccountName: user.samAccountName,
          userPrincipalName: user.userPrincipalName,
          givenName: user.givenName,
          sn: user.surname,
          displayName: `${user.givenName} ${user.surname}`,
        },
        password: domain.password,
        disabled: user.state === 'disabled',
      });
      // accountExpires: 2024-01-01T00:00:00Z as FILETIME, long past.
      if (user.state === 'expired') await client.modify(dn, [replace('accountExpires', ['133485408000000000'])]);
      for (const group of user.groups) {
        const target =
          group === 'Domain Admins' ? `CN=Domain Admins,CN=Users,${base}` : `CN=${group},${domain.userOu},${base}`;
        await client.modify(target, [
          new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [dn] }) }),
        ]);
      }
    }
  } finally {
    await client.unbind();
  }
  await delegateToServiceAccount(dc);
  return dc;
}

async function createUser(
  client: Client,
  dn: string,
  user: { attributes: Record<string, string>; password: string; disabled?: boolean },
): Promise<void> {
  await client.add(dn, { objectClass: ['top', 'person', 'organizationalPerson', 'user'], ...user.attributes });
  await client.modify(dn, [
    replace('unicodePwd', [unicodePwd(user.password)]),
    // NORMAL_ACCOUNT (0x200), plus ACCOUNTDISABLE (0x2) for the disabled demo user.
    replace('userAccountControl', [user.disabled ? '514' : '512']),
  ]);
}

// Extended right "Reset Password" and write access to two attributes, inherited by user objects in the
// users' OU only (learn.microsoft.com/troubleshoot/windows-server/windows-security/delegate-authority-reset-password-unlock).
const userClass = 'bf967aba-0de6-11d0-a285-00aa003049e2';
const resetPasswordRight = '00299570-246d-11d0-a768-00aa006e0529';
const lockoutTimeAttribute = '28630ebf-41d5-11d1-a9c1-0000f80367c1';
const pwdLastSetAttribute = 'bf967a0a-0de6-11d0-a285-00aa003049e2';

async function delegateToServiceAccount(dc: DomainController): Promise<void> {
  const client = await adminClient(dc);
  let sid: string;
  try {
    const result = await client.search(dc.serviceDn, {
      scope: 'base',
      attributes: ['objectSid'],
      explicitBufferAttributes: ['objectSid'],
    });
    const raw = result.searchEntries[0]?.objectSid;
    const bytes = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
    const count = bytes[1] ?? 0;
    const subs = Array.from({ length: count }, (_, index) => bytes.readUInt32LE(8 + 4 * index));
    sid = ['S-1', bytes.readUIntBE(2, 6), ...subs].join('-');
  } finally {
    await client.unbind();
  }
  const sam = path.join(dc.dir, 'private/sam.ldb');
  const grants: [string, string][] = [
    [`${dc.domain.userOu},${dc.baseDn}`, `(OA;CIIO;CR;${resetPasswordRight};${userClass};${sid})`],
    [`${dc.domain.userOu},${dc.baseDn}`, `(OA;CIIO;WP;${lockoutTimeAttribute};${userClass};${sid})`],
    [`${dc.domain.userOu},${dc.baseDn}`, `(OA;CIIO;WP;${pwdLastSetAttribute};${userClass};${sid})`],
    [`CN=Password Settings Container,CN=System,${dc.baseDn}`, `(A;CI;RPLCLORC;;;${sid})`],
  ];
  for (const [objectDn, sddl] of grants)
    await run('samba-tool', ['dsacl', 'set', `--objectdn=${objectDn}`, `--sddl=${sddl}`, '-H', sam]);
}

/** The AD_* settings for the portal and the mock, pointing at this DC with the service account. */
export function adEnvironment(dc: DomainController): Record<string, string> {
  return {
    AD_URL: dc.url,
    AD_BASE_DN: dc.baseDn,
    AD_BIND_DN: dc.serviceDn,
    AD_BIND_PASSWORD_FILE: dc.servicePasswordFile,
    AD_CA_FILE: dc.caFile,
  };
}

export function domainControllerAt(dir: string, domain = loadDemoDomain()): DomainController {
  return controllerOf(dir, domain);
}
