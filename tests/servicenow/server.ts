/// <reference types="node" />
// Local ServiceNow stand-in: one node:http(s) server that answers like a real instance for the
// host in the Host header (the browser maps *.service-now.com here and keeps the real name).
//
//   working host (state.instances, loopback)  → OAuth pages/endpoints, Table and Aggregate API
//   other host                                → "instance not available" HTML, never JSON
//   hibernating                               → hibernation HTML for every path
//   /__admin/…                                → test control (admin.ts), on any host
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { listen } from '../support/listen.ts';
import { handleAdmin } from './admin.ts';
import { handleStatsApi } from './aggregate-api.ts';
import { handleAuthorizeGet, handleConsent, handleLogin, handleLogout } from './authorize.ts';
import { rest } from './errors.ts';
import { applyFault } from './faults.ts';
import { BodyTooLarge, sendHtml, sendJson, type Ctx } from './http-util.ts';
import { authenticateBearer, handleRevoke, handleToken } from './oauth.ts';
import { errorPage, hibernatingPage, homePage, instanceUnavailablePage } from './pages.ts';
import { StandInState, type StandInSettings } from './state.ts';
import { handleTableApi } from './table-api.ts';

export { DEFAULT_SETTINGS, StandInState } from './state.ts';
export type { FaultInput, LogEntry, Row, StandInSettings } from './state.ts';

export interface StandInOptions {
  /** 0 = any free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PEM key and certificate; when absent the server speaks plain http. */
  tls?: { key: string; cert: string };
  /** Initial switches, also restored by reset() (default: service accounts cannot log in to the UI; 403 on ACL-refused reads). */
  settings?: Partial<StandInSettings>;
}

export interface ServiceNowStandIn {
  port: number;
  /** e.g. https://127.0.0.1:PORT (loopback hosts are served as the seeded instance). */
  url: string;
  /** Direct access for tests: same functions as the /__admin/ routes. */
  state: StandInState;
  close(): Promise<void>;
  reset(): void;
}

/** Loopback names answer as the seeded instance, so `standIn.url` works without a Host mapping. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

const TABLE_PATH = /^\/api\/now\/(?:v[12]\/)?table\/([^/]+)(?:\/([^/]+))?\/?$/;
const STATS_PATH = /^\/api\/now\/(?:v[12]\/)?stats\/([^/]+)\/?$/;

/** Parameters whose values must never reach the request log. */
const SECRET_PARAM = /token|secret|password|verifier|^code$|assertion/i;

function hostOf(hostHeader: string): string {
  let h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) h = h.slice(1, h.indexOf(']'));
  else h = h.replace(/:\d+$/, '');
  return h.replace(/\.$/, '');
}

function startLog(ctx: Ctx): void {
  const { req, res, state } = ctx;
  const query: Record<string, string> = {};
  for (const [k, v] of ctx.url.searchParams) query[k] = SECRET_PARAM.test(k) ? '[redacted]' : v;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    state.log.push({
      t: new Date(state.now()).toISOString(),
      method: req.method ?? '',
      path: ctx.path,
      query,
      status: res.headersSent ? res.statusCode : 0,
      host: ctx.host,
      ...(ctx.logExtra.grant_type ? { grant_type: ctx.logExtra.grant_type } : {}),
    });
  };
  res.once('finish', finish);
  res.once('close', finish);
  ctx.finishLog = finish;
}

async function dispatch(ctx: Ctx, hung: Set<ServerResponse>): Promise<void> {
  const { state, res, path, method } = ctx;
  if (path === '/__admin' || path.startsWith('/__admin/')) return handleAdmin(ctx);

  startLog(ctx);
  if (!state.isInstanceHost(ctx.host) && !LOOPBACK.has(ctx.host)) return sendHtml(res, 200, instanceUnavailablePage(ctx.host));
  if (state.hibernating) return sendHtml(res, 200, hibernatingPage());

  const fault = state.takeFault(method, path);
  if (fault?.kind === 'drop-after') {
    // The request is carried out, then the answer breaks off half-way (the worst case for "never
    // create a ticket twice"). Some bytes do arrive: a connection dropped before any answer makes
    // browsers resend the request by themselves, which a real server would not have processed.
    const socket = ctx.req.socket;
    const end = res.end.bind(res);
    res.end = ((chunk?: unknown) => {
      const body = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.alloc(0);
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => socket.destroy());
      void end;
      return res;
    }) as typeof res.end;
  } else if (fault) {
    applyFault(ctx, fault, hung);
    if (fault.kind === 'hang') ctx.finishLog?.();
    return;
  }

  if (path === '/' || path === '/navpage.do') return sendHtml(res, 200, homePage(ctx.host));
  if (path === '/oauth_auth.do') return method === 'POST' ? handleConsent(ctx) : handleAuthorizeGet(ctx);
  if (path === '/login.do') return handleLogin(ctx);
  if (path === '/logout.do') return handleLogout(ctx);
  if (path === '/oauth_token.do') return handleToken(ctx);
  if (path === '/oauth_revoke_token.do') return handleRevoke(ctx);
  const table = TABLE_PATH.exec(path);
  if (table) return handleTableApi(ctx, decodeURIComponent(table[1]!), table[2] === undefined ? undefined : decodeURIComponent(table[2]));
  const stats = STATS_PATH.exec(path);
  if (stats) return handleStatsApi(ctx, decodeURIComponent(stats[1]!));
  if (path.startsWith('/api/')) {
    const err = authenticateBearer(state, ctx.req.headers.authorization) ? rest.noResource() : rest.notAuthenticated();
    return sendJson(res, err.status, err.body(), err.headers);
  }
  sendHtml(res, 404, errorPage('Page not found', `The page ${path} does not exist on this instance.`));
}

export async function startServiceNow(opts: StandInOptions = {}): Promise<ServiceNowStandIn> {
  const state = new StandInState(opts.settings);
  const hung = new Set<ServerResponse>();
  const secure = opts.tls !== undefined;
  const scheme = secure ? 'https' : 'http';

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const hostHeader = req.headers.host ?? '';
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://stand-in.invalid');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const ctx: Ctx = {
      req,
      res,
      url,
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      host: hostOf(hostHeader),
      origin: `${scheme}://${hostHeader}`,
      secure,
      state,
      logExtra: {},
    };
    dispatch(ctx, hung).catch((e: unknown) => {
      if (e instanceof BodyTooLarge) sendJson(res, 413, { error: { message: 'Request entity too large', detail: null }, status: 'failure' });
      else sendJson(res, 500, { error: { message: 'Internal server error', detail: e instanceof Error ? e.message : String(e) }, status: 'failure' });
    });
  };

  const server = secure ? https.createServer({ key: opts.tls!.key, cert: opts.tls!.cert }, onRequest) : http.createServer(onRequest);
  const listenHost = opts.host ?? '127.0.0.1';
  const { port, url } = await listen(server, opts.port ?? 0, listenHost, secure);

  let closed: Promise<void> | undefined;
  return {
    port,
    url,
    state,
    reset: () => state.reset(),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const r of hung) r.destroy();
        hung.clear();
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
