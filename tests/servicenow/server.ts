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
import { applyFault, type FaultEnv } from './faults.ts';
import { BodyTooLarge, sendHtml, sendJson, type Ctx } from './http-util.ts';
import { authenticateBearer, handleRevoke, handleToken } from './oauth.ts';
import { errorPage, hibernatingPage, homePage, instanceUnavailablePage } from './pages.ts';
import { ConnectionCounter, logRequestBody, startLog, type Connection } from './request-log.ts';
import { StandInState, type SettingsInput } from './state.ts';
import { handleTableApi } from './table-api.ts';

export { DEFAULT_SETTINGS, StandInState } from './state.ts';
export type { FaultInput, FaultKind, LogEntry, Row, ScheduleInput, SettingsInput, StandInSettings } from './state.ts';

export interface StandInOptions {
  /** 0 = any free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PEM key and certificate; when absent the server speaks plain http. */
  tls?: { key: string; cert: string };
  /** Initial switches, also restored by reset() (default: service accounts cannot log in to the UI; 403 on ACL-refused reads). */
  settings?: SettingsInput;
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

function hostOf(hostHeader: string): string {
  let h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) h = h.slice(1, h.indexOf(']'));
  else h = h.replace(/:\d+$/, '');
  return h.replace(/\.$/, '');
}

async function dispatch(ctx: Ctx, connection: Connection, env: FaultEnv): Promise<void> {
  const { state, res, path, method } = ctx;
  if (path === '/__admin' || path.startsWith('/__admin/')) return handleAdmin(ctx);

  const entry = startLog(ctx, connection);
  if (!state.isInstanceHost(ctx.host) && !LOOPBACK.has(ctx.host)) return sendHtml(res, 200, instanceUnavailablePage(ctx.host));
  if (state.hibernating) return sendHtml(res, 200, hibernatingPage());
  await logRequestBody(ctx, entry);

  const fault = state.takeFault(method, path);
  if (!fault) return route(ctx);
  entry.fault = fault.label;
  return applyFault(ctx, fault, env, () => route(ctx));
}

async function route(ctx: Ctx): Promise<void> {
  const { state, res, path, method } = ctx;
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
  const env: FaultEnv = { hung: new Set<ServerResponse>(), timers: new Set() };
  const connections = new ConnectionCounter();
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
    dispatch(ctx, connections.request(req.socket), env).catch((e: unknown) => {
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
        for (const timer of env.timers) clearTimeout(timer);
        env.timers.clear();
        for (const r of env.hung) r.destroy();
        env.hung.clear();
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
