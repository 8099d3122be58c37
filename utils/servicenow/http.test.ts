import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { serviceNowFetch } from './http';

const ORIGIN = 'https://contoso.service-now.com';
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
  });

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('serviceNowFetch error mapping', () => {
  test('JSON results come back parsed', async () => {
    fetchMock.mockResolvedValue(json(200, { result: [{ sys_id: '1' }] }, { 'x-total-count': '1' }));
    const res = await serviceNowFetch(ORIGIN, '/api/now/table/incident');
    expect(res.body).toEqual({ result: [{ sys_id: '1' }] });
    expect(res.headers.get('x-total-count')).toBe('1');
  });

  test('an HTML page (hibernating instance) is never data', async () => {
    fetchMock.mockResolvedValue(
      new Response('<html>Your instance is hibernating</html>', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      }),
    );
    await expect(serviceNowFetch(ORIGIN, '/api/now/table/incident')).rejects.toMatchObject({
      code: 'instance_unreachable',
      message: expect.stringContaining('asleep'),
    });
  });

  test("the cross-scope refusal keeps ServiceNow's words and adds the fix", async () => {
    const message =
      "Read operation against 'oauth_entity' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy";
    fetchMock.mockResolvedValue(json(403, { error: { message, detail: null }, status: 'failure' }));
    const error = await serviceNowFetch(ORIGIN, '/api/now/table/incident').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cross_scope' });
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).toContain('All application scopes');
  });

  test('an ACL refusal names the missing role', async () => {
    fetchMock.mockResolvedValue(
      json(403, {
        error: { message: 'Operation Failed', detail: 'ACL Exception Insert Failed due to security constraints' },
        status: 'failure',
      }),
    );
    await expect(serviceNowFetch(ORIGIN, '/api/now/table/incident')).rejects.toMatchObject({
      code: 'missing_role',
      message: expect.stringContaining('itil'),
    });
  });

  test('429 carries Retry-After', async () => {
    fetchMock.mockResolvedValue(json(429, { error: { message: 'Rate limit exceeded' } }, { 'retry-after': '7' }));
    await expect(serviceNowFetch(ORIGIN, '/x')).rejects.toMatchObject({
      code: 'rate_limited',
      extra: { retryAfter: 7 },
    });
  });

  test('5xx is a retryable server error', async () => {
    fetchMock.mockResolvedValue(json(503, { error: { message: 'down' } }));
    await expect(serviceNowFetch(ORIGIN, '/x')).rejects.toMatchObject({ code: 'server_error' });
  });

  test('401 asks to reconnect', async () => {
    fetchMock.mockResolvedValue(
      json(401, { error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' } }),
    );
    await expect(serviceNowFetch(ORIGIN, '/x')).rejects.toMatchObject({
      code: 'reconnect_needed',
      extra: { status: 401 },
    });
  });

  test('no answer at all is a network error naming the host', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(serviceNowFetch(ORIGIN, '/x')).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining('contoso.service-now.com'),
    });
  });

  test('OAuth client errors can be returned for the caller to read', async () => {
    fetchMock.mockResolvedValue(json(401, { error: 'invalid_client', error_description: 'bad' }));
    const res = await serviceNowFetch(ORIGIN, '/oauth_token.do', {
      method: 'POST',
      form: { a: 'b' },
      returnClientErrors: true,
    });
    expect(res).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });
});

describe('rate limits and server errors whatever the body', () => {
  test('429 with an HTML body still honours Retry-After', async () => {
    fetchMock.mockResolvedValue(
      new Response('<html>busy</html>', { status: 429, headers: { 'content-type': 'text/html', 'retry-after': '15' } }),
    );
    await expect(serviceNowFetch(ORIGIN, '/x')).rejects.toMatchObject({
      code: 'rate_limited',
      extra: { retryAfter: 15 },
    });
  });
  test('429 without Retry-After waits a minute, not zero', async () => {
    fetchMock.mockResolvedValue(json(429, { error: { message: 'busy' } }));
    await expect(serviceNowFetch(ORIGIN, '/x')).rejects.toMatchObject({ extra: { retryAfter: 60 } });
  });
  test('503 maintenance page is a server error, not a sleeping instance', async () => {
    fetchMock.mockResolvedValue(
      new Response('<html>maintenance</html>', { status: 503, headers: { 'content-type': 'text/html' } }),
    );
    await expect(serviceNowFetch(ORIGIN, '/x')).rejects.toMatchObject({ code: 'server_error' });
  });
  test('Retry-After as an HTTP date', async () => {
    const { retryAfterSeconds } = await import('./errors');
    expect(retryAfterSeconds(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThanOrEqual(29);
    expect(retryAfterSeconds('soon')).toBe(60);
  });
});

describe('unreadable and endless answers (issue 11 hostile inputs)', () => {
  test('a 201 with malformed JSON or no body is an unreadable answer, not an absent instance', async () => {
    for (const body of ['{"result":{"sys_id":"abc"', '']) {
      fetchMock.mockResolvedValue(new Response(body, { status: 201, headers: { 'content-type': 'application/json' } }));
      await expect(serviceNowFetch(ORIGIN, '/api/now/table/incident', { method: 'POST' })).rejects.toMatchObject({
        code: 'bad_response',
        message: expect.stringContaining('the answer could not be read'),
      });
    }
  });

  test('an answer that never ends is cut off at the timeout, body included', async () => {
    fetchMock.mockImplementation(async (_url: unknown, init: { signal: AbortSignal }) => {
      // Like the real fetch: the headers arrive, the body streams on until the signal aborts it.
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"result":['));
          init.signal.addEventListener('abort', () => controller.error(init.signal.reason));
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const started = Date.now();
    await expect(serviceNowFetch(ORIGIN, '/api/now/table/task', { timeoutMs: 200 })).rejects.toMatchObject({
      code: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("the caller's own abort still wins over the timeout", async () => {
    fetchMock.mockImplementation(
      (_url: unknown, init: { signal: AbortSignal }) =>
        new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason))),
    );
    const controller = new AbortController();
    const pending = serviceNowFetch(ORIGIN, '/x', { signal: controller.signal });
    controller.abort(new Error('disconnected'));
    await expect(pending).rejects.toThrow('disconnected');
  });
});
