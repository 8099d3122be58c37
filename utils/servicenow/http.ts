import { ofetch } from 'ofetch';
import { AppError } from '../errors';
import { t } from '../i18n';
import { instanceUnreachable, mapHttpError, mapNetworkError, parseJson } from './errors';
import { REQUEST_TIMEOUT_MS } from './request-timeout';

// One place that sends a request to ServiceNow and decides what its answer means. Any answer
// that is not JSON (a hibernating developer instance, an SSO page, a proxy) is never data.

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  bearer?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Return 4xx JSON answers instead of throwing (the OAuth endpoints have their own errors). */
  returnClientErrors?: boolean;
}

export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export async function serviceNowFetch(
  origin: string,
  path: string,
  req: HttpRequest = {},
): Promise<HttpResponse<unknown>> {
  const host = new URL(origin).host;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (req.bearer) headers.Authorization = `Bearer ${req.bearer}`;
  let body: BodyInit | undefined;
  if (req.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(req.form).toString();
  }
  // ofetch's own timeout stops counting once the headers arrived; this one covers the body too,
  // so an answer that never ends (a list streamed forever) is cut off like a hang.
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new DOMException('The request timed out.', 'TimeoutError')),
    req.timeoutMs ?? REQUEST_TIMEOUT_MS,
  );
  const onAbort = () => timeout.abort(req.signal?.reason);
  req.signal?.addEventListener('abort', onAbort, { once: true });
  if (req.signal?.aborted) onAbort();
  let response;
  try {
    response = await ofetch.raw(path, {
      baseURL: origin,
      method: req.method ?? 'GET',
      query: req.query,
      headers,
      body,
      signal: timeout.signal,
      retry: 0,
      redirect: 'manual',
      credentials: 'omit',
      responseType: 'text',
      ignoreResponseError: true,
    });
  } catch (error) {
    if (req.signal?.aborted) throw req.signal.reason ?? error;
    throw mapNetworkError(timeout.signal.aborted ? timeout.signal.reason : error, host);
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
  }
  const text = typeof response._data === 'string' ? response._data : '';
  const isJson = /\bjson\b/i.test(response.headers.get('content-type') ?? '');
  const parsed = isJson ? parseJson(text) : undefined;
  // A redirect (opaque in a worker) or an HTML page: not the API answering.
  if (response.type === 'opaqueredirect' || response.status === 0) throw instanceUnreachable(host);
  const clientError = response.status >= 400 && response.status < 500 && response.status !== 429;
  if (req.returnClientErrors && clientError && parsed !== undefined) {
    return { status: response.status, headers: response.headers, body: parsed };
  }
  if (!response.ok) throw mapHttpError(response.status, parsed, response.headers, host);
  if (response.status === 204) return { status: 204, headers: response.headers, body: null };
  // A 201, or an answer declared JSON, is the instance's own answer, only unreadable: for a
  // create that means "created, number pending" (the outbox looks it up), never "not there".
  if (parsed === undefined) {
    throw isJson || response.status === 201
      ? badResponse(t('badResponseUnreadable'))
      : instanceUnreachable(host, response.status);
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** `what` is a short technical detail of what was wrong with the answer. */
export function badResponse(what: string): AppError {
  return new AppError('bad_response', t('errBadResponse', what));
}
