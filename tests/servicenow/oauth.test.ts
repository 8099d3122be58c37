// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServiceNow, type ServiceNowStandIn } from './server.ts';
import { EXTENSION_REDIRECT_URL, JANE_ADMIN, PRIVATE_CLIENT, PUBLIC_CLIENT, SEED_PASSWORD, SVC_USER } from './seed.ts';
import { Browser, admin, api, authorize, authorizePath, call, connect, hidden, pkce, target, tokenRequest, type Target } from './test-client.ts';

let sn: ServiceNowStandIn;
let t: Target;

beforeAll(async () => {
  sn = await startServiceNow({ port: 0 });
  t = target(sn);
});
afterAll(() => sn.close());
beforeEach(() => sn.reset());

const ME = '/api/now/table/sys_user?sysparm_query=user_name%3Djavascript:gs.getUserName()&sysparm_fields=sys_id,user_name,name,email,web_service_access_only,internal_integration_user';

describe('authorization code flow', () => {
  it('public client: login form → consent → code → tokens with PKCE', async () => {
    const { verifier, challenge } = pkce();
    const browser = new Browser(t);
    const path = authorizePath(PUBLIC_CLIENT, { challenge, state: 'xyz-123' });

    const login = await browser.get(path);
    expect(login.status).toBe(200);
    expect(login.headers['content-type']).toMatch(/^text\/html/);
    expect(login.text).toMatch(/<form[^>]*method="post"/);
    expect(login.text).toMatch(/<label for="user_name">User name<\/label>/);
    expect(login.text).toMatch(/<label for="user_password">Password<\/label>/);
    expect(login.text).toContain('name="user_name"');
    expect(login.text).toContain('>Log in</button>');
    expect(login.text).not.toMatch(/<script/i);

    const loggedIn = await browser.post('/login.do', { sysparm_request: hidden(login.text, 'sysparm_request'), user_name: 'jane.admin', user_password: SEED_PASSWORD });
    expect(loggedIn.status).toBe(302);
    const setCookie = String(loggedIn.headers['set-cookie']);
    expect(setCookie).toMatch(/JSESSIONID=.+HttpOnly/);
    expect(setCookie).not.toMatch(/Secure/); // plain http here; the TLS test checks Secure

    const consent = await browser.get(loggedIn.headers.location!);
    expect(consent.text).toContain('M365 Security Tickets (public) would like to connect to your account');
    expect(consent.text).toContain('Logged in as Jane Admin');
    expect(consent.text).toContain('Not you?');
    expect(consent.text).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
    expect(consent.text).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);

    const allowed = await browser.post('/oauth_auth.do', { sysparm_request: hidden(consent.text, 'sysparm_request'), action: 'allow' });
    expect(allowed.status).toBe(302);
    const back = new URL(allowed.headers.location!);
    expect(back.origin + back.pathname).toBe(EXTENSION_REDIRECT_URL);
    expect(back.searchParams.get('state')).toBe('xyz-123');
    const code = back.searchParams.get('code')!;
    expect(code).toBeTruthy();

    const res = await tokenRequest(t, { grant_type: 'authorization_code', code, redirect_uri: EXTENSION_REDIRECT_URL, client_id: PUBLIC_CLIENT.client_id, code_verifier: verifier });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const tokens = res.json();
    expect(Object.keys(tokens).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'scope', 'token_type']);
    expect(tokens).toMatchObject({ scope: 'useraccount', token_type: 'Bearer', expires_in: 1799 });
    expect(tokens.access_token).not.toBe(tokens.refresh_token);

    const me = await api(t, 'GET', ME, tokens.access_token);
    expect(me.status).toBe(200);
    expect(me.json().result).toEqual([
      { sys_id: JANE_ADMIN.sys_id, user_name: 'jane.admin', name: 'Jane Admin', email: 'jane.admin@contoso.com', web_service_access_only: 'false', internal_integration_user: 'false' },
    ]);

    // The code is single use.
    const again = await tokenRequest(t, { grant_type: 'authorization_code', code, redirect_uri: EXTENSION_REDIRECT_URL, client_id: PUBLIC_CLIENT.client_id, code_verifier: verifier });
    expect(again.status).toBe(401);
  });

  it('private client: secret in the body or via HTTP Basic; second authorization skips login', async () => {
    const browser = new Browser(t);
    const first = pkce();
    const r1 = await authorize(browser, authorizePath(PRIVATE_CLIENT, { challenge: first.challenge }));
    const body = await tokenRequest(t, { grant_type: 'authorization_code', code: r1.searchParams.get('code')!, redirect_uri: EXTENSION_REDIRECT_URL, client_id: PRIVATE_CLIENT.client_id, client_secret: PRIVATE_CLIENT.client_secret!, code_verifier: first.verifier });
    expect(body.status).toBe(200);

    // Same browser: the session cookie means consent only, no login form.
    const second = pkce();
    const page = await browser.get(authorizePath(PRIVATE_CLIENT, { challenge: second.challenge }));
    expect(page.text).not.toContain('user_password');
    expect(page.text).toContain('M365 Security Tickets would like to connect to your account');
    const r2 = await authorize(browser, authorizePath(PRIVATE_CLIENT, { challenge: second.challenge }), 'nobody', 'never-used');
    const basic = Buffer.from(`${PRIVATE_CLIENT.client_id}:${PRIVATE_CLIENT.client_secret}`).toString('base64');
    const viaBasic = await tokenRequest(t, { grant_type: 'authorization_code', code: r2.searchParams.get('code')!, redirect_uri: EXTENSION_REDIRECT_URL, code_verifier: second.verifier }, { authorization: `Basic ${basic}` });
    expect(viaBasic.status).toBe(200);
  });

  it('private client without PKCE still works (PKCE optional there)', async () => {
    const r = await authorize(new Browser(t), authorizePath(PRIVATE_CLIENT));
    const res = await tokenRequest(t, { grant_type: 'authorization_code', code: r.searchParams.get('code')!, redirect_uri: EXTENSION_REDIRECT_URL, client_id: PRIVATE_CLIENT.client_id, client_secret: PRIVATE_CLIENT.client_secret! });
    expect(res.status).toBe(200);
  });

  it('wrong or missing secret → 401 invalid_client; a secret for the public client is refused too', async () => {
    const { verifier, challenge } = pkce();
    const r = await authorize(new Browser(t), authorizePath(PRIVATE_CLIENT, { challenge }));
    const base = { grant_type: 'authorization_code', code: r.searchParams.get('code')!, redirect_uri: EXTENSION_REDIRECT_URL, client_id: PRIVATE_CLIENT.client_id, code_verifier: verifier };
    const wrong = await tokenRequest(t, { ...base, client_secret: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'invalid_client' });
    expect(typeof wrong.json().error_description).toBe('string');
    const missing = await tokenRequest(t, base);
    expect(missing.status).toBe(401);
    expect(missing.json().error).toBe('invalid_client');
    const unknown = await tokenRequest(t, { ...base, client_id: 'who' });
    expect(unknown.json().error).toBe('invalid_client');
    // The code survived failed client authentication: the right secret still works.
    expect((await tokenRequest(t, { ...base, client_secret: PRIVATE_CLIENT.client_secret! })).status).toBe(200);

    const p = pkce();
    const rp = await authorize(new Browser(t), authorizePath(PUBLIC_CLIENT, { challenge: p.challenge }));
    const withSecret = await tokenRequest(t, { grant_type: 'authorization_code', code: rp.searchParams.get('code')!, redirect_uri: EXTENSION_REDIRECT_URL, client_id: PUBLIC_CLIENT.client_id, client_secret: 'x', code_verifier: p.verifier });
    expect(withSecret.status).toBe(401);
    expect(withSecret.json().error).toBe('invalid_client');
  });

  it('bad or missing verifier, wrong redirect_uri, expired code → 401 (ServiceNow style body)', async () => {
    const exchange = async (overrides: Record<string, string | undefined>, advanceMs = 0) => {
      const { verifier, challenge } = pkce();
      const r = await authorize(new Browser(t), authorizePath(PUBLIC_CLIENT, { challenge }));
      if (advanceMs) sn.state.setClock({ advanceMs });
      const fields: Record<string, string> = {};
      const all = { grant_type: 'authorization_code', code: r.searchParams.get('code')!, redirect_uri: EXTENSION_REDIRECT_URL, client_id: PUBLIC_CLIENT.client_id, code_verifier: verifier, ...overrides };
      for (const [k, v] of Object.entries(all)) if (v !== undefined) fields[k] = v;
      return tokenRequest(t, fields);
    };
    const badVerifier = await exchange({ code_verifier: pkce().verifier });
    expect(badVerifier.status).toBe(401);
    expect(badVerifier.json()).toEqual({ error: 'server_error', error_description: 'access_denied' });
    expect((await exchange({ code_verifier: undefined })).status).toBe(401);
    expect((await exchange({ code_verifier: 'short' })).status).toBe(401);
    expect((await exchange({ redirect_uri: 'https://evil.example/' })).status).toBe(401);
    expect((await exchange({ code: 'made-up' })).status).toBe(401);
    expect((await exchange({}, 61_000)).status).toBe(401);
    sn.state.setClock({ offsetMs: 0 });
    expect((await exchange({}, 30_000)).status).toBe(200);
  });

  it('unregistered redirect_uri: no error, the code goes to the FIRST registered URL', async () => {
    const other = 'https://other.example/cb';
    await admin(t, 'POST', `clients/${PUBLIC_CLIENT.client_id}`, { redirect_urls: `${other},${EXTENSION_REDIRECT_URL}` });
    const { challenge } = pkce();
    // Registered (second entry) → used as sent.
    const ok = await authorize(new Browser(t), authorizePath(PUBLIC_CLIENT, { challenge, redirectUri: EXTENSION_REDIRECT_URL }));
    expect(ok.origin + ok.pathname).toBe(EXTENSION_REDIRECT_URL);
    // Not registered → silently the first one.
    const wrong = await authorize(new Browser(t), authorizePath(PUBLIC_CLIENT, { challenge, redirectUri: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/' }));
    expect(wrong.toString().startsWith(other + '?')).toBe(true);
    expect(wrong.searchParams.get('code')).toBeTruthy();
  });

  it('authorize request errors are HTML pages', async () => {
    const b = new Browser(t);
    const noState = await b.get(authorizePath(PUBLIC_CLIENT, { challenge: pkce().challenge, state: null }));
    expect(noState.headers['content-type']).toMatch(/^text\/html/);
    expect(noState.text).toContain('Missing State parameter in request');
    const badClient = await b.get(authorizePath({ ...PUBLIC_CLIENT, client_id: '<b>bad</b>' }, { challenge: pkce().challenge }));
    expect(badClient.headers['content-type']).toMatch(/^text\/html/);
    expect(badClient.text).toContain('Invalid client id');
    expect(badClient.text).toContain('&#60;b&#62;bad&#60;/b&#62;');
    expect(badClient.text).not.toContain('<b>bad</b>');
    const noPkce = await b.get(authorizePath(PUBLIC_CLIENT, { challenge: null }));
    expect(noPkce.text).toContain('code_challenge is missing');
    expect(noPkce.text).not.toContain('user_password');
    const plain = await b.get(authorizePath(PUBLIC_CLIENT, { challenge: pkce().challenge, method: 'plain' }));
    expect(plain.text).toContain('only S256');
  });

  it('wrong password shows the login form again with an error, escaping the echoed name', async () => {
    const b = new Browser(t);
    const page = await b.get(authorizePath(PUBLIC_CLIENT, { challenge: pkce().challenge }));
    const res = await b.post('/login.do', { sysparm_request: hidden(page.text, 'sysparm_request'), user_name: '"><script>x()</script>', user_password: 'x' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('User name or password invalid');
    expect(res.text).not.toContain('<script>');
    expect(res.text).toContain('&#34;&#62;&#60;script&#62;');
    const wrong = await b.post('/login.do', { sysparm_request: hidden(page.text, 'sysparm_request'), user_name: 'jane.admin', user_password: 'wrong' });
    expect(wrong.text).toContain('User name or password invalid');
    expect(b.cookies.size).toBe(0);
  });

  it('Deny → access_denied with state', async () => {
    const b = new Browser(t);
    const page = await b.get(authorizePath(PUBLIC_CLIENT, { challenge: pkce().challenge, state: 's1' }));
    const login = await b.post('/login.do', { sysparm_request: hidden(page.text, 'sysparm_request'), user_name: 'jane.admin', user_password: SEED_PASSWORD });
    const consent = await b.get(login.headers.location!);
    const denied = await b.post('/oauth_auth.do', { sysparm_request: hidden(consent.text, 'sysparm_request'), action: 'deny' });
    expect(denied.status).toBe(302);
    const url = new URL(denied.headers.location!);
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.get('state')).toBe('s1');
    expect(url.searchParams.get('code')).toBeNull();
  });

  it('"Not you?" logs out and returns to the login form of the same request', async () => {
    const b = new Browser(t);
    await authorize(b, authorizePath(PUBLIC_CLIENT, { challenge: pkce().challenge }));
    const consent = await b.get(authorizePath(PUBLIC_CLIENT, { challenge: pkce().challenge, state: 'again' }));
    const link = /href="(\/logout\.do\?[^"]+)"/.exec(consent.text)![1]!.replace(/&amp;/g, '&');
    const out = await b.get(link);
    expect(out.status).toBe(302);
    expect(out.headers.location).toMatch(/^\/oauth_auth\.do\?.*state=again/);
    const login = await b.get(out.headers.location!);
    expect(login.text).toContain('name="user_password"');
    // Now as another user.
    const r = await authorize(b, out.headers.location!, 'no.roles');
    expect(r.searchParams.get('state')).toBe('again');
  });

  it('service accounts cannot log in to the UI (default), unless the switch allows it', async () => {
    await admin(t, 'POST', 'users/svc_m365', { web_service_access_only: 'true' });
    const b = new Browser(t);
    const page = await b.get(authorizePath(PUBLIC_CLIENT, { challenge: pkce().challenge }));
    const res = await b.post('/login.do', { sysparm_request: hidden(page.text, 'sysparm_request'), user_name: SVC_USER.user_name, user_password: SEED_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.text).toContain('User name or password invalid');

    await admin(t, 'POST', 'settings', { blockUiLoginForServiceAccounts: false });
    const tokens = await connect(t, PUBLIC_CLIENT, SVC_USER.user_name);
    const me = (await api(t, 'GET', ME, tokens.access_token)).json().result[0];
    expect(me).toMatchObject({ user_name: 'svc_m365', name: 'SVC M365 Integration', email: 'svc_m365@contoso.com', web_service_access_only: 'true' });
  });

  it('token endpoint rejects JSON bodies, unknown grants and GET', async () => {
    const json = await call(t, 'POST', '/oauth_token.do', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: 'x', client_id: PUBLIC_CLIENT.client_id }) });
    expect(json.status).toBe(400);
    expect(json.json().error).toBe('invalid_request');
    const grant = await tokenRequest(t, { grant_type: 'password', client_id: PUBLIC_CLIENT.client_id, username: 'jane.admin', password: SEED_PASSWORD });
    expect(grant.status).toBe(400);
    expect(grant.json().error).toBe('unsupported_grant_type');
    expect((await call(t, 'GET', '/oauth_token.do')).status).toBe(405);
  });
});

