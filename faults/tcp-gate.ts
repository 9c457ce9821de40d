// A TCP pass-through in front of Redis or PostgreSQL that the test can close: "refusing connections" means
// every open connection is cut and new ones are reset at once, like a stopped server; `open()` restores it.
import net from 'node:net';

export type TcpGate = { port: number; refuse(): void; open(): void; close(): Promise<void> };

export async function startTcpGate(target: { host: string; port: number }): Promise<TcpGate> {
  let isRefusing = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (isRefusing) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    refuse: () => {
      isRefusing = true;
      for (const socket of sockets) socket.destroy();
    },
    open: () => {
      isRefusing = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
