/// <reference types="node" />
// Test helpers: raw HTTP(S) requests with a chosen Host header (fetch cannot set Host), a tiny
// browser with a cookie jar and manual redirects, PKCE, and the full OAuth dance.
import { createHash, randomBytes } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { EXTENSION_REDIRECT_URL, INSTANCE_HOST, SEED_PASSWORD, type SeedClient } from './seed.ts';
import type { ServiceNowStandIn } from './server.ts';

export interface Target {
  port: number;
  secure?: boolean;
  /** CA (the self-signed certificate) to verify TLS against. */
  ca?: string;
}

export interface Res {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): any;
}

export interface CallOptions {
  host?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Abort after this many ms (for hang faults). */
  timeoutMs?: number;
  /** A keep-alive agent to reuse connections (default: a new connection per call). */
  agent?: http.Agent;
}

export function target(s: ServiceNowStandIn, extra: Partial<Target> = {}): Target {
  return { port: s.port, secure: s.url.startsWith('https:'), ...extra };
}

export function call(t: Target, method: string, path: string, opts: CallOptions = {}): Promise<Res> {
  const host = opts.host ?? INSTANCE_HOST;
  const headers: Record<string, string> = { host, ...opts.headers };
  if (opts.body !== undefined) headers['content-length'] = String(Buffer.byteLength(opts.body));
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port: t.port, method, path, headers, agent: opts.agent ?? (false as const) };
    const req = t.secure
      ? https.request({ ...options, servername: host, ca: t.ca, rejectUnauthorized: t.ca !== undefined })
      : http.request(options);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (opts.timeoutMs) req.setTimeout(opts.timeoutMs, () => req.destroy(new Error('client timeout')));
    req.end(opts.body);
  });
}

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export function formHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/x-www-form-urlencoded', ...extra };
}

/** A browser tab: keeps cookies per host, follows nothing by itself (redirect: 'manual'). */
export class Browser {
  cookies = new Map<string, string>();
  constructor(readonly t: Target, readonly host = INSTANCE_HOST) {}

