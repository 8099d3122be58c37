import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

// What the ServiceNow stand-in handled, seen from Node's own HTTP server instrumentation
// (diagnostics_channel: request start, response finish), without touching the stand-in:
// - handling time: from the request's headers being parsed to the response being handed to the
//   socket (this process's high-resolution clock, as wall-clock time);
// - bytes on the wire: HTTP/1.1 request line + headers + body, response status line + headers +
//   body, as sent in plain text inside TLS (TLS framing left out).

export interface Exchange {
  method: string;
  path: string;
  query: string;
  status: number;
  /** Wall-clock ms, high resolution: Date.now() when recording started + performance.now() since. */
  startedAt: number;
  finishedAt: number;
  requestBytes: number;
  responseBytes: number;
  /** Of responseBytes, the body. */
  responseBodyBytes: number;
  /** Response header lines by size, largest first (name, bytes). */
  responseHeaderSizes: [string, number][];
}

export interface Traffic {
  /** Everything the stand-in answered so far (in order of the answers). */
  readonly exchanges: readonly Exchange[];
  /** Exchanges from now on: call `.take()` to get them. */
  mark(): { take(): Exchange[] };
  stop(): void;
}

const byteLength = (text: string) => Buffer.byteLength(text, 'latin1');

function requestBytes(req: IncomingMessage): number {
  let headers = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers += byteLength(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`);
  const body = Number(req.headers['content-length'] ?? 0);
  return byteLength(`${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`) + headers + 2 + (Number.isFinite(body) ? body : 0);
}

function headerSizes(head: string): [string, number][] {
  return head
    .split('\r\n')
    .slice(1)
    .filter((line) => line.includes(':'))
    .map((line): [string, number] => [line.slice(0, line.indexOf(':')), byteLength(line) + 2])
    .sort((a, b) => b[1] - a[1]);
}

function responseBytes(res: ServerResponse): { head: number; body: number; headers: [string, number][] } {
  // _header is the exact status line and header block Node wrote (internal, there since Node 0.x).
  // Headers given to writeHead() are only in there (getHeader() does not see them).
  const head = (res as unknown as { _header?: string })._header ?? '';
  const body = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
  return { head: byteLength(head), body, headers: headerSizes(head) };
}

/** Records the exchanges of requests whose Host matches `isStandIn` (e.g. *.service-now.com). */
export function recordTraffic(isStandIn: (host: string) => boolean): Traffic {
  const exchanges: Exchange[] = [];
  // Anchored to Date.now() (comparable with a page's Date.now(), within a millisecond), advanced by
  // performance.now() (sub-millisecond durations). performance.timeOrigin is not comparable
  // across processes: each derives it from its own start.
  const anchor = Date.now() - performance.now();
  const now = () => anchor + performance.now();
  const started = new WeakMap<IncomingMessage, number>();
  const onStart = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    if (isStandIn(request.headers.host ?? '')) started.set(request, now());
  };
  const onFinish = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const startedAt = started.get(request);
    if (startedAt === undefined) return;
    const url = new URL(request.url ?? '/', 'https://stand-in.invalid');
    const sent = responseBytes(response);
    exchanges.push({
      method: request.method ?? '',
      path: url.pathname,
      query: url.search,
      status: response.statusCode,
      startedAt,
      finishedAt: now(),
      requestBytes: requestBytes(request),
      responseBytes: sent.head + sent.body,
      responseBodyBytes: sent.body,
      responseHeaderSizes: sent.headers,
    });
  };
  diagnostics.subscribe('http.server.request.start', onStart);
  diagnostics.subscribe('http.server.response.finish', onFinish);
  return {
    exchanges,
    mark() {
      const from = exchanges.length;
      return { take: () => exchanges.slice(from) };
    },
    stop() {
      diagnostics.unsubscribe('http.server.request.start', onStart);
      diagnostics.unsubscribe('http.server.response.finish', onFinish);
    },
  };
}

/** Admin calls of the bench itself are not the extension's traffic. */
export const isApi = (e: Exchange) => e.path.startsWith('/api/');

/** Time the stand-in spent handling these exchanges: the union of their intervals (parallel ones count once). */
export function busyTime(exchanges: readonly Exchange[]): number {
  const spans = exchanges.map((e) => [e.startedAt, e.finishedAt] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [start, finish] of spans) {
    if (finish <= end) continue;
    total += finish - Math.max(start, end);
    end = finish;
  }
  return total;
}
