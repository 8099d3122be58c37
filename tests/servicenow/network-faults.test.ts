// @vitest-environment node
// Network faults a real network and instance produce, the request log that lets a test prove
// what happened on the wire, and the seeded fault schedule of the soak test.
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceNowStandIn } from './server.ts';
import { signedInUsers } from './signed-in-users.ts';
import { PUBLIC_CLIENT } from './seed.ts';
import { admin, api, call, connect, rawExchange, type Target } from './test-client.ts';
import type { LogEntry } from './state.ts';

const users = signedInUsers();
let sn: ServiceNowStandIn;
let t: Target;
let svc: string;
let agent: http.Agent;
beforeEach(() => {
  ({ sn, t, svc } = users);
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
});
afterEach(() => agent.destroy());

const INC = '/api/now/table/incident';
const CHG = '/api/now/table/change_request';
const incidents = () => [...sn.state.tables.incident.rows.values()];
const apiLog = (): LogEntry[] => (sn.state.getLog()).filter((e) => e.path.startsWith('/api/'));

describe('connection closed after processing, before any answer byte (drop-before-answer)', () => {
  it('creates the record, then closes without sending a single byte', async () => {
    await admin(t, 'POST', 'faults', { match: INC, method: 'POST', kind: 'drop-before-answer' });
    const { bytes, closedBy } = await rawExchange(t, 'POST', INC, { token: svc, body: { short_description: 'created, never answered', correlation_id: 'req-1' } });
    expect(closedBy).toBe('server');
    expect(bytes.length).toBe(0);
    expect(incidents().map((r) => r.correlation_id)).toEqual(['req-1']);
    const [entry] = apiLog();
    expect(entry).toMatchObject({ method: 'POST', status: 0, fault: 'drop-before-answer', correlation_id: 'req-1', created: { table: 'incident', number: 'INC0010001' } });
    expect(entry!.done_at).toBeDefined();
  });

  it('is told apart from the half-way drop, which sends the status line and half the body', async () => {
    await admin(t, 'POST', 'faults', { match: INC, method: 'POST', kind: 'drop-after' });
    const { bytes } = await rawExchange(t, 'POST', INC, { token: svc, body: { short_description: 'half' } });
    const text = bytes.toString('utf8');
    expect(text).toMatch(/^HTTP\/1\.1 201 /);
    const body = text.slice(text.indexOf('\r\n\r\n') + 4);
    expect(() => JSON.parse(body)).toThrow();
    expect(body).toMatch(/^\{"result":\{/);
    expect(incidents()).toHaveLength(1);
    expect(apiLog()[0]).toMatchObject({ status: 201, fault: 'drop-after' });
  });

  it('with process: false closes before the record is made (the plain drop)', async () => {
    await admin(t, 'POST', 'faults', { match: INC, kind: 'drop-before-answer', process: false });
    await expect(api(t, 'POST', INC, svc, { short_description: 'x' })).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(incidents()).toHaveLength(0);
  });
});

describe('late create: the instance finishes a create after the client gave up', () => {
  it('creates the record after delayMs, drops the answer, and logs the create on the original request', async () => {
    await admin(t, 'POST', 'faults', { match: INC, method: 'POST', kind: 'late-create', delayMs: 1000 });
    await expect(api(t, 'POST', INC, svc, { short_description: 'slow', correlation_id: 'req-late' }, undefined, { timeoutMs: 50 })).rejects.toThrow(/client timeout/);
    // The client gave up; the instance has not made the record yet.
    expect(incidents()).toHaveLength(0);
    expect(apiLog()[0]).toMatchObject({ status: 0, fault: 'late-create', correlation_id: 'req-late' });
    expect(apiLog()[0]!.created).toBeUndefined();
    await vi.waitFor(() => expect(incidents()).toHaveLength(1), { timeout: 10_000, interval: 20 });
    expect(incidents()[0]!.correlation_id).toBe('req-late');
    expect(apiLog()[0]!.created).toMatchObject({ table: 'incident', sys_id: incidents()[0]!.sys_id });
  });

  it('a client still waiting gets the connection closed without an answer', async () => {
    await admin(t, 'POST', 'faults', { match: INC, method: 'POST', kind: 'late-create', delayMs: 100 });
    const { bytes, closedBy } = await rawExchange(t, 'POST', INC, { token: svc, body: { short_description: 'x' }, timeoutMs: 10_000 });
    expect(closedBy).toBe('server');
    expect(bytes.length).toBe(0);
    expect(incidents()).toHaveLength(1);
  });

  it('reset() cancels a pending late create (no record leaks into the next test)', async () => {
    await admin(t, 'POST', 'faults', { match: INC, method: 'POST', kind: 'late-create', delayMs: 400 });
    await expect(api(t, 'POST', INC, svc, { short_description: 'x' }, undefined, { timeoutMs: 30 })).rejects.toThrow(/client timeout/);
    sn.reset();
    // A second late create after the reset proves the timers ran: only its record appears.
    const token = (await connect(t, PUBLIC_CLIENT, 'svc_m365')).access_token;
    sn.state.addFault({ match: INC, method: 'POST', kind: 'late-create', delayMs: 800 }); // made after the first one would have been
    await expect(api(t, 'POST', INC, token, { short_description: 'after reset' }, undefined, { timeoutMs: 30 })).rejects.toThrow(/client timeout/);
    await vi.waitFor(() => expect(incidents()).toHaveLength(1), { timeout: 10_000, interval: 20 });
    expect(incidents()[0]!.short_description).toBe('after reset');
  });
});

describe('hang, HTML error pages, errors after processing, token expiry', () => {
  it('hang with delayMs closes the connection after the delay, with no answer and no record', async () => {
    await admin(t, 'POST', 'faults', { match: INC, kind: 'hang', delayMs: 100 });
    const { bytes, closedBy } = await rawExchange(t, 'POST', INC, { token: svc, body: { short_description: 'x' }, timeoutMs: 10_000 });
    expect(closedBy).toBe('server');
    expect(bytes.length).toBe(0);
    expect(incidents()).toHaveLength(0);
  });

  it('503 with an HTML body', async () => {
    await admin(t, 'POST', 'faults', { match: INC, kind: 'html', status: 503 });
    const res = await api(t, 'POST', INC, svc, { short_description: 'x' });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('Service Unavailable');
    expect(incidents()).toHaveLength(0);
    expect(sn.state.faultCounts()).toEqual({ 'html-503': 1 });
  });

  it('a 500 after the record was made (process: true)', async () => {
    await admin(t, 'POST', 'faults', { match: INC, kind: 'status', status: 500, process: true });
    const res = await api(t, 'POST', INC, svc, { short_description: 'x' });
    expect(res.status).toBe(500);
    expect(res.json()).toMatchObject({ error: { message: 'Internal server error' }, status: 'failure' });
    expect(incidents()).toHaveLength(1);
  });

  it('expire-token expires every access token, then the request gets the real 401', async () => {
    await admin(t, 'POST', 'faults', { match: INC, method: 'POST', kind: 'expire-token' });
    expect((await api(t, 'GET', INC, svc)).status).toBe(200);
    const res = await api(t, 'POST', INC, svc, { short_description: 'x' });
    expect(res.status).toBe(401);
    expect(res.json().error.message).toBe('User Not Authenticated');
    expect((await api(t, 'GET', INC, svc)).status).toBe(401);
    expect(incidents()).toHaveLength(0);
  });
});

describe('request log', () => {
  it('numbers connections and the requests on each, so a resend on a new connection shows', async () => {
    await api(t, 'GET', `${INC}?sysparm_limit=1`, svc, undefined, undefined, { agent });
    await api(t, 'POST', INC, svc, { short_description: 'a', correlation_id: 'req-a' }, undefined, { agent });
    await api(t, 'GET', INC, svc); // its own connection
    const log = apiLog();
    expect(log.map((e) => [e.method, e.connection_request])).toEqual([['GET', 1], ['POST', 2], ['GET', 1]]);
    expect(log[0]!.connection).toBe(log[1]!.connection);
    expect(log[2]!.connection).not.toBe(log[0]!.connection);
    expect(log[1]).toMatchObject({ status: 201, correlation_id: 'req-a', body: { correlation_id: 'req-a' }, created: { table: 'incident', number: 'INC0010001' } });
    expect(log[0]!.correlation_id).toBeUndefined();
  });

  it('logs the configured identity fields of every write attempt, also faulted ones, arrival time first', async () => {
    await admin(t, 'POST', 'settings', { logBodyFields: ['correlation_id', 'u_request_id', 'short_description'] });
    await admin(t, 'POST', 'faults', { match: CHG, kind: 'status', status: 429, retryAfter: 3 });
    await api(t, 'POST', CHG, svc, { short_description: 'first', correlation_id: 'req-b', u_request_id: 'rid-7' });
    await api(t, 'POST', CHG, svc, { short_description: 'second', correlation_id: 'req-b', u_request_id: 'rid-7' });
    const [refused, ok] = apiLog();
    expect(refused).toMatchObject({ status: 429, fault: 'status-429', body: { correlation_id: 'req-b', u_request_id: 'rid-7', short_description: 'first' } });
    expect(refused!.created).toBeUndefined();
    expect(ok).toMatchObject({ status: 201, created: { table: 'change_request' } });
    expect(Date.parse(refused!.t) <= Date.parse(refused!.done_at!)).toBe(true);
    // Secrets never: the token request bodies are not read into the log.
    expect(JSON.stringify(sn.state.getLog())).not.toContain(svc);
  });

  it('an in-flight request is in the log at once (status 0, no done_at)', async () => {
    await admin(t, 'POST', 'faults', { match: INC, kind: 'hang' });
    const pending = call(t, 'GET', INC, { headers: { authorization: `Bearer ${svc}` }, timeoutMs: 300 }).catch((e: Error) => e.message);
    await vi.waitFor(() => expect(apiLog()).toHaveLength(1), { timeout: 5_000, interval: 10 });
    expect(apiLog()[0]!.status).toBe(0);
    expect(apiLog()[0]!.done_at).toBeUndefined();
    expect(await pending).toBe('client timeout');
    await vi.waitFor(() => expect(apiLog()[0]!.done_at).toBeDefined(), { timeout: 5_000, interval: 10 });
    expect(apiLog()[0]!.status).toBe(0);
  });
});

describe('fault schedule (soak)', () => {
  const mix = [
    { probability: 0.1, kind: 'status', status: 429, retryAfter: 1 },
    { probability: 0.1, kind: 'status', status: 500 },
    { probability: 0.1, kind: 'html', status: 503 },
    { probability: 0.1, kind: 'drop-before-answer' },
    { probability: 0.1, kind: 'drop-after' },
  ];

  async function run(seed: number, n: number): Promise<string[]> {
    sn.state.clearLog();
    sn.state.clearFaultCounts();
    await admin(t, 'POST', 'faults/schedule', { seed, match: INC, method: 'POST', mix });
    for (let i = 0; i < n; i++) await api(t, 'POST', INC, svc, { short_description: `n${i}`, correlation_id: `s${seed}-${i}` }).catch(() => undefined);
    return apiLog().map((e) => e.fault ?? '-');
  }

  it('is deterministic per seed, mixes the kinds by probability and counts them', async () => {
    const a = await run(7, 60);
    const b = await run(7, 60);
    const c = await run(8, 60);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    const faulted = a.filter((f) => f !== '-');
    // 50 % faults on average: far from none and from all.
    expect(faulted.length).toBeGreaterThan(15);
    expect(faulted.length).toBeLessThan(45);
    expect(new Set(faulted)).toEqual(new Set(['status-429', 'status-500', 'html-503', 'drop-before-answer', 'drop-after']));
    const counts = (await admin(t, 'GET', 'faults/counts')).json() as Record<string, number>;
    const expected: Record<string, number> = {};
    for (const f of c) if (f !== '-') expected[f] = (expected[f] ?? 0) + 1;
    expect(counts).toEqual(expected);
    const status = (await admin(t, 'GET', 'faults/schedule')).json();
    expect(status).toMatchObject({ active: true, seed: 8, match: INC, method: 'POST', requests: 60, injected: c.filter((f) => f !== '-').length });
    // GETs are not drawn (method filter).
    expect((await api(t, 'GET', INC, svc)).status).toBe(200);
    expect((await admin(t, 'GET', 'faults/schedule')).json().requests).toBe(60);
  });

  it('the records tell exactly-one-live-ticket: created attempts per correlation_id come from the log', async () => {
    await run(11, 40);
    const created = apiLog().filter((e) => e.created);
    // Every record in the table was made by exactly one logged attempt, and the log names it.
    expect(new Set(created.map((e) => e.created!.sys_id))).toEqual(new Set(incidents().map((r) => r.sys_id)));
    for (const e of created) expect(incidents().find((r) => r.sys_id === e.created!.sys_id)!.correlation_id).toBe(e.correlation_id);
    // drop-before-answer and drop-after attempts made records the client never saw.
    const unseen = apiLog().filter((e) => e.created && (e.fault === 'drop-before-answer' || e.fault === 'drop-after'));
    expect(unseen.length).toBeGreaterThan(0);
  });

  it('queued faults win over the schedule; maxFaults stops it; DELETE clears it', async () => {
    await admin(t, 'POST', 'faults/schedule', { seed: 1, match: INC, mix: [{ probability: 1, kind: 'status', status: 500 }], maxFaults: 2 });
    await admin(t, 'POST', 'faults', { match: INC, kind: 'status', status: 429 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api(t, 'GET', INC, svc)).status);
    expect(statuses).toEqual([429, 500, 500, 200]);
    await admin(t, 'DELETE', 'faults/schedule');
    expect((await admin(t, 'GET', 'faults/schedule')).json()).toEqual({ active: false });
    expect(sn.state.faultCounts()).toEqual({ 'status-429': 1, 'status-500': 2 });
  });

  it('refuses malformed schedules', async () => {
    for (const bad of [
      { mix: mix },
      { seed: 1, mix: [] },
      { seed: 1, mix: [{ probability: 0.7, kind: 'hang' }, { probability: 0.7, kind: 'drop' }] },
      { seed: 1, mix: [{ probability: 0.1, kind: 'explode' }] },
      { seed: 1, mix: [{ probability: 2, kind: 'hang' }] },
      { seed: 1, match: 'api', mix: [{ probability: 0.1, kind: 'hang' }] },
    ]) {
      expect((await admin(t, 'POST', 'faults/schedule', bad)).status, JSON.stringify(bad)).toBe(400);
    }
  });
});
