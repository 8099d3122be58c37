/// <reference types="node" />
// Captures the answer a handler writes (status, headers, body) instead of sending it, so a fault
// can let the request be carried out and then replace, break or drop what the client receives.
// Every handler answers through http-util's send(), i.e. one writeHead() and one end().
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

export interface CapturedAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

type Writable = { writeHead?: unknown; end?: unknown };

function asHeaders(h: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (h && typeof h === 'object' && !Array.isArray(h)) {
    for (const [k, v] of Object.entries(h as OutgoingHttpHeaders)) if (v !== undefined) out[k] = Array.isArray(v) ? v.map(String) : String(v);
  }
  return out;
}

/**
 * The next answer written to `res` goes to `onAnswer` instead of the client. The response's own
 * writeHead/end are restored before `onAnswer` runs, so it can write (or not write) anything.
 */
export function interceptAnswer(res: ServerResponse, onAnswer: (answer: CapturedAnswer) => void): void {
  const own = res as unknown as Writable;
  let status = 200;
  let headers: Record<string, string | string[]> = {};
  own.writeHead = (s: number, h?: unknown) => {
    status = s;
    headers = asHeaders(h);
    return res;
  };
  own.end = (chunk?: unknown) => {
    delete own.writeHead;
    delete own.end;
    const body = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.alloc(0);
    onAnswer({ status, headers, body });
    return res;
  };
}
