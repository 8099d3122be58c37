import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createServiceNowClient } from './client';

const ORIGIN = 'https://contoso.service-now.com';
const SYS_ID = '0123456789abcdef0123456789abcdef';
const tokens = {
  accessToken: async () => 'token',
  renewAfterRejection: async () => 'token',
  rejectSession: async () => undefined,
};
const answer = () =>
  new Response(JSON.stringify({ result: { sys_id: SYS_ID } }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(async () => answer());
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const hostileIds = [
  '../sys_user',
  'abc',
  `${SYS_ID}/../x`,
  `${SYS_ID}?sysparm_query=x`,
  SYS_ID.toUpperCase(),
  '%2e%2e',
  '',
];

describe('record URLs', () => {
  test('get and update build the URL of a 32-hex sys_id', async () => {
    const client = createServiceNowClient(ORIGIN, tokens);
    await client.get('incident', SYS_ID);
    await client.update('incident', SYS_ID, { state: '8' });
    const paths = fetchMock.mock.calls.map(([url]) => new URL(String(url)).pathname);
    expect(paths).toEqual([`/api/now/table/incident/${SYS_ID}`, `/api/now/table/incident/${SYS_ID}`]);
  });

  test.each(hostileIds)('get and update refuse sys_id %j before any request', async (sysId) => {
    const client = createServiceNowClient(ORIGIN, tokens);
    await expect(client.get('incident', sysId)).rejects.toMatchObject({ code: 'bad_response' });
    await expect(client.update('change_request', sysId, { state: '4' })).rejects.toMatchObject({
      code: 'bad_response',
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
