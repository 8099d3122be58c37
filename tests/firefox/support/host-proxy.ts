import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { listen } from '../../support/listen';

// Firefox has no --host-resolver-rules. This loopback HTTP CONNECT proxy plays that part: a
// tunnel to one of the test hosts (security.microsoft.com:443, contoso.service-now.com:443) goes
// to the local server for it, with the real host name kept for TLS and the Host header; every
// other host and every plain-HTTP request is refused, so nothing leaves the machine.

export interface HostProxy {
  port: number;
  /** Hosts asked for and refused, for a clear failure message when a test needs one more. */
  refused: string[];
  close(): Promise<void>;
}

/** `routes` maps "host:port" (as Firefox sends it in CONNECT) to a local port. */
export async function startHostProxy(routes: Record<string, number>): Promise<HostProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain' }).end('Only CONNECT to the test hosts is allowed.\n');
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const target = routes[(req.url ?? '').toLowerCase()];
    if (target === undefined) {
      refused.push(`CONNECT ${req.url}`);
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(target, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.once('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
  });
  const { port } = await listen(server, 0, '127.0.0.1', false);
  return {
    port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
