import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createServiceNowClient, type AccessTokens } from './client';

// A 401 renews the access token; when the instance expires tokens again while a parallel
// request's refresh is under way (the soak's token expiry under 8 parallel creates), the fresh
// token is refused once more: that alone must not end the session for every later request.

const ORIGIN = 'https://contoso.service-now.com';
let fetchMock: ReturnType<typeof vi.fn>;
let current: string;
let rejectSession: ReturnType<typeof vi.fn>;

function tokens(): AccessTokens {
  let n = 1;
  current = 'T1';
  rejectSession = vi.fn(async () => undefined);
  return {
    accessToken: async () => current,
    renewAfterRejection: async (rejected: string) => {
      if (rejected === current) current = `T${++n}`;
      return current;
    },
    rejectSession,
  } as AccessTokens;
}

const answer = (status: number) =>
  new Response(JSON.stringify(status === 200 ? { result: [] } : { error: { message: 'User Not Authenticated' } }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const bearerOf = (call: unknown[]) => new Headers((call[1] as RequestInit).headers).get('authorization');

describe('renewal after a 401', () => {
  test('a fresh token expired meanwhile is renewed once more; the session goes on', async () => {
    fetchMock.mockResolvedValueOnce(answer(401)).mockResolvedValueOnce(answer(401)).mockResolvedValueOnce(answer(200));
    const client = createServiceNowClient(ORIGIN, tokens());
    await expect(client.list('incident', {})).resolves.toMatchObject({ records: [] });
    expect(fetchMock.mock.calls.map(bearerOf)).toEqual(['Bearer T1', 'Bearer T2', 'Bearer T3']);
    expect(rejectSession).not.toHaveBeenCalled();
  });

  test('an instance that refuses every fresh token ends the session (Reconnect needed), after two renewals', async () => {
    fetchMock.mockImplementation(async () => answer(401));
    const client = createServiceNowClient(ORIGIN, tokens());
    await expect(client.list('incident', {})).rejects.toMatchObject({ extra: { status: 401 } });
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(rejectSession).toHaveBeenCalledTimes(1);
  });
});
