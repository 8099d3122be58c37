// @vitest-environment node
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceNow, type ServiceNowStandIn } from './server.ts';
import { INSTANCE_HOST, PUBLIC_CLIENT, SEED_PASSWORD } from './seed.ts';
import { Browser, api, authorizePath, call, connect, hidden, pkce, target, type Target } from './test-client.ts';

let sn: ServiceNowStandIn;
let t: Target;

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: INSTANCE_HOST }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: INSTANCE_HOST }, { type: 2, value: 'servicenow.contoso.com' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  sn = await startServiceNow({ port: 0, tls: { key: pems.private, cert: pems.cert } });
  t = target(sn, { ca: pems.cert });
});
afterAll(() => sn.close());

describe('over TLS', () => {
  it('serves https with a verifiable certificate, Secure session cookie and https links', async () => {
    expect(sn.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const b = new Browser(t);
    const page = await b.get(authorizePath(PUBLIC_CLIENT, { challenge: pkce().challenge }));
    const login = await b.post('/login.do', { sysparm_request: hidden(page.text, 'sysparm_request'), user_name: 'jane.admin', user_password: SEED_PASSWORD });
    expect(String(login.headers['set-cookie'])).toMatch(/JSESSIONID=[^;]+;.*HttpOnly.*Secure/);

    const tokens = await connect(t, PUBLIC_CLIENT);
    const created = await api(t, 'POST', '/api/now/table/incident', tokens.access_token, { short_description: 'over TLS' });
    expect(created.status).toBe(201);
    expect(created.json().result.opened_by.link).toMatch(/^https:\/\/contoso\.service-now\.com\/api\/now\/table\/sys_user\//);
    const list = await api(t, 'GET', '/api/now/table/incident?sysparm_limit=1', tokens.access_token);
    expect(String(list.headers.link)).toContain('<https://contoso.service-now.com/api/now/table/incident?');
  });

  it('refuses plain http on the TLS port', async () => {
    await expect(call({ port: t.port }, 'GET', '/', { timeoutMs: 1000 })).rejects.toThrow();
  });
});