  private remember(res: Res): Res {
    const set = res.headers['set-cookie'] ?? [];
    for (const c of set) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i), value = pair!.slice(i + 1);
      if (/max-age=0/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  async get(path: string): Promise<Res> {
    return this.remember(await call(this.t, 'GET', path, { host: this.host, headers: this.cookieHeader() }));
  }

  async post(path: string, fields: Record<string, string>): Promise<Res> {
    return this.remember(await call(this.t, 'POST', path, { host: this.host, headers: { ...formHeaders(), ...this.cookieHeader() }, body: form(fields) }));
  }
}

export function hidden(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no hidden field ${name} in page`);
  return m[1]!;
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizePath(client: SeedClient, p: { redirectUri?: string | null; state?: string | null; challenge?: string | null; method?: string | null } = {}): string {
  const q = new URLSearchParams({ response_type: 'code', client_id: client.client_id });
  const redirect = p.redirectUri === undefined ? EXTENSION_REDIRECT_URL : p.redirectUri;
  if (redirect !== null) q.set('redirect_uri', redirect);
  const state = p.state === undefined ? 'st-' + randomBytes(6).toString('hex') : p.state;
  if (state !== null) q.set('state', state);
  if (p.challenge !== null && p.challenge !== undefined) q.set('code_challenge', p.challenge);
  const method = p.method === undefined ? (p.challenge ? 'S256' : null) : p.method;
  if (method !== null) q.set('code_challenge_method', method);
  return `/oauth_auth.do?${q.toString()}`;
}

/**
 * Runs authorize → (login) → consent → Allow in `browser`; returns the final redirect URL.
 * Logs in with `userName` only when the server shows the login form.
 */
export async function authorize(browser: Browser, path: string, userName = 'jane.admin', password = SEED_PASSWORD): Promise<URL> {
  let page = await browser.get(path);
  if (page.status !== 200) throw new Error(`authorize answered ${page.status}`);
  if (page.text.includes('name="user_password"')) {
    const login = await browser.post('/login.do', { sysparm_request: hidden(page.text, 'sysparm_request'), user_name: userName, user_password: password });
    if (login.status !== 302) throw new Error(`login failed: ${/role="alert">([^<]*)/.exec(login.text)?.[1] ?? login.status}`);
    page = await browser.get(login.headers.location!);
  }
  if (!page.text.includes('would like to connect to your account')) throw new Error(`no consent page: ${page.text.slice(0, 300)}`);
  const allow = await browser.post('/oauth_auth.do', { sysparm_request: hidden(page.text, 'sysparm_request'), action: 'allow' });
  if (allow.status !== 302) throw new Error(`allow answered ${allow.status}`);
  return new URL(allow.headers.location!);
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  scope: string;
  token_type: string;
  expires_in: number;
}

export async function tokenRequest(t: Target, fields: Record<string, string>, headers: Record<string, string> = {}, host = INSTANCE_HOST): Promise<Res> {
  return call(t, 'POST', '/oauth_token.do', { host, headers: formHeaders(headers), body: form(fields) });
}

/** Full flow with the public client and PKCE; returns the tokens of `userName`. */
export async function connect(t: Target, client: SeedClient, userName = 'jane.admin', host = INSTANCE_HOST): Promise<Tokens> {
  const { verifier, challenge } = pkce();
  const browser = new Browser(t, host);
  const redirect = await authorize(browser, authorizePath(client, { challenge }), userName);
  const fields: Record<string, string> = { grant_type: 'authorization_code', code: redirect.searchParams.get('code') ?? '', redirect_uri: EXTENSION_REDIRECT_URL, client_id: client.client_id, code_verifier: verifier };
  if (client.client_secret) fields.client_secret = client.client_secret;
  const res = await tokenRequest(t, fields, {}, host);
  if (res.status !== 200) throw new Error(`token exchange answered ${res.status} ${res.text}`);
  return res.json() as Tokens;
}

/** JSON API call with a Bearer token (`extra`: e.g. a keep-alive agent or a client timeout). */
export function api(t: Target, method: string, path: string, token: string | null, body?: unknown, host = INSTANCE_HOST, extra: Pick<CallOptions, 'agent' | 'timeoutMs'> = {}): Promise<Res> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return call(t, method, path, { host, headers, body: body === undefined ? undefined : JSON.stringify(body), ...extra });
}

/** Raw bytes of one answer on a fresh connection, until the server closes it (or `timeoutMs`). */
export function rawExchange(t: Target, method: string, path: string, opts: { token?: string; body?: unknown; host?: string; timeoutMs?: number } = {}): Promise<{ bytes: Buffer; closedBy: 'server' | 'timeout' }> {
  const body = opts.body === undefined ? '' : JSON.stringify(opts.body);
  const lines = [
    `${method} ${path} HTTP/1.1`,
    `Host: ${opts.host ?? INSTANCE_HOST}`,
    'Accept: application/json',
    ...(opts.token ? [`Authorization: Bearer ${opts.token}`] : []),
    ...(body ? ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`] : []),
    'Connection: close',
  ];
  return new Promise((resolve, reject) => {
    if (t.secure) return reject(new Error('rawExchange speaks plain http only'));
    const chunks: Buffer[] = [];
    const socket = net.connect(t.port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`));
    const timer = opts.timeoutMs ? setTimeout(() => { socket.destroy(); resolve({ bytes: Buffer.concat(chunks), closedBy: 'timeout' }); }, opts.timeoutMs) : undefined;
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => { clearTimeout(timer); resolve({ bytes: Buffer.concat(chunks), closedBy: 'server' }); });
    socket.on('error', () => undefined); // a reset shows as close
  });
}

/** Admin call (JSON in/out). */
export async function admin(t: Target, method: string, path: string, body?: unknown): Promise<Res> {
  return call(t, method, `/__admin/${path}`, { headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}
