// Serves the built imitation portal: /assets/* as static files, index.html for every other path
// (SPA fallback). Plain HTTP, or HTTPS when `tls` is given (the browser maps
// security.microsoft.com to this server in end-to-end tests). Switch defaults for fresh tabs
// (`switches`, `setSwitchDefaults`, env PORTAL_MARKUP) go into index.html as
// <meta name="portal-switch-defaults" content="markup=bare">; a tab's stored switches and its
// query string still win.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { listen } from '../support/listen';
import { buildPortal } from './build';
import { MARKUPS, parseMarkup, type Markup } from './src/markup';

/** Switch values as the query string takes them (`{ markup: 'bare', lang: 'de' }`). */
export type SwitchDefaults = Partial<Record<'lang' | 'rerender' | 'slow' | 'churn' | 'sharebutton' | 'markup', string>>;

export interface PortalOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PEM key and certificate; plain http when absent. */
  tls?: { key: string; cert: string };
  /** Switches of every fresh tab; default: `{ markup: process.env.PORTAL_MARKUP }` when that is set. */
  switches?: SwitchDefaults;
}

export interface PortalServer {
  port: number;
  url: string;
  /** Replaces the switch defaults for tabs opened from now on ({} = none, markup=default). */
  setSwitchDefaults(defaults: SwitchDefaults): void;
  readonly switchDefaults: SwitchDefaults;
  close(): Promise<void>;
}

/**
 * The markup of env PORTAL_MARKUP (one of default, bare, alt), undefined when unset; anything else
 * is an error, so a typo never silently tests the default markup.
 */
export function markupFromEnv(env: NodeJS.ProcessEnv = process.env): Markup | undefined {
  const raw = env.PORTAL_MARKUP?.trim();
  if (!raw) return undefined;
  const markup = parseMarkup(raw);
  if (!markup) throw new Error(`PORTAL_MARKUP=${raw} is not a portal markup; use one of ${MARKUPS.join(', ')}`);
  return markup;
}

/** index.html with the switch defaults as a meta element (unchanged when there are none). */
export function withSwitchDefaults(html: string, defaults: SwitchDefaults): string {
  const query = new URLSearchParams(Object.entries(defaults).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  if (!query) return html;
  const escaped = query.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return html.replace(/<head>/i, `<head>\n    <meta name="portal-switch-defaults" content="${escaped}" />`);
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

function handler(distDir: string, switchDefaults: () => SwitchDefaults) {
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
      const html = withSwitchDefaults(await readFile(join(distDir, 'index.html'), 'utf8'), switchDefaults());
      send(res, req, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache, no-store, must-revalidate' }, html);
    } catch (err) {
      if (!res.headersSent) send(res, req, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, `Internal Server Error: ${String(err)}`);
      else res.destroy();
    }
  };
}

/** Builds the portal (cached) and serves it. */
export async function startPortal(opts: PortalOptions = {}): Promise<PortalServer> {
  const envMarkup = markupFromEnv();
  let defaults: SwitchDefaults = opts.switches ?? (envMarkup ? { markup: envMarkup } : {});
  const distDir = await buildPortal();
  const host = opts.host ?? '127.0.0.1';
  const onRequest = handler(distDir, () => defaults);
  const listener = (req: IncomingMessage, res: ServerResponse) => void onRequest(req, res);
  const server: Server = opts.tls ? createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert }, listener) : createHttpServer(listener);
  const { port, url } = await listen(server, opts.port ?? 0, host, Boolean(opts.tls));
  let closing: Promise<void> | undefined;
  return {
    port,
    url,
    setSwitchDefaults(next) {
      defaults = { ...next };
    },
    get switchDefaults() {
      return { ...defaults };
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
