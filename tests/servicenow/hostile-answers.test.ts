// @vitest-environment node
// Hostile answers, switchable per path and method: what a client must survive without trusting
// it. The 2xx ones carry the request out first (the record exists), as in the failures seen.
import http from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceNowStandIn } from './server.ts';
import { signedInUsers } from './signed-in-users.ts';
import { INSTANCE_HOST } from './seed.ts';
import { admin, api, type Target } from './test-client.ts';

const users = signedInUsers();
let sn: ServiceNowStandIn;
let t: Target;
let svc: string;
beforeEach(() => ({ sn, t, svc } = users));

const CHG = '/api/now/table/change_request';
const changes = () => [...sn.state.tables.change_request.rows.values()];
const create = () => api(t, 'POST', CHG, svc, { short_description: 'hostile', correlation_id: 'req-h' });

describe('hostile answers to a create (the record is made)', () => {
  it('200 with an HTML page (not carried out unless process: true)', async () => {
    await admin(t, 'POST', 'faults', { match: CHG, method: 'POST', kind: 'html' });
    const res = await create();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(changes()).toHaveLength(0);
    await admin(t, 'POST', 'faults', { match: CHG, method: 'POST', kind: 'html', process: true });
    expect((await create()).headers['content-type']).toMatch(/^text\/html/);
    expect(changes()).toHaveLength(1);
  });

  it('201 with malformed JSON', async () => {
    await admin(t, 'POST', 'faults', { match: CHG, method: 'POST', kind: 'malformed-json' });
    const res = await create();
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.text).toMatch(/^\{"result":\{"sys_id":"[0-9a-f]{32}"/);
    expect(() => res.json()).toThrow(SyntaxError);
    expect(changes()).toHaveLength(1);
  });

  it('201 without a body', async () => {
    await admin(t, 'POST', 'faults', { match: CHG, method: 'POST', kind: 'empty-body' });
    const res = await create();
    expect(res.status).toBe(201);
    expect(res.text).toBe('');
    expect(res.headers['content-length']).toBe('0');
    expect(changes()).toHaveLength(1);
  });

  it('201 whose fields have the wrong types', async () => {
    await admin(t, 'POST', 'faults', { match: CHG, method: 'POST', kind: 'wrong-types' });
    const res = await create();
    expect(res.status).toBe(201);
    const result = res.json().result as Record<string, unknown>;
    const types = new Set(Object.values(result).map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)));
    expect(types).toEqual(new Set(['array', 'number', 'object', 'boolean', 'null']));
    expect(types.has('string')).toBe(false);
    expect(Object.keys(result)).toContain('sys_id');
    expect(changes()).toHaveLength(1);
  });

  it('__proto__ and constructor keys, at the top and in the record, next to the real fields', async () => {
    await admin(t, 'POST', 'faults', { match: CHG, method: 'POST', kind: 'proto-keys' });
    const res = await create();
    expect(res.status).toBe(201);
    expect(res.text.startsWith('{"__proto__":{')).toBe(true);
    const parsed = JSON.parse(res.text) as Record<string, unknown>;
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(Object.hasOwn(parsed, 'constructor')).toBe(true);
    const record = parsed.result as Record<string, unknown>;
    expect(Object.hasOwn(record, '__proto__')).toBe(true);
    expect(record.sys_id).toBe(changes()[0]!.sys_id);
    expect(record.number).toBe('CHG0030001');
    // JSON.parse makes own properties: nothing global was polluted.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a 5 MB body (valid JSON, a huge description)', async () => {
    await admin(t, 'POST', 'faults', { match: CHG, method: 'POST', kind: 'huge-body' });
    const res = await create();
    expect(res.status).toBe(201);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(5 * 1024 * 1024);
    const result = res.json().result;
    expect(result.description).toHaveLength(5 * 1024 * 1024);
    expect(result.number).toBe('CHG0030001');
    expect(changes()[0]!.description).toBe('');
    await admin(t, 'POST', 'faults', { match: CHG, method: 'GET', kind: 'huge-body', sizeBytes: 1000 });
    expect((await api(t, 'GET', CHG, svc)).json().result[0].description).toHaveLength(1000);
  });

  it('a 302 to another host (not carried out)', async () => {
    await admin(t, 'POST', 'faults', { match: CHG, method: 'POST', kind: 'redirect' });
    const res = await create();
    expect(res.status).toBe(302);
    const location = new URL(String(res.headers.location));
    expect(location.host).not.toBe(INSTANCE_HOST);
    expect(location.pathname).toBe(CHG);
    expect(changes()).toHaveLength(0);
    await admin(t, 'POST', 'faults', { match: CHG, kind: 'redirect', location: 'https://evil.example/x' });
    expect((await create()).headers.location).toBe('https://evil.example/x');
  });
});

describe('a list that never ends', () => {
  it('streams records (chunked, no Content-Length) until the client aborts', async () => {
    sn.state.createRecord('change_request', { short_description: 'real one', correlation_id: 'm365ss-1' });
    await admin(t, 'POST', 'faults', { match: CHG, method: 'GET', kind: 'endless-list', intervalMs: 1 });
    const received = await new Promise<{ headers: http.IncomingHttpHeaders; text: string; status: number }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: t.port, path: `${CHG}?sysparm_query=correlation_idSTARTSWITHm365ss-`, headers: { host: INSTANCE_HOST, accept: 'application/json', authorization: `Bearer ${svc}` }, agent: false }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          if (text.length > 20_000) {
            req.destroy();
            resolve({ headers: res.headers, text, status: res.statusCode ?? 0 });
          }
        });
        res.on('end', () => reject(new Error('the endless list ended')));
      });
      req.on('error', () => undefined);
      req.end();
    });
    expect(received.status).toBe(200);
    expect(received.headers['content-length']).toBeUndefined();
    expect(received.headers['transfer-encoding']).toBe('chunked');
    expect(received.headers['x-total-count']).toBeUndefined();
    expect(received.text.startsWith('{"result":[{')).toBe(true);
    const numbers = received.text.match(/"number":"END\d{7}"/g) ?? [];
    expect(numbers.length).toBeGreaterThan(20);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(received.text).toContain('"short_description":"real one"');
    // The stand-in stops streaming once the client is gone and still answers.
    expect((await api(t, 'GET', CHG, svc)).status).toBe(200);
  });
});
