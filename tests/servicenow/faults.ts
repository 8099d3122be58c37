/// <reference types="node" />
// Applies an injected fault to one request: rate limiting, server errors, HTML where JSON was
// expected, hangs, connections dropped before or after the request was carried out, a create
// finished after the client gave up, expired tokens, and the hostile answers of hostile.ts.
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { interceptAnswer, type CapturedAnswer } from './answer-intercept.ts';
import { restErrorBody } from './errors.ts';
import { processesRequest, type Fault } from './fault-book.ts';
import { emptyBody, endlessList, hugeBody, malformedJson, protoKeys, redirectElsewhere, wrongTypes } from './hostile.ts';
import { sendHtml, sendJson, type Ctx } from './http-util.ts';
import { serviceUnavailablePage, unexpectedHtmlPage } from './pages.ts';

const RATE_LIMIT_RULE = '3f6a2b1cd7a1301052f3e9c3f4e26a00';
const RATE_LIMIT_PER_HOUR = 100;
export const DEFAULT_LATE_CREATE_MS = 35_000;

/** Answers that outlive their request: closed by the stand-in's close(). */
export interface FaultEnv {
  hung: Set<ServerResponse>;
  timers: Set<NodeJS.Timeout>;
}

function faultBody(status: number): ReturnType<typeof restErrorBody> {
  if (status === 429) return restErrorBody('Too Many Requests', `Rate limit of ${RATE_LIMIT_PER_HOUR} requests per hour exceeded (rate limit rule ${RATE_LIMIT_RULE})`);
  if (status === 500) return restErrorBody('Internal server error', 'An unexpected error occurred while processing the request');
  if (status === 503) return restErrorBody('Service Unavailable', 'The instance is temporarily unavailable. Try again later.');
  return restErrorBody(STATUS_CODES[status] ?? 'Error', null);
}

function sendStatus(ctx: Ctx, fault: Fault): void {
  const status = Number(fault.status);
  const headers: Record<string, string> = {};
  if (status === 429) {
    const retryAfter = fault.retryAfter ?? 1;
    headers['Retry-After'] = String(retryAfter);
    headers['X-RateLimit-Limit'] = String(RATE_LIMIT_PER_HOUR);
    headers['X-RateLimit-Reset'] = String(Math.ceil(ctx.state.now() / 1000) + retryAfter);
    headers['X-RateLimit-Rule'] = RATE_LIMIT_RULE;
  } else if (fault.retryAfter !== undefined) {
    headers['Retry-After'] = String(fault.retryAfter);
  }
  sendJson(ctx.res, status, faultBody(status), headers);
}

function keepOpen(env: FaultEnv, res: ServerResponse): void {
  env.hung.add(res);
  res.once('close', () => env.hung.delete(res));
}

/** Writes the fault's answer; `real` is the handler's answer when the request was carried out. */
function answer(ctx: Ctx, fault: Fault, env: FaultEnv, real: CapturedAnswer | undefined): void {
  const { res } = ctx;
  const socket = ctx.req.socket;
  const status = fault.status ?? real?.status ?? 201;
  switch (fault.kind) {
    case 'status':
      return sendStatus(ctx, fault);
    case 'html': {
      const s = fault.status ?? 200;
      return sendHtml(res, s, s >= 500 ? serviceUnavailablePage() : unexpectedHtmlPage());
    }
    case 'redirect':
      return redirectElsewhere(res, fault.location ?? `https://instance-moved.example.net${ctx.path}${ctx.url.search}`);
    case 'drop-before-answer':
      // Not a single byte: on a reused keep-alive connection a browser resends the request itself.
      socket.destroy();
      return;
    case 'drop-after': {
      const body = real?.body ?? Buffer.alloc(0);
      res.writeHead(real?.status ?? 200, real?.headers ?? {});
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => socket.destroy());
      return;
    }
    case 'late-create':
      socket.destroy(); // whoever still listens gets nothing
      return;
    case 'malformed-json':
      return malformedJson(res, status, real);
    case 'empty-body':
      return emptyBody(res, status, real);
    case 'wrong-types':
      return wrongTypes(res, status, real);
    case 'proto-keys':
      return protoKeys(res, status, real);
    case 'huge-body':
      return hugeBody(res, status, real, fault.sizeBytes);
    case 'endless-list':
      keepOpen(env, res);
      return endlessList(res, real, fault.intervalMs);
    case 'hang':
    case 'drop':
    case 'expire-token':
      return; // handled in applyFault
  }
}

/** Runs `handle` (the normal routing) under `fault`. */
export async function applyFault(ctx: Ctx, fault: Fault, env: FaultEnv, handle: () => Promise<void>): Promise<void> {
  const { res, state } = ctx;
  switch (fault.kind) {
    case 'drop':
      ctx.req.socket.destroy();
      return;
    case 'hang': {
      keepOpen(env, res);
      if (fault.delayMs !== undefined) {
        const timer = setTimeout(() => {
          env.timers.delete(timer);
          ctx.req.socket.destroy();
        }, fault.delayMs);
        env.timers.add(timer);
      }
      return;
    }
    case 'expire-token':
      state.expireTokens('access');
      return handle();
    case 'late-create': {
      // The request waits (as if queued on the instance) and is carried out after the delay,
      // normally after the client gave up; its answer is then dropped.
      keepOpen(env, res);
      const generation = state.generation;
      const timer = setTimeout(() => {
        env.timers.delete(timer);
        if (state.generation !== generation) return; // reset() in between: a new test
        interceptAnswer(res, (real) => answer(ctx, fault, env, real));
        handle().catch(() => ctx.req.socket.destroy());
      }, fault.delayMs ?? DEFAULT_LATE_CREATE_MS);
      env.timers.add(timer);
      return;
    }
    default:
      if (!processesRequest(fault)) return answer(ctx, fault, env, undefined);
      interceptAnswer(res, (real) => answer(ctx, fault, env, real));
      return handle();
  }
}
