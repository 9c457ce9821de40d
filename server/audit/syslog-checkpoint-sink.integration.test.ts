// ASVS5 16.3: a signed checkpoint also goes to a syslog collector (RFC 5424 over UDP or TCP), so whoever can
// write the database and the portal host's disk cannot hide a truncation. Real listeners on loopback.
import dgram from 'node:dgram';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkpointSchema } from '../../lib/audit/checkpoint';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { writeAuditCheckpoint } from './audit-checkpoints';
import { isCheckpointSignatureValid } from './checkpoint-keys';
import { testAuditSettings } from './test-audit-settings';

const testDb = setUpTestDatabase();

const at = new Date('2026-12-03T15:00:00.000Z');
// <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA BOM MSG (RFC 5424 section 6).
const rfc5424 = /^<(\d{1,3})>1 (\S+) (\S+) verity (\d+) auditCheckpoint - \uFEFF(.+)$/su;

function udpCollector(): Promise<{ url: string; next: Promise<string>; close: () => void }> {
  const socket = dgram.createSocket('udp4');
  const next = new Promise<string>((resolve) => socket.once('message', (data) => resolve(data.toString('utf8'))));
  return new Promise((resolve) =>
    socket.bind(0, '127.0.0.1', () =>
      resolve({
        url: `udp://127.0.0.1:${(socket.address() as AddressInfo).port}`,
        next,
        close: () => socket.close(),
      }),
    ),
  );
}

function tcpCollector(): Promise<{ url: string; next: Promise<string>; close: () => void }> {
  let received!: (text: string) => void;
  const next = new Promise<string>((resolve) => (received = resolve));
  const server = net.createServer((connection) => {
    const chunks: Buffer[] = [];
    connection.on('data', (chunk) => chunks.push(chunk));
    connection.on('end', () => received(Buffer.concat(chunks).toString('utf8')));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`,
        next,
        close: () => server.close(),
      }),
    ),
  );
}

function checkpointIn(message: string) {
  const match = rfc5424.exec(message);
  expect(match, message).not.toBeNull();
  expect(match?.[1]).toBe(String(13 * 8 + 5)); // facility "log audit", severity "notice"
  expect(match?.[2]).toBe(at.toISOString());
  return checkpointSchema.parse(JSON.parse(match?.[5] ?? ''));
}

describe('ASVS5 16.3: audit checkpoints to a syslog collector (RFC 5424)', () => {
  it('sends each signed checkpoint as one RFC 5424 datagram over UDP', async () => {
    const collector = await udpCollector();
    try {
      const settings = { ...testAuditSettings(), checkpointSyslogUrl: collector.url };
      const written = await writeAuditCheckpoint(testDb.db, settings, at);
      const received = checkpointIn(await collector.next);
      expect(received).toEqual(written);
      expect(isCheckpointSignatureValid(received, settings.verifiers)).toBe(true);
    } finally {
      collector.close();
    }
  });

  it('sends it over TCP with octet-counting framing (RFC 6587)', async () => {
    const collector = await tcpCollector();
    try {
      const settings = { ...testAuditSettings(), checkpointSyslogUrl: collector.url };
      const written = await writeAuditCheckpoint(testDb.db, settings, at);
      const frame = await collector.next;
      const [length, ...rest] = frame.split(' ');
      const message = rest.join(' ');
      expect(Number(length)).toBe(Buffer.byteLength(message, 'utf8'));
      expect(checkpointIn(message)).toEqual(written);
    } finally {
      collector.close();
    }
  });

  it('reports a collector that refuses the connection, naming the variable', async () => {
    const closed = await tcpCollector();
    closed.close();
    const settings = { ...testAuditSettings(), checkpointSyslogUrl: closed.url };
    await expect(writeAuditCheckpoint(testDb.db, settings, at)).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      details: { path: 'AUDIT_CHECKPOINT_SYSLOG_URL' },
    });
  });
});
