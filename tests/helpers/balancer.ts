import net from 'node:net';

export type Balancer = { port: number; httpUrl: string; wsUrl: string; setBackends: (ports: number[]) => void; close: () => Promise<void> };

/**
 * The load balancer of the shared-mode tests: a TCP proxy that hands each new connection to the
 * next backend in turn, skipping one that refuses, as an ordinary balancer with health checks would.
 */
export async function startBalancer(backends: number[]): Promise<Balancer> {
  let ports = [...backends];
  let next = 0;
  const sockets = new Set<net.Socket>();
  const connectTo = (client: net.Socket, attempt: number) => {
    if (ports.length === 0 || attempt >= ports.length) return client.destroy();
    const port = ports[next++ % ports.length]!;
    const upstream = net.connect(port, '127.0.0.1');
    upstream.once('connect', () => {
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.once('error', () => {
      if (!upstream.readyState.includes('open') && client.readable) connectTo(client, attempt + 1);
    });
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
  };
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    connectTo(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    setBackends: (list) => (ports = [...list]),
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
