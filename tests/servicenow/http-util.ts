/// <reference types="node" />
// Small HTTP helpers on top of node:http so the handlers stay free of plumbing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogEntry, StandInState } from './state.ts';

/** Everything a handler needs to know about one request. */
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  method: string;
  path: string;
  /** Host without port, lower case (chooses the instance). */
  host: string;
  /** scheme://Host as the client sent it: the base of Link headers and reference links. */
  origin: string;
  secure: boolean;
  state: StandInState;
  /** Extra, non-secret facts for the request log. */
  logExtra: { grant_type?: string };
  /** This request's entry in the request log (filled in while the request is handled). */
  logEntry?: LogEntry;
}

const MAX_BODY = 5 * 1024 * 1024;

export class BodyTooLarge extends Error {}

/** One read per request: the server reads bodies early (for the request log), handlers read them again. */
const bodies = new WeakMap<IncomingMessage, Promise<string>>();

export function readBody(req: IncomingMessage): Promise<string> {
  let body = bodies.get(req);
  if (!body) {
    body = readStream(req);
    body.catch(() => undefined); // the handler that awaits it reports the error
    bodies.set(req, body);
  }
  return body;
}

function readStream(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BodyTooLarge('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Media type of the request without parameters, lower case ('' when absent). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { Server: 'ServiceNow', 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

/** Writes an answer exactly as given (Content-Length computed), bypassing the helpers' checks. */
export function sendRaw(res: ServerResponse, status: number, headers: Record<string, string | string[]>, body: Buffer | string): void {
  if (res.destroyed) return;
  const clean: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== 'content-length') clean[k] = v;
  res.writeHead(status, { ...clean, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string | string[]> = {}): void {
  send(res, status, JSON.stringify(value), { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-cache,no-store,must-revalidate,max-age=-1', ...headers });
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string | string[]> = {}): void {
  send(res, status, html, {
    'Content-Type': 'text/html;charset=UTF-8',
    'Cache-Control': 'no-store',
    // No scripts anywhere; framing refused like ServiceNow's login pages.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
    ...headers,
  });
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  send(res, 302, '', { Location: location, 'Cache-Control': 'no-store', ...headers });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

/** Parses an application/x-www-form-urlencoded body; repeated keys keep the first value. */
export function parseForm(body: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(body)) if (!out.has(k)) out.set(k, v);
  return out;
}