describe('refresh, revoke, expiry', () => {
  it('refresh returns a new access token and the SAME refresh token, expiry not extended', async () => {
    const tokens = await connect(t, PUBLIC_CLIENT);
    const before = sn.state.tokens.get(tokens.refresh_token)!.expiresAt;
    sn.state.setClock({ advanceMs: 3_600_000 });
    const res = await tokenRequest(t, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: PUBLIC_CLIENT.client_id });
    expect(res.status).toBe(200);
    const next = res.json();
    expect(next.refresh_token).toBe(tokens.refresh_token);
    expect(next.access_token).not.toBe(tokens.access_token);
    expect(next).toMatchObject({ scope: 'useraccount', token_type: 'Bearer', expires_in: 1799 });
    expect(sn.state.tokens.get(tokens.refresh_token)!.expiresAt).toBe(before);
    // The old access token expired with the clock (1800 s); the new one works.
    expect((await api(t, 'GET', ME, tokens.access_token)).status).toBe(401);
    expect((await api(t, 'GET', ME, next.access_token)).status).toBe(200);
  });

  it('private client must authenticate on refresh too', async () => {
    const tokens = await connect(t, PRIVATE_CLIENT);
    const noSecret = await tokenRequest(t, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: PRIVATE_CLIENT.client_id });
    expect(noSecret.status).toBe(401);
    expect(noSecret.json().error).toBe('invalid_client');
    const other = await tokenRequest(t, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: PUBLIC_CLIENT.client_id });
    expect(other.status).toBe(401);
    const ok = await tokenRequest(t, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: PRIVATE_CLIENT.client_id, client_secret: PRIVATE_CLIENT.client_secret! });
    expect(ok.status).toBe(200);
  });

  it('refresh token expires after its lifespan (configurable per client)', async () => {
    await admin(t, 'POST', `clients/${PUBLIC_CLIENT.client_id}`, { refresh_token_lifespan: 7200, access_token_lifespan: 600 });
    const tokens = await connect(t, PUBLIC_CLIENT);
    expect(tokens.expires_in).toBe(599);
    sn.state.setClock({ advanceMs: 7_200_000 });
    const res = await tokenRequest(t, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: PUBLIC_CLIENT.client_id });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ error: 'server_error', error_description: 'access_denied' });
  });

  it('revoking the refresh token revokes its access tokens; revoking an access token only that one', async () => {
    const a = await connect(t, PUBLIC_CLIENT);
    const b = await connect(t, PUBLIC_CLIENT);
    const revokeAccess = await call(t, 'POST', `/oauth_revoke_token.do?token=${encodeURIComponent(b.access_token)}`);
    expect(revokeAccess.status).toBe(200);
    expect((await api(t, 'GET', ME, b.access_token)).status).toBe(401);
    expect((await tokenRequest(t, { grant_type: 'refresh_token', refresh_token: b.refresh_token, client_id: PUBLIC_CLIENT.client_id })).status).toBe(200);

    expect((await call(t, 'POST', `/oauth_revoke_token.do?token=${encodeURIComponent(a.refresh_token)}`)).status).toBe(200);
    expect((await api(t, 'GET', ME, a.access_token)).status).toBe(401);
    const refused = await tokenRequest(t, { grant_type: 'refresh_token', refresh_token: a.refresh_token, client_id: PUBLIC_CLIENT.client_id });
    expect(refused.status).toBe(401);
    expect((await call(t, 'POST', '/oauth_revoke_token.do?token=unknown')).status).toBe(200);
  });

  it('admin expire-tokens: access → API 401 but refresh works; refresh → refresh refused', async () => {
    const tokens = await connect(t, PUBLIC_CLIENT);
    await admin(t, 'POST', 'expire-tokens', { kind: 'access' });
    const r401 = await api(t, 'GET', ME, tokens.access_token);
    expect(r401.status).toBe(401);
    expect(r401.json()).toEqual({ error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' });
    const refreshed = await tokenRequest(t, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: PUBLIC_CLIENT.client_id });
    expect(refreshed.status).toBe(200);
    await admin(t, 'POST', 'expire-tokens', { kind: 'refresh' });
    expect((await tokenRequest(t, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: PUBLIC_CLIENT.client_id })).status).toBe(401);
    expect((await api(t, 'GET', ME, refreshed.json().access_token)).status).toBe(200);
    await admin(t, 'POST', 'expire-tokens', { kind: 'all' });
    expect((await api(t, 'GET', ME, refreshed.json().access_token)).status).toBe(401);
  });
});
