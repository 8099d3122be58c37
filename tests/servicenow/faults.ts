// Injected faults: rate limiting, server errors, hanging and dropped connections, and HTML
// where JSON was expected — the failures the product's outbox and sync must survive.
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { restErrorBody } from './errors.ts';
import { sendHtml, sendJson, type Ctx } from './http-util.ts';
import { unexpectedHtmlPage } from './pages.ts';
import type { Fault } from './state.ts';

const RATE_LIMIT_RULE = '3f6a2b1cd7a1301052f3e9c3f4e26a00';
const RATE_LIMIT_PER_HOUR = 100;

function faultBody(status: number): ReturnType<typeof restErrorBody> {
  if (status === 429) return restErrorBody('Too Many Requests', `Rate limit of ${RATE_LIMIT_PER_HOUR} requests per hour exceeded (rate limit rule ${RATE_LIMIT_RULE})`);
  if (status === 500) return restErrorBody('Internal server error', 'An unexpected error occurred while processing the request');
  if (status === 503) return restErrorBody('Service Unavailable', 'The instance is temporarily unavailable. Try again later.');
  return restErrorBody(STATUS_CODES[status] ?? 'Error', null);
}

/** Answers (or deliberately does not answer) the request according to `fault`. */
export function applyFault(ctx: Ctx, fault: Fault, hung: Set<ServerResponse>): void {
  switch (fault.kind) {
    case 'hang':
      // Never answered; close() destroys the socket.
      hung.add(ctx.res);
      ctx.res.once('close', () => hung.delete(ctx.res));
      return;
    case 'drop':
      ctx.req.socket.destroy();
      return;
    case 'html':
      sendHtml(ctx.res, 200, unexpectedHtmlPage());
      return;
    case 'status': {
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
      return;
    }
  }
}
