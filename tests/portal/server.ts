// Serves the built imitation portal: /assets/* as static files, index.html for every other path
// (SPA fallback). Plain HTTP, or HTTPS when `tls` is given (the browser maps
// security.microsoft.com to this server in end-to-end tests).
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { listen } from '../support/listen';
import { buildPortal } from './build';

export interface PortalOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PEM key and certificate; plain http when absent. */
  tls?: { key: string; cert: string };
}

export interface PortalServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res: ServerResponse, req: IncomingMessage, status: number, headers: Record<string, string>, body: Buffer | string): void {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { 'Content-Length': String(buf.length), 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(req.method === 'HEAD' ? undefined : buf);
}

function handler(distDir: string) {
  const assetsDir = join(distDir, 'assets');
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, req, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method Not Allowed');
        return;
      }
      const pathname = new URL(req.url ?? '/', 'http://portal.invalid').pathname;
      if (pathname.startsWith('/assets/')) {
        let rel: string;
        try {
          rel = decodeURIComponent(pathname.slice('/assets/'.length));
        } catch {
          rel = '';
        }
        const file = normalize(join(assetsDir, rel));
        if (!rel || rel.includes('\0') || !file.startsWith(assetsDir + sep)) {
          send(res, req, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not Found');
          return;
        }
        const body = await readFile(file).catch(() => undefined);
        if (!body) {
          send(res, req, 404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, 'Not Found');
          return;
        }
        send(
          res,
          req,
          200,
          {
            'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
            // File names carry a content hash.
            'Cache-Control': 'public, max-age=31536000, immutable',
          },
          body,
        );
        return;
      }
      if (pathname === '/favicon.ico') {
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        res.end();
        return;
      }
      // SPA fallback: every other path is the app; never cached, so a rebuild is picked up at once.
      const html = await readFile(join(distDir, 'index.html'));
      send(res, req, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache, no-store, must-revalidate' }, html);
    } catch (err) {
      if (!res.headersSent) send(res, req, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, `Internal Server Error: ${String(err)}`);
      else res.destroy();
    }
  };
}

/** Builds the portal (cached) and serves it. */
export async function startPortal(opts: PortalOptions = {}): Promise<PortalServer> {
  const distDir = await buildPortal();
  const host = opts.host ?? '127.0.0.1';
  const onRequest = handler(distDir);
  const listener = (req: IncomingMessage, res: ServerResponse) => void onRequest(req, res);
  const server: Server = opts.tls ? createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert }, listener) : createHttpServer(listener);
  const { port, url } = await listen(server, opts.port ?? 0, host, Boolean(opts.tls));
  let closing: Promise<void> | undefined;
  return {
    port,
    url,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
