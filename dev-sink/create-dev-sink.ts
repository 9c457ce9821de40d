// The development sink: an SMTP server that keeps every message (nodemailer in the portal delivers to it
// for real) and an HTTP API that stands in for an SMS gateway and lets tests read what was sent.
// Why hand-written HTTP: four tiny routes; a framework would add more than it saves.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { z } from 'zod';
import { createDevSinkStore, keepNewest, samePhoneNumber, type DevSinkStore } from './dev-sink-store';
import { inboxPage } from './inbox-page';

export type DevSink = { store: DevSinkStore; smtpPort: number; httpPort: number; close: () => Promise<void> };

const smsSchema = z.object({ to: z.string().min(3).max(40), body: z.string().min(1).max(1600) });

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((entry) => entry.value.map((a) => (a.address ?? '').toLowerCase())).filter(Boolean);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendHtml(res: http.ServerResponse, html: string): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // Nothing but the page's own inline style: no script, no remote content, even from a message.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'",
  });
  res.end(html);
}

async function readBody(req: http.IncomingMessage, limit = 64 * 1024): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    // Without setEncoding a request yields Buffers; a string chunk is turned into one rather than trusted.
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > limit) throw new Error('body too large');
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleHttp(store: DevSinkStore, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const to = url.searchParams.get('to');
  // People get a small HTML inbox; tests and scripts ask for `?format=json`.
  const isJson = url.searchParams.get('format') === 'json';
  if (url.pathname === '/messages' && req.method === 'GET') {
    const emails = to ? store.emails.filter((m) => m.to.includes(to.toLowerCase())) : store.emails;
    return isJson ? sendJson(res, 200, emails) : sendHtml(res, inboxPage({ kind: 'messages', items: emails }, to));
  }
  if (url.pathname === '/messages' && req.method === 'DELETE') {
    store.emails.length = 0;
    return sendJson(res, 200, { cleared: true });
  }
  if (url.pathname === '/sms' && req.method === 'GET') {
    const sms = to ? store.sms.filter((m) => samePhoneNumber(m.to, to)) : store.sms;
    return isJson ? sendJson(res, 200, sms) : sendHtml(res, inboxPage({ kind: 'sms', items: sms }, to));
  }
  if (url.pathname === '/sms' && req.method === 'DELETE') {
    store.sms.length = 0;
    return sendJson(res, 200, { cleared: true });
  }
  if (url.pathname === '/sms' && req.method === 'POST') {
    let parsed;
    try {
      parsed = smsSchema.safeParse(JSON.parse(await readBody(req)));
    } catch {
      return sendJson(res, 400, { error: 'invalid_request', message: 'Body must be JSON { to, body }.' });
    }
    if (!parsed.success)
      return sendJson(res, 400, { error: 'invalid_request', message: 'Body must be JSON { to, body }.' });
    const sms = { id: randomUUID(), ...parsed.data, receivedAt: new Date().toISOString() };
    keepNewest(store.sms, sms);
    return sendJson(res, 201, { id: sms.id });
  }
  if (url.pathname === '/' && req.method === 'GET')
    return sendJson(res, 200, { emails: store.emails.length, sms: store.sms.length });
  return sendJson(res, 404, { error: 'not_found' });
}

export async function startDevSink(options: { smtpPort: number; httpPort: number; host?: string }): Promise<DevSink> {
  const host = options.host ?? '127.0.0.1';
  const store = createDevSinkStore();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: 5 * 1024 * 1024,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          keepNewest(store.emails, {
            id: randomUUID(),
            from: addresses(mail.from)[0] ?? '',
            to: addresses(mail.to),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  const web = http.createServer((req, res) => {
    handleHttp(store, req, res).catch(() => sendJson(res, 400, { error: 'invalid_request' }));
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, host, () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    web.once('error', reject);
    web.listen(options.httpPort, host, () => resolve());
  });
  const smtpAddress = smtp.server.address();
  const httpAddress = web.address();
  return {
    store,
    smtpPort: typeof smtpAddress === 'object' && smtpAddress ? smtpAddress.port : options.smtpPort,
    httpPort: typeof httpAddress === 'object' && httpAddress ? httpAddress.port : options.httpPort,
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => web.close(() => resolve()));
    },
  };
}
