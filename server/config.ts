// The only reader of process.env in the portal. Every variable is validated with zod; embedded-mode
// defaults (SQLite, the mock Entra on https://localhost:4443, the local SMTP sink) make `npm start`
// work on a fresh clone. A bad value stops the process with one line naming the variable.
import { z } from 'zod';
import { AppError } from '../lib/app-error';
import { auditHmacKeysSchema } from './audit/audit-hmac-keys';
import { refuseUnsafeLeaseSettings } from './production/lease-settings';
import { refuseUnsafeProductionSettings } from './production/refuse-unsafe-settings';
import { demoTenantId } from './production/published-values';

const booleanFlag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const port = z.coerce.number().int().min(1).max(65535);

// --- service desk --- comma-separated ids or names, trimmed, empty entries dropped.
const idList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** `1`: a demo (mock Entra, demo tenant, published secrets allowed in production; every page says so). */
  VERITY_DEMO_MODE: booleanFlag.default(false),
  /** `file:./data/verity.db` (SQLite, default) or `postgresql://...`. */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
    .default('file:./data/verity.db'),
  /** Public origin of the portal; links in mail are built from this, never from the Host header. */
  APP_ORIGIN: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  /** Secret for session cookies and next-auth; required outside development. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Entra authority host: the mock Entra in development, https://login.microsoftonline.com in production. */
  ENTRA_AUTHORITY_HOST: z.url({ protocol: /^https$/ }).default('https://localhost:4443'),
  ENTRA_TENANT_ID: z.string().min(1).default(demoTenantId),
  /** App registration used only to verify identity for self-service reset (Entra MFA round trip). */
  ENTRA_RESET_CLIENT_ID: z.string().min(1).default('a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01'),
  ENTRA_RESET_CLIENT_SECRET: z.string().min(1).default('dev-secret-reset'),
  /** App registration for signing in to the portal (desk, account, admin) and for app-only Graph calls. */
  ENTRA_PORTAL_CLIENT_ID: z.string().min(1).default('a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d02'),
  ENTRA_PORTAL_CLIENT_SECRET: z.string().min(1).default('dev-secret-portal'),
  /** Graph base URL; the mock serves a subset under /graph/v1.0. */
  GRAPH_BASE_URL: z.url({ protocol: /^https$/ }).default('https://localhost:4443/graph/v1.0'),
  /**
   * How long the portal waits for one Graph request (server/graph/graph-client.ts). A write answered later
   * has an unknown outcome and is reconciled; the leases are checked against it (server/production/lease-settings.ts).
   */
  GRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: port.default(2525),
  SMTP_SECURE: booleanFlag.default(false),
  MAIL_FROM: z.string().min(3).default('Verity <no-reply@contoso.test>'),
  /** SMS gateway: POST {to, body} JSON (server/notify/send-sms.ts); the development sink by default. */
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8025/sms'),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  /** Optional Redis for rate limits shared by several portal instances; memory when unset. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** pino level of the portal's JSON log lines (server/log/logger.ts). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // --- service desk (issue 5; policy numbers default to lib/desk/desk-policy.ts) ---
  /** Minutes after the first caller verification during which desk actions are allowed. */
  DESK_WINDOW_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  /** Minutes during which a user who denied or reported a desk push cannot be acted on. */
  DESK_BLOCK_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  /** Groups whose members count as privileged (besides any directory role): IT Admins, Emergency Access. */
  DESK_PRIVILEGED_GROUP_IDS: idList.prefault(
    '9b2c4d10-3e5f-4a6b-8c7d-000000000005,9b2c4d10-3e5f-4a6b-8c7d-000000000006',
  ),
  /** Groups of desk supervisors (assign the Desk.Supervisor app role to it); agents never act on them. */
  DESK_SUPERVISOR_GROUP_IDS: idList.prefault('9b2c4d10-3e5f-4a6b-8c7d-000000000004'),
  /** Verification methods the desk offers (authenticatorPush, entraSignInLink, smsCode, emailCode). */
  DESK_METHODS: idList.prefault('authenticatorPush,entraSignInLink,smsCode,emailCode'),
  /** Temporary Access Pass issued by the desk: lifetime (10..43200 minutes, Graph) and one-time use. */
  DESK_TAP_LIFETIME_MINUTES: z.coerce.number().int().min(10).max(43_200).default(60),
  DESK_TAP_ONE_TIME: booleanFlag.default(true),
  /** Where "denied or reported push" alerts go (a supervisors' mailbox or distribution list). */
  DESK_SUPERVISOR_ALERT_EMAIL: z.email().default('desk-supervisors@contoso.test'),
  // --- end service desk ---
  /** Reverse proxies in front of the portal that append the client address to X-Forwarded-For (0 = reached
   * directly: forwarded headers are ignored and the connection's address is the client; lib/http/client-address.ts). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  MOCK_IDP_PORT: port.default(4443),
  PORT: port.default(3000),
  // --- reset portal --- (docs/reset-portal.md; defaults from issue 4)
  /** Stars each identity service is worth: entraMfa,passkey,totp,sms,email. */
  RESET_SERVICE_STARS: z
    .string()
    .regex(/^\d+,\d+,\d+,\d+,\d+$/, 'must be five whole numbers: entraMfa,passkey,totp,sms,email')
    .default('3,3,2,1,1'),
  /** Identity services the admin enabled, comma-separated. */
  RESET_ENABLED_SERVICES: z
    .string()
    .regex(
      /^(entraMfa|passkey|totp|sms|email)(,(entraMfa|passkey|totp|sms|email))*$/,
      'must list services among entraMfa,passkey,totp,sms,email',
    )
    .default('entraMfa,passkey,totp,sms,email'),
  RESET_STARS_REQUIRED: z.coerce.number().int().min(1).max(20).default(3),
  UNLOCK_STARS_REQUIRED: z.coerce.number().int().min(1).max(20).default(2),
  /** Email and SMS codes alone never reach the reset threshold when the user has MFA registered (ASVS5 6.4.3). */
  RESET_CHANNEL_CODES_CANNOT_BYPASS_MFA: booleanFlag.default(true),
  RESET_PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(256).default(12),
  /** The organisation's own words refused in new passwords, comma-separated. */
  RESET_BANNED_WORDS: z.string().default('contoso,verity'),
  RESET_SESSION_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  RESET_SESSION_MAX_FAILURES: z.coerce.number().int().min(1).max(50).default(10),
  RESET_CODE_MINUTES: z.coerce.number().int().min(1).max(10).default(10),
  /** Entra MFA evidence: the authentication context (c1..c99) that must appear in `acrs`, else `amr` must contain `mfa`. */
  RESET_ENTRA_AUTH_CONTEXT: z
    .string()
    .regex(/^c([1-9]|[1-9]\d)$/, 'must be c1..c99')
    .optional(),
  /** How old Entra's `auth_time` may be when the user comes back, in seconds. */
  RESET_ENTRA_MAX_AUTH_AGE_SECONDS: z.coerce.number().int().min(30).max(900).default(300),
  /** Certificate credential for the reset app instead of the secret (PEM private key + SHA-256 thumbprint). */
  ENTRA_RESET_CLIENT_CERTIFICATE_KEY: z.string().min(1).optional(),
  ENTRA_RESET_CLIENT_CERTIFICATE_THUMBPRINT: z
    .string()
    .regex(/^[0-9A-Fa-f]{64}$/, 'must be a SHA-256 thumbprint (64 hex)')
    .optional(),
  /** Where users may be sent back after a reset, besides the portal itself (comma-separated origins or URLs). */
  RESET_RETURN_URL_ALLOW_LIST: z.string().default(''),
  // --- end reset portal ---
  // --- help for users who cannot finish on their own (issue 14): shown on /reset and /unlock ---
  /** The service desk's phone number, shown when the remaining services cannot reach the threshold. */
  SERVICE_DESK_PHONE: z.string().max(40).default('+1 555 0100'),
  /** Opening hours as free text in your users' language; unset = the translated "Monday to Friday, 8:00 to 18:00". */
  SERVICE_DESK_HOURS: z.string().max(200).optional(),
  /** How to reach the desk besides the phone (a URL, an office, a chat), free text; unset = nothing more. */
  SERVICE_DESK_TEXT: z.string().max(400).optional(),
  /** The domain of your users' sign-in names, for the username hint (name@<domain>). */
  RESET_USERNAME_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain name, for example contoso.com')
    .default('contoso.test'),
  // --- end help ---
  // --- Conditional Access simulator (issue 6) ---
  /** Directory snapshot (users, groups, apps, registered methods) the simulator evaluates policy sets against;
   * a tenant document as in fixtures/demo-tenant.json, relative to the repository root. */
  SIMULATOR_DIRECTORY_FILE: z.string().min(1).default('fixtures/demo-tenant.json'),
  // --- end simulator ---
  // --- on-premises Active Directory (issue 10; server/ad/, docs/hybrid-ad.md) ---
  /** One or more DCs, comma-separated, tried in order: ldaps://host:636, or ldap://host:389 (always StartTLS). */
  AD_URL: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(/^ldaps?:\/\/[^/\s?#]+$/, 'must list ldaps://host:port or ldap://host:port URLs'))
        .min(1, 'must list at least one URL'),
    )
    .optional(),
  /** Search base for user objects, e.g. DC=corp,DC=contoso,DC=test. */
  AD_BASE_DN: z
    .string()
    .regex(/^(\s*[A-Za-z]+=[^,]+,?)+$/, 'must be a distinguished name (DC=corp,DC=example,DC=com)')
    .optional(),
  /** The service account (delegated "Reset password" and write lockoutTime/pwdLastSet on the user OUs only). */
  AD_BIND_DN: z.string().min(3).optional(),
  AD_BIND_PASSWORD: z.string().min(1).optional(),
  /** File holding the service account's password (a mounted secret); wins over AD_BIND_PASSWORD. */
  AD_BIND_PASSWORD_FILE: z.string().min(1).optional(),
  /** PEM file of the CA that issued the DCs' certificates (verification is never switched off). */
  AD_CA_FILE: z.string().min(1).optional(),
  /** Name the DCs' certificate is checked against when it differs from the URL's host. */
  AD_TLS_SERVER_NAME: z.string().min(1).optional(),
  /** The on-premises DNS domain this connection serves (Graph onPremisesDomainName); default from AD_BASE_DN. */
  AD_DOMAIN_NAME: z.string().min(1).optional(),
  AD_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  AD_OPERATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Upper bound for one whole AD task (fail-over included). */
  AD_TOTAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Groups whose members may not reset themselves (SIDs; DOMAIN-512 = the domain's Domain Admins). */
  AD_PROTECTED_GROUP_SIDS: idList
    .pipe(z.array(z.string().regex(/^(DOMAIN|S-1-\d+(-\d+)*)(-\d+)+$/, 'must list SIDs or DOMAIN-<rid>')))
    .optional(),
  /** Account states refused for self-service and routed to the desk. */
  AD_SELF_SERVICE_REFUSED: idList
    .pipe(z.array(z.enum(['disabled', 'expired', 'protected'])))
    .prefault('disabled,expired,protected'),
  /** How Microsoft 365 learns the new password: pass-through authentication, password hash sync, or neither. */
  AD_PASSWORD_SYNC: z.enum(['passThrough', 'passwordHashSync', 'none']).default('passwordHashSync'),
  // --- end on-premises Active Directory ---
  // --- audit log (issue 11: keyed chain, signed checkpoints; docs/decisions/0005-keyed-audit-chain.md) ---
  /** HMAC-SHA-256 keys of the audit chain, `id:base64key[,id:base64key…]`: the first hashes new entries, all verify. */
  AUDIT_HMAC_KEYS: auditHmacKeysSchema.optional(),
  /** PEM (PKCS#8) file of the Ed25519 key that signs audit checkpoints. */
  AUDIT_CHECKPOINT_KEY_FILE: z.string().min(1).optional(),
  /** PEM public keys (several blocks allowed) that also verify checkpoints: older keys, or a verifier's only keys. */
  AUDIT_CHECKPOINT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  /** Append-only JSON Lines file the checkpoints go to; keep it off the database host in production. */
  AUDIT_CHECKPOINT_FILE: z.string().min(1).default('data/audit-checkpoints.jsonl'),
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /** Optional copy of every checkpoint, POSTed as JSON (a SIEM or log collector). */
  AUDIT_CHECKPOINT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Optional copy of every checkpoint to a syslog collector, RFC 5424 over udp://host:port or tcp://host:port. */
  AUDIT_CHECKPOINT_SYSLOG_URL: z.url({ protocol: /^(udp|tcp)$/ }).optional(),
  /** Name of the audit log in checkpoints (default: DATABASE_URL without credentials); set it when the database moves. */
  AUDIT_CHAIN_NAME: z.string().min(1).max(200).optional(),
  // --- end audit log ---
  // --- recent sign-in before sensitive changes (issue 11; lib/auth/sign-in-freshness.ts) ---
  /** Adding or removing a passkey or authenticator app on /account needs a sign-in at most this old. */
  ACCOUNT_REAUTH_MAX_AGE_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  /** A Temporary Access Pass, a desk unlock, approving a privileged case or importing policies needs an MFA sign-in this recent. */
  PRIVILEGED_ACTION_MFA_MAX_AGE_MINUTES: z.coerce.number().int().min(1).max(480).default(15),
  // --- end recent sign-in ---
  // --- durable work (issue 12; docs/decisions/0006). Production refuses unsafe values: server/production/lease-settings.ts ---
  /** How long a password write or unlock holds its claim before reconciliation may decide it did not land. */
  RESET_WRITE_LEASE_SECONDS: z.coerce.number().int().min(1).max(900).default(60),
  /** How long one job run may take before another runner may take it over (pg-boss expireInSeconds; the table's claim). */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** How often each instance reconciles expired write leases and sweeps jobs (pg-boss's maintenance interval). */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /** SIGTERM's grace period: requests and running jobs finish, the rest is handed back, then the process exits. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
});

export type Config = z.infer<typeof configSchema> & { AUTH_SECRET: string };

const developmentOnlySecret = 'verity-development-only-secret-change-me-000000';

/** Parses an environment (process.env in production, a plain object in tests). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Treat empty strings as unset, as shells and .env files often produce them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new AppError('CONFIG_ERROR', `Invalid environment variable ${variable}: ${issue?.message ?? 'invalid'}`, {
      path: variable,
    });
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && !config.AUTH_SECRET) {
    throw new AppError('CONFIG_ERROR', 'Invalid environment variable AUTH_SECRET: required in production', {
      path: 'AUTH_SECRET',
    });
  }
  if (config.NODE_ENV === 'production' && !config.VERITY_DEMO_MODE) refuseUnsafeProductionSettings(config);
  // Demo or not: a lease shorter than the directory's timeout turns a landed change into a reported failure.
  if (config.NODE_ENV === 'production') refuseUnsafeLeaseSettings(config);
  if (config.AD_URL) {
    for (const variable of ['AD_BASE_DN', 'AD_BIND_DN'] as const) {
      if (!config[variable])
        throw new AppError('CONFIG_ERROR', `Invalid environment variable ${variable}: required with AD_URL`, {
          path: variable,
        });
    }
    if (!config.AD_BIND_PASSWORD && !config.AD_BIND_PASSWORD_FILE)
      throw new AppError('CONFIG_ERROR', 'Invalid environment variable AD_BIND_PASSWORD: required with AD_URL', {
        path: 'AD_BIND_PASSWORD',
      });
  }
  // The audit chain's keys must live outside the database; development generates them under data/.
  if (config.NODE_ENV === 'production') {
    for (const variable of ['AUDIT_HMAC_KEYS', 'AUDIT_CHECKPOINT_KEY_FILE'] as const) {
      if (!config[variable])
        throw new AppError('CONFIG_ERROR', `Invalid environment variable ${variable}: required in production`, {
          path: variable,
        });
    }
  }
  return { ...config, AUTH_SECRET: config.AUTH_SECRET ?? developmentOnlySecret };
}

export function databaseProvider(config: Pick<Config, 'DATABASE_URL'>): 'sqlite' | 'postgresql' {
  return config.DATABASE_URL.startsWith('file:') ? 'sqlite' : 'postgresql';
}

let cached: Config | undefined;

/** The portal's configuration, read once from process.env. */
export function getConfig(): Config {
  if (!cached) {
    cached = loadConfig(process.env);
    // next-auth v4 reads NEXTAUTH_URL itself (else it assumes http://localhost:3000); derive it from
    // APP_ORIGIN so callback URLs come from configuration, never from the Host header (FPCS).
    process.env.NEXTAUTH_URL = `${cached.APP_ORIGIN.replace(/\/$/, '')}/api/auth`;
  }
  return cached;
}
