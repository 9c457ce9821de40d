// What the portal's Node server answers when Node's own HTTP parser refuses a request, before Next or the pipeline
// sees it (broken chunk framing, a malformed request or header line): Node's default is a bare
// "400 Bad Request" with no body and nothing audited. Here it is the common error body and a `http.denied` audit
// entry like every other refusal (ASVS5 16.3.2). Registered by scripts/portal-server.ts on the server's
// 'clientError' event (https://nodejs.org/api/http.html#event-clienterror), whose default this mirrors: answer only
// when nothing was written on the connection yet, then close it. Oversized headers and request timeouts keep
// Node's own answers (431, 408): they are limits, not malformed input.
import type { Duplex } from 'node:stream';
import { AppError } from '@/lib/app-error';
import { requestFailureOf, statusOf, type RequestFailure } from './request-failure';

/** What the audit entry of a refused connection says (server/audit/append-audit-event.ts writes it). */
export type ClientErrorDenial = {
  failure: RequestFailure;
  ip: string | null;
  /** The request line's method and path when Node got that far (the request was handed on), else null. */
  method: string | null;
  path: string | null;
  parserCode: string;
};

export type ClientErrorHandling = {
  /** The method and path of the request the connection was carrying, when Node had parsed its head. */
  requestOf(socket: Duplex): { method: string; path: string } | undefined;
  audit(denial: ClientErrorDenial): Promise<void>;
};

const nodeDefaultAnswers: Record<string, string> = {
  HPE_HEADER_OVERFLOW: 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n',
  ERR_HTTP_REQUEST_TIMEOUT: 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n',
};

const malformedRequest = () =>
  requestFailureOf(
    new AppError('INVALID_INPUT', 'The request is not well-formed HTTP (its framing or a header line is broken).', {
      reason: 'malformedRequest',
    }),
  );

function errorCodeOf(error: Error): string {
  return 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';
}

function remoteAddressOf(socket: Duplex): string | null {
  return 'remoteAddress' in socket && typeof socket.remoteAddress === 'string' ? socket.remoteAddress : null;
}

function bytesWrittenOf(socket: Duplex): number {
  return 'bytesWritten' in socket && typeof socket.bytesWritten === 'number' ? socket.bytesWritten : 0;
}

/** The raw HTTP/1.1 answer: the status, the common body, no caching, and the connection closed after it. */
export function clientErrorAnswer(failure: RequestFailure): string {
  const status = statusOf(failure);
  const body = JSON.stringify({ error: failure });
  return [
    `HTTP/1.1 ${status} Bad Request`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** The 'clientError' listener: answer (when the connection is still clean), close, and audit. */
export function handleClientError(error: Error, socket: Duplex, handling: ClientErrorHandling): Promise<void> {
  const parserCode = errorCodeOf(error);
  // The client went away: there is nobody to answer and nothing malformed to record.
  if (parserCode === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return Promise.resolve();
  }
  const isClean = bytesWrittenOf(socket) === 0;
  const nodeAnswer = nodeDefaultAnswers[parserCode];
  if (nodeAnswer !== undefined) {
    if (isClean) socket.end(nodeAnswer);
    else socket.destroy();
    return Promise.resolve();
  }
  const failure = malformedRequest();
  if (isClean) socket.end(clientErrorAnswer(failure));
  else socket.destroy();
  const request = handling.requestOf(socket);
  return handling.audit({
    failure,
    ip: remoteAddressOf(socket),
    method: request?.method ?? null,
    path: request?.path.slice(0, 200) ?? null,
    parserCode,
  });
}
