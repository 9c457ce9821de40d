// A small fault proxy (node:http/https) in front of one upstream (the mock's Graph, the SMS gateway). By
// default it forwards; a rule chosen by the test, per request, can delay it, answer 503, hold it before it
// reaches the upstream (a write that never lands), or forward it and hold the answer (a write that landed but
// whose answer is lost). A held request whose client has gone (its process was killed) is dropped on release,
// never sent on behalf of a dead process.
import http from 'node:http';
import https from 'node:https';

export type FaultRule =
  | { kind: 'delay'; ms: number }
  | { kind: 'status503' }
  | { kind: 'holdBeforeUpstream' }
  | { kind: 'holdAfterUpstream' };

type Matcher = (request: { method: string; path: string; body: string }) => boolean;
type Held = { release: () => void; stage: 'before' | 'after' };

export type FaultProxy = {
  port: number;
  /** Applies `rule` to each request `matches` accepts, until cleared. */
  inject(matches: Matcher, rule: FaultRule): void;
  clear(): void;
  /** Resolves once `count` requests are held. */
  held(count: number): Promise<void>;
  heldCount(): number;
  releaseAll(): void;
  close(): Promise<void>;
};

export async function startFaultProxy(options: {
  upstream: string;
  tls?: { cert: string; key: string; ca: string };
}): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  const rules: { matches: Matcher; rule: FaultRule }[] = [];
  const holding: Held[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const notify = () => {
    for (const waiter of [...waiters])
      if (holding.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
  };
  const hold = (stage: Held['stage']) =>
    new Promise<void>((resolve) => {
      holding.push({ release: resolve, stage });
      notify();
    });

  const forward = (req: http.IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const client = upstream.protocol === 'https:' ? https : http;
      const outgoing = client.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
          ...(options.tls ? { ca: options.tls.ca } : {}),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    const body = Buffer.concat(chunks);
    let isClientGone = false;
    res.on('close', () => {
      if (!res.writableFinished) isClientGone = true;
    });
    const rule = rules.find((r) =>
      r.matches({ method: req.method ?? 'GET', path: req.url ?? '/', body: `${body}` }),
    )?.rule;
    if (rule?.kind === 'status503') {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'serviceNotAvailable', message: 'fault proxy' } }));
      return;
    }
    if (rule?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, rule.ms));
    if (rule?.kind === 'holdBeforeUpstream') {
      await hold('before');
      if (isClientGone) return;
    }
    const answer = await forward(req, body);
    if (rule?.kind === 'holdAfterUpstream') await hold('after');
    if (isClientGone || res.destroyed) return;
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
  };
  const server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    inject: (matches, rule) => void rules.push({ matches, rule }),
    clear: () => void rules.splice(0),
    held: (count) =>
      new Promise<void>((resolve) => {
        waiters.push({ count, resolve });
        notify();
      }),
    heldCount: () => holding.length,
    releaseAll: () => {
      for (const entry of holding.splice(0)) entry.release();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const entry of holding.splice(0)) entry.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
