// Structured logs for operators with pino (https://getpino.io): one JSON line per request (the pipeline,
// server/http/define-route.ts) and per background job, each with the request id of the request that caused
// it. Callers log identifiers and outcomes only; the redact list below is the second line of defence
// (OWASP Logging Cheat Sheet: never log passwords, codes, session ids, tokens or secrets), and
// server/log/logger.test.ts proves it.
import { pino, type DestinationStream, type Logger } from 'pino';
import { getConfig } from '../config';
import { currentRequestId } from './request-scope';

export type { Logger };

const secretKeys = [
  'password',
  'newPassword',
  'confirmation',
  'code',
  'otp',
  'token',
  'csrf',
  'secret',
  'AUTH_SECRET',
  'clientSecret',
  'accessToken',
  'refreshToken',
  'idToken',
  'authorization',
  'cookie',
  'set-cookie',
  'SMS_GATEWAY_TOKEN',
  'AD_BIND_PASSWORD',
];

// pino's redact paths (fast-redact syntax): each key at the top level, one level down and in headers.
const pathFor = (prefix: string, key: string) =>
  /^\w+$/.test(key) ? (prefix ? `${prefix}.${key}` : key) : `${prefix}["${key}"]`;
export const redactedPaths = ['', '*', '*.headers'].flatMap((prefix) => secretKeys.map((key) => pathFor(prefix, key)));

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'verity-portal' },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      // Every line written while a request (or a job it enqueued) runs carries its id.
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    options.destination,
  );
}

let processLogger: Logger | undefined;

/** The process's logger (stdout); tests give their own to the context instead. */
export function portalLogger(): Logger {
  processLogger ??= createLogger({ level: getConfig().LOG_LEVEL });
  return processLogger;
}
