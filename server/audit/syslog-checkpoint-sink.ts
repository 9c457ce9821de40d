// Copies a signed audit checkpoint to a syslog collector (AUDIT_CHECKPOINT_SYSLOG_URL, udp:// or tcp://) as one
// RFC 5424 message, so the anchor of the chain also lives on a host that whoever writes the database and this
// host's disk does not control (docs/decisions/0005-keyed-audit-chain.md). TCP uses octet-counting framing
// (RFC 6587 section 3.4.1); UDP sends one datagram (RFC 5426).
import dgram from 'node:dgram';
import net from 'node:net';
import os from 'node:os';
import { AppError } from '../../lib/app-error';

// Facility 13 "log audit", severity 5 "notice" (RFC 5424 section 6.2.1).
const priority = 13 * 8 + 5;
const timeoutMs = 5_000;

/** One RFC 5424 message: `<PRI>1 TIMESTAMP HOST APP PROCID MSGID - BOM MSG`. */
export function syslogCheckpointMessage(checkpointJson: string, now: Date, hostname = os.hostname()): string {
  const host = hostname.replace(/[^\x21-\x7e]/g, '').slice(0, 255) || '-';
  return `<${priority}>1 ${now.toISOString()} ${host} verity ${process.pid} auditCheckpoint - \uFEFF${checkpointJson}`;
}

function sinkError(detail: string): AppError {
  return new AppError('UPSTREAM_ERROR', `the audit checkpoint syslog sink failed: ${detail}`, {
    path: 'AUDIT_CHECKPOINT_SYSLOG_URL',
  });
}

/** Sends the message; resolves once UDP handed it over or the TCP collector accepted the bytes. */
export async function sendSyslogCheckpoint(url: string, message: string): Promise<void> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port || 514);
  const payload = Buffer.from(message, 'utf8');
  if (target.protocol === 'udp:') {
    const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    try {
      await new Promise<void>((resolve, reject) =>
        socket.send(payload, port, host, (error) => (error ? reject(sinkError(error.message)) : resolve())),
      );
    } finally {
      socket.close();
    }
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host, port, timeout: timeoutMs });
    const fail = (detail: string) => {
      socket.destroy();
      reject(sinkError(detail));
    };
    socket.on('timeout', () => fail('timed out'));
    socket.on('error', (error) => fail(error.message));
    socket.on('connect', () =>
      socket.end(Buffer.concat([Buffer.from(`${payload.length} `), payload]), () => resolve()),
    );
  });
}
