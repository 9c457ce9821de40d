// A fault proxy in front of the test DC's LDAPS port, for the AD suite: it terminates TLS with the DC's own
// certificate (issued for 127.0.0.1 by the suite's CA, so the portal's verification is unchanged), reads
// the LDAP messages (RFC 4511 4.1.1: a BER SEQUENCE of messageID and protocolOp) and, once armed, faults
// the next ModifyRequest ([APPLICATION 6], 0x66):
// - `holdAnswer`: forwards it and never returns its ModifyResponse (0x67): the DC applied it, the answer is lost;
// - `dropAfterWrite`: forwards it and closes the client's connection when the DC answers;
// - `swallowWrite`: never forwards it (the DC never sees the write) and keeps the connection silent.
// Everything else (binds, searches, later connections) passes through unchanged.
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import type { DomainController } from '../../../scripts/ad/demo-domain';

export type LdapWriteFault = 'holdAnswer' | 'dropAfterWrite' | 'swallowWrite';

const modifyRequest = 0x66;
const modifyResponse = 0x67;

type LdapMessage = { bytes: Buffer; messageId: number; operation: number };

/** Splits a byte stream into whole LDAP messages; keeps the incomplete tail for the next chunk. */
function messageReader(onMessage: (message: LdapMessage) => void): (chunk: Buffer) => void {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (pending.length < 2) return;
      const first = pending[1] ?? 0;
      const lengthBytes = first & 0x80 ? first & 0x7f : 0;
      if (pending.length < 2 + lengthBytes) return;
      const length = lengthBytes === 0 ? first : pending.subarray(2, 2 + lengthBytes).readUIntBE(0, lengthBytes);
      const total = 2 + lengthBytes + length;
      if (pending.length < total) return;
      const bytes = pending.subarray(0, total);
      pending = pending.subarray(total);
      // messageID: INTEGER (0x02, short length), then the protocolOp's tag.
      const idAt = 2 + lengthBytes;
      const idLength = bytes[idAt + 1] ?? 0;
      const messageId = bytes.subarray(idAt + 2, idAt + 2 + idLength).readUIntBE(0, idLength);
      onMessage({ bytes, messageId, operation: bytes[idAt + 2 + idLength] ?? 0 });
    }
  };
}

export type LdapsFaultProxy = {
  url: string;
  /** The next ModifyRequest through the proxy gets this fault (once). */
  arm(fault: LdapWriteFault): void;
  /** Faults applied so far. */
  applied: LdapWriteFault[];
  close(): Promise<void>;
};

export async function startLdapsFaultProxy(dc: DomainController): Promise<LdapsFaultProxy> {
  const tlsDir = path.dirname(dc.caFile);
  const upstream = new URL(dc.url);
  const ca = fs.readFileSync(dc.caFile, 'utf8');
  let armed: LdapWriteFault | null = null;
  const applied: LdapWriteFault[] = [];
  const sockets = new Set<tls.TLSSocket>();
  const server = tls.createServer(
    { key: fs.readFileSync(path.join(tlsDir, 'key.pem')), cert: fs.readFileSync(path.join(tlsDir, 'cert.pem')) },
    (client) => {
      const dcSocket = tls.connect({ host: upstream.hostname, port: Number(upstream.port || 636), ca });
      sockets.add(client).add(dcSocket);
      const faulted = new Map<number, LdapWriteFault>();
      let isSilent = false;
      client.on(
        'data',
        messageReader((message) => {
          if (isSilent) return;
          if (message.operation === modifyRequest && armed) {
            const fault = armed;
            armed = null;
            applied.push(fault);
            if (fault === 'swallowWrite') {
              isSilent = true;
              return;
            }
            faulted.set(message.messageId, fault);
          }
          dcSocket.write(message.bytes);
        }),
      );
      dcSocket.on(
        'data',
        messageReader((message) => {
          const fault = message.operation === modifyResponse ? faulted.get(message.messageId) : undefined;
          if (fault === 'dropAfterWrite') client.destroy();
          else if (fault === 'holdAnswer') isSilent = true;
          else if (!isSilent) client.write(message.bytes);
        }),
      );
      const end = () => {
        client.destroy();
        dcSocket.destroy();
        sockets.delete(client);
        sockets.delete(dcSocket);
      };
      client.on('close', end).on('error', end);
      dcSocket.on('close', end).on('error', end);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ldaps://127.0.0.1:${port}`,
    arm(fault) {
      armed = fault;
    },
    applied,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
