/// <reference types="node" />
// The request log: one entry per request (admin routes excluded), written when the request
// arrives and completed when it ends, with the connection it came on — so a test can tell a
// browser's own resend (same POST again, new connection) from a retry by the product.
import type { Socket } from 'node:net';
import { mediaType, readBody, type Ctx } from './http-util.ts';
import type { LogEntry } from './state.ts';

/** Parameters whose values must never reach the request log. */
const SECRET_PARAM = /token|secret|password|verifier|^code$|assertion/i;
const MAX_LOGGED_VALUE = 200;

export interface Connection {
  id: number;
  requests: number;
}

/** Numbers the connections of one server. */
export class ConnectionCounter {
  private next = 1;
  private readonly ids = new WeakMap<Socket, Connection>();

  /** The connection of this socket, counting one more request on it. */
  request(socket: Socket): Connection {
    let c = this.ids.get(socket);
    if (!c) {
      c = { id: this.next++, requests: 0 };
      this.ids.set(socket, c);
    }
    c.requests++;
    return c;
  }
}

/** Adds the request to the log now; status, grant_type and done_at follow when it ends. */
export function startLog(ctx: Ctx, connection: Connection): LogEntry {
  const { req, res, state } = ctx;
  const query: Record<string, string> = {};
  for (const [k, v] of ctx.url.searchParams) query[k] = SECRET_PARAM.test(k) ? '[redacted]' : v;
  const entry: LogEntry = {
    t: new Date(state.now()).toISOString(),
    method: req.method ?? '',
    path: ctx.path,
    query,
    status: 0,
    host: ctx.host,
    connection: connection.id,
    connection_request: connection.requests,
  };
  state.log.push(entry);
  ctx.logEntry = entry;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    entry.status = res.headersSent ? res.statusCode : 0;
    if (ctx.logExtra.grant_type) entry.grant_type = ctx.logExtra.grant_type;
    entry.done_at = new Date(state.now()).toISOString();
  };
  res.once('finish', finish);
  res.once('close', finish);
  return entry;
}

/**
 * Reads a JSON API request body before any fault applies, so even a request that is dropped or
 * faulted shows which ticket it tried to create. Only /api/ bodies (the OAuth forms hold secrets).
 */
export async function logRequestBody(ctx: Ctx, entry: LogEntry): Promise<void> {
  if (!['POST', 'PUT', 'PATCH'].includes(ctx.method) || !ctx.path.startsWith('/api/') || mediaType(ctx.req) !== 'application/json') return;
  let value: unknown;
  try {
    value = JSON.parse(await readBody(ctx.req));
  } catch {
    return; // the handler answers the malformed body
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  const body = value as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '').slice(0, MAX_LOGGED_VALUE);
  if (Object.hasOwn(body, 'correlation_id')) entry.correlation_id = text(body.correlation_id);
  const logged: Record<string, string> = {};
  for (const f of ctx.state.settings.logBodyFields) if (Object.hasOwn(body, f)) logged[f] = text(body[f]);
  if (Object.keys(logged).length > 0) entry.body = logged;
}
