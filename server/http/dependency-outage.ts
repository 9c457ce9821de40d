// A dependency that does not answer (database, Redis, Graph, SMTP, SMS gateway) is an outage, not a bug and
// not the user's fault: one 503 with `reason: 'temporarilyUnavailable'`, a sentence that says nothing was
// changed, no attempt charged, and never the driver's own text (it names hosts, ports and databases).
// Prisma's connection error codes: https://www.prisma.io/docs/orm/reference/error-reference (P1001-P1017,
// P2024 pool timeout, P2028 "Unable to start a transaction in the given time"); PostgreSQL's SQLSTATE class
// 08 (connection exception), 53300 (too many connections), 57P01-57P03 (shutdown, "not currently accepting
// connections"): https://www.postgresql.org/docs/current/errcodes-appendix.html
import { AppError } from '@/lib/app-error';
import { isRecord } from '@/lib/is-record';

export const dependencies = ['database', 'redis', 'graph', 'smtp', 'sms', 'directory'] as const;
export type Dependency = (typeof dependencies)[number];

export const temporarilyUnavailableMessage =
  'A service this step needs is temporarily unavailable. Nothing was changed. Try again in a few minutes.';

export function dependencyUnavailable(dependency: Dependency): AppError {
  return new AppError('UNAVAILABLE', temporarilyUnavailableMessage, {
    reason: 'temporarilyUnavailable',
    dependency,
  });
}

const prismaOutageCodes = new Set(['P1001', 'P1002', 'P1003', 'P1008', 'P1010', 'P1011', 'P1017', 'P2024', 'P2028']);
const driverOutageKinds = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
  'AuthenticationFailed',
]);
const socketErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

function isPostgresOutageState(state: unknown): boolean {
  return typeof state === 'string' && (state.startsWith('08') || state === '53300' || /^57P0[1-3]$/.test(state));
}

/** The dependency an unexpected error says is down, or null for an ordinary bug. */
export function outageOf(error: unknown): Dependency | null {
  const value = record(error);
  const name = typeof value.name === 'string' ? value.name : '';
  if (name === 'PrismaClientInitializationError') return 'database';
  if (name === 'PrismaClientKnownRequestError' || name === 'DriverAdapterError') {
    if (typeof value.code === 'string' && prismaOutageCodes.has(value.code)) return 'database';
    const cause = record(record(record(value.meta).driverAdapterError).cause ?? value.cause);
    if (typeof cause.kind === 'string' && driverOutageKinds.has(cause.kind)) return 'database';
    if (isPostgresOutageState(cause.originalCode)) return 'database';
  }
  if (isPostgresOutageState(value.code) && typeof value.severity === 'string') return 'database';
  if (
    name === 'MaxRetriesPerRequestError' ||
    /^Connection is closed|Stream isn't writeable/.test(String(value.message))
  )
    return 'redis';
  if (typeof value.code === 'string' && socketErrorCodes.has(value.code)) return 'database';
  return null;
}
