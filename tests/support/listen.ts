import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Starts a test server on `port` (0 = any free port) and says where it answers. Shared by the
 * portal imitation and the ServiceNow stand-in.
 */
export async function listen(server: Server, port: number, host: string, secure: boolean): Promise<{ port: number; url: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return { port: bound, url: `${secure ? 'https' : 'http'}://${urlHost}:${bound}` };
}
