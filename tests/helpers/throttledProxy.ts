import net from 'node:net';

export type ThrottledProxy = { port: number; wsUrl: string; close: () => Promise<void> };

/**
 * A TCP proxy in front of the server whose server-to-client direction carries at most
 * `bytesPerSecond`, like a phone on weak Wi-Fi. It reads from the server only as fast as it
 * forwards, so the server's socket backs up as it would on a slow link.
 */
export async function startThrottledProxy(targetPort: number, bytesPerSecond: number): Promise<ThrottledProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    throttle(upstream, client, bytesPerSecond);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    wsUrl: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const TICK_MS = 50;

function throttle(from: net.Socket, to: net.Socket, bytesPerSecond: number): void {
  const perTick = Math.max(1, Math.floor((bytesPerSecond * TICK_MS) / 1000));
  let queued: Buffer[] = [];
  const timer = setInterval(() => {
    let budget = perTick;
    while (budget > 0 && queued.length > 0) {
      const head = queued[0]!;
      const piece = head.subarray(0, budget);
      to.write(piece);
      budget -= piece.byteLength;
      if (piece.byteLength === head.byteLength) queued.shift();
      else queued[0] = head.subarray(piece.byteLength);
    }
    if (queued.length === 0) from.resume();
  }, TICK_MS);
  from.on('data', (chunk: Buffer) => {
    queued.push(chunk);
    from.pause();
  });
  from.on('close', () => {
    clearInterval(timer);
    queued = [];
  });
}
