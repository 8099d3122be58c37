// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServiceNow, type ServiceNowStandIn } from './server.ts';
import { PRIVATE_CLIENT, PUBLIC_CLIENT } from './seed.ts';
import { admin, api, call, connect, target, tokenRequest, type Target } from './test-client.ts';

let sn: ServiceNowStandIn;
let t: Target;
let token: string;

beforeAll(async () => {
  sn = await startServiceNow({ port: 0 });
  t = target(sn);
});
afterAll(() => sn.close());
beforeEach(async () => {
  sn.reset();
  token = (await connect(t, PUBLIC_CLIENT)).access_token;
});

const INC = '/api/now/table/incident';

describe('faults', () => {
  it('429 with Retry-After, X-RateLimit-* and a ServiceNow error body, for `times` requests', async () => {
    await admin(t, 'POST', 'faults', { match: INC, method: 'POST', kind: 'status', status: 429, retryAfter: 7, times: 2 });
    // GET does not match the method filter.
    expect((await api(t, 'GET', INC, token)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await api(t, 'POST', INC, token, { short_description: 'x' });
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('7');
      expect(res.headers['x-ratelimit-limit']).toBeDefined();
      expect(Number(res.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
      expect(res.headers['x-ratelimit-rule']).toMatch(/^[0-9a-f]{32}$/);
      expect(res.json()).toMatchObject({ error: { message: 'Too Many Requests' }, status: 'failure' });
    }
    expect((await api(t, 'POST', INC, token, { short_description: 'x' })).status).toBe(201);
    expect(sn.state.tables.incident.rows.size).toBe(1);
  });

  it('503 with a ServiceNow error body; DELETE clears faults', async () => {
    await admin(t, 'POST', 'faults', { match: '/api/now/', kind: 'status', status: 503, times: 5 });
    const res = await api(t, 'GET', INC, token);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toMatchObject({ error: { message: 'Service Unavailable' }, status: 'failure' });
    expect((await admin(t, 'GET', 'faults')).json()[0].times).toBe(4);
    await admin(t, 'DELETE', 'faults');
    expect((await api(t, 'GET', INC, token)).status).toBe(200);
  });

  it('drop destroys the connection; html answers 200 text/html', async () => {
    await admin(t, 'POST', 'faults', { match: INC, kind: 'drop' });
    await expect(api(t, 'GET', INC, token)).rejects.toThrow(/socket hang up|ECONNRESET/);
    await admin(t, 'POST', 'faults', { match: '/oauth_token.do', kind: 'html' });
    const html = await tokenRequest(t, { grant_type: 'refresh_token', refresh_token: 'x', client_id: PUBLIC_CLIENT.client_id });
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(() => JSON.parse(html.text)).toThrow();
  });

  it('hang never answers (until close)', async () => {
    await admin(t, 'POST', 'faults', { match: INC, kind: 'hang' });
    await expect(call(t, 'GET', INC, { headers: { authorization: `Bearer ${token}` }, timeoutMs: 150 })).rejects.toThrow(/client timeout/);
    expect((await api(t, 'GET', INC, token)).status).toBe(200);
  });

  it('rejects malformed faults', async () => {
    expect((await admin(t, 'POST', 'faults', { match: 'api', kind: 'status', status: 500 })).status).toBe(400);
    expect((await admin(t, 'POST', 'faults', { match: '/api', kind: 'explode' })).status).toBe(400);
  });
});

describe('hosts and hibernation', () => {
  it('unknown *.service-now.com hosts answer HTML "not available" on every path, never JSON', async () => {
    for (const [method, path] of [['GET', INC], ['POST', '/oauth_token.do'], ['GET', '/oauth_auth.do?client_id=x'], ['GET', '/']]) {
      const res = await call(t, method!, path!, { host: 'fabrikam.service-now.com', headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('not available');
    }
  });

  it('extra instance hosts (custom domains) serve the same data', async () => {
    const custom = 'servicenow.contoso.com';
    expect((await call(t, 'GET', INC, { host: custom })).headers['content-type']).toMatch(/^text\/html/);
    await admin(t, 'POST', 'instances', { host: custom });
    await api(t, 'POST', INC, token, { short_description: 'shared' });
    const res = await api(t, 'GET', `${INC}?sysparm_fields=short_description`, token, undefined, custom);
    expect(res.json().result).toEqual([{ short_description: 'shared' }]);
    const link = String((await api(t, 'GET', `${INC}?sysparm_limit=1`, token, undefined, custom)).headers.link);
    expect(link).toContain(`http://${custom}/api/now/table/incident`);
    // In process: push to the list (or addInstance) does the same.
    sn.state.instances.push('sn.fabrikam.net');
    expect((await api(t, 'GET', INC, token, undefined, 'sn.fabrikam.net')).status).toBe(200);
  });

  it('hibernating: every path answers the hibernation HTML; admin still works', async () => {
    await admin(t, 'POST', 'hibernate', { enabled: true });
    for (const path of [INC, '/oauth_token.do', '/oauth_auth.do', '/']) {
      const res = await call(t, 'GET', path, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('hibernating');
    }
    await admin(t, 'POST', 'hibernate', { enabled: false });
    expect((await api(t, 'GET', INC, token)).status).toBe(200);
  });

  it('loopback host names are the seeded instance (standIn.url works with plain fetch)', async () => {
    const res = await fetch(`${sn.url}/api/now/table/incident`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: [] });
  });
});

describe('request log', () => {
  it('records method, path, query, status, host and grant_type — without tokens or secrets', async () => {
    await admin(t, 'DELETE', 'log');
    const tokens = await connect(t, PRIVATE_CLIENT);
    await tokenRequest(t, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: PRIVATE_CLIENT.client_id, client_secret: PRIVATE_CLIENT.client_secret! });
    await api(t, 'GET', `${INC}?sysparm_limit=5`, tokens.access_token);
    await call(t, 'POST', `/oauth_revoke_token.do?token=${encodeURIComponent(tokens.refresh_token)}`);
    await call(t, 'GET', '/', { host: 'nope.service-now.com' });
    const log = (await admin(t, 'GET', 'log')).json() as { method: string; path: string; status: number; host: string; query: Record<string, string>; grant_type?: string; t: string }[];
    const text = JSON.stringify(log);
    for (const secret of [tokens.access_token, tokens.refresh_token, PRIVATE_CLIENT.client_secret!, 'Passw0rd!']) expect(text).not.toContain(secret);
    expect(log.some((e) => e.path.startsWith('/__admin'))).toBe(false);
    const grants = log.filter((e) => e.path === '/oauth_token.do').map((e) => [e.grant_type, e.status]);
    expect(grants).toEqual([['authorization_code', 200], ['refresh_token', 200]]);
    expect(log.find((e) => e.path === INC)).toMatchObject({ method: 'GET', status: 200, host: 'contoso.service-now.com', query: { sysparm_limit: '5' } });
    expect(log.find((e) => e.path === '/oauth_revoke_token.do')!.query).toEqual({ token: '[redacted]' });
    expect(log.at(-1)).toMatchObject({ host: 'nope.service-now.com', status: 200 });
    expect(new Date(log[0]!.t).toString()).not.toBe('Invalid Date');
    await admin(t, 'DELETE', 'log');
    expect((await admin(t, 'GET', 'log')).json()).toEqual([]);
  });

  it('faulted requests are logged (status 0 when never answered)', async () => {
    await admin(t, 'DELETE', 'log');
    await admin(t, 'POST', 'faults', { match: INC, kind: 'drop' });
    await api(t, 'GET', INC, token).catch(() => undefined);
    await admin(t, 'POST', 'faults', { match: INC, kind: 'status', status: 500 });
    await api(t, 'GET', INC, token);
    const log = (await admin(t, 'GET', 'log')).json();
    expect(log.map((e: { status: number }) => e.status)).toEqual([0, 500]);
  });
});

describe('admin records, users, clients, reset', () => {
  it('changes and deletes tickets, bumping sys_updated_on; creates records directly', async () => {
    const created = (await api(t, 'POST', '/api/now/table/change_request', token, { short_description: 'c' })).json().result;
    sn.state.setClock({ advanceMs: 10_000 });
    const changed = await admin(t, 'POST', `records/change_request/${created.sys_id}`, { fields: { state: '3' } });
    expect(changed.status).toBe(200);
    expect(changed.json().record).toMatchObject({ state: '3', active: 'false' });
    expect(changed.json().record.sys_updated_on > created.sys_updated_on).toBe(true);
    const direct = (await admin(t, 'POST', 'records/incident', { fields: { short_description: 'made by admin', state: '2' } })).json().record;
    expect(direct.number).toBe('INC0010001');
    expect((await admin(t, 'DELETE', `records/change_request/${created.sys_id}`)).status).toBe(200);
    expect((await admin(t, 'DELETE', `records/change_request/${created.sys_id}`)).status).toBe(404);
    expect((await admin(t, 'GET', 'records/change_request')).json()).toEqual([]);
    expect((await admin(t, 'GET', 'records/oauth_entity')).status).toBe(404);
  });

  it('client settings, user switches, unknown routes, reset', async () => {
    const client = (await admin(t, 'POST', `clients/${PRIVATE_CLIENT.client_id}`, { client_secret: 'rotated' })).json().client;
    expect(client.client_secret).toBeUndefined();
    const tokens = await connect(t, { ...PRIVATE_CLIENT, client_secret: 'rotated' });
    expect(tokens.access_token).toBeTruthy();
    expect((await admin(t, 'POST', 'clients/nope', {})).status).toBe(404);
    expect((await admin(t, 'POST', 'users/nobody/roles', { roles: [] })).status).toBe(404);
    await admin(t, 'POST', 'users/jane.admin', { active: 'false' });
    expect((await api(t, 'GET', INC, tokens.access_token)).status).toBe(401);
    expect((await admin(t, 'GET', 'nothing-here')).status).toBe(404);
    await admin(t, 'POST', 'hibernate', { enabled: true });
    await admin(t, 'POST', 'reset');
    expect(sn.state.hibernating).toBe(false);
    expect(sn.state.clients.get(PRIVATE_CLIENT.client_id)!.client_secret).toBe(PRIVATE_CLIENT.client_secret);
    expect(sn.state.findUserByName('jane.admin')!.active).toBe('true');
    expect(sn.state.tokens.size).toBe(0);
  });
});
