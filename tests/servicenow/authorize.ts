// The interactive half of OAuth: /oauth_auth.do (validate, then login or consent), /login.do,
// /logout.do ("Not you?"), with a session cookie so a second authorization in the same browser
// only shows consent, like ServiceNow.
import { randomBytes } from 'node:crypto';
import { mediaType, parseCookies, parseForm, readBody, redirect, sendHtml, type Ctx } from './http-util.ts';
import { consentPage, errorPage, loginPage } from './pages.ts';
import { AUTH_CODE_LIFESPAN_SECONDS } from './seed.ts';
import type { PendingAuth, UserRow } from './state.ts';

const SESSION_COOKIE = 'JSESSIONID';
const SESSION_LIFETIME_MS = 30 * 60_000; // glide.ui.session_timeout default
const PENDING_LIFETIME_MS = 10 * 60_000;
const LOGIN_FAILED = 'User name or password invalid';

function randomId(): string {
  return randomBytes(24).toString('hex');
}

function sessionUser(ctx: Ctx): UserRow | null {
  const id = parseCookies(ctx.req.headers.cookie).get(SESSION_COOKIE);
  if (!id) return null;
  const s = ctx.state.sessions.get(id);
  if (!s || s.expiresAt <= ctx.state.now()) return null;
  const user = ctx.state.users.get(s.userSysId);
  if (!user || user.active !== 'true') return null;
  s.expiresAt = ctx.state.now() + SESSION_LIFETIME_MS;
  return user;
}

function cookie(ctx: Ctx, value: string, maxAge?: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax${ctx.secure ? '; Secure' : ''}${maxAge !== undefined ? `; Max-Age=${maxAge}` : ''}`;
}

function takePending(ctx: Ctx, id: string | undefined): PendingAuth | null {
  if (!id) return null;
  const p = ctx.state.pendingAuth.get(id);
  if (!p || p.expiresAt <= ctx.state.now()) return null;
  return p;
}

/** GET /oauth_auth.do */
export function handleAuthorizeGet(ctx: Ctx): void {
  const { state, res } = ctx;
  const q = ctx.url.searchParams;
  const client = state.clients.get(q.get('client_id') ?? '');
  if (!client) return sendHtml(res, 200, errorPage('Invalid client id', `OAuth client_id '${q.get('client_id') ?? ''}' is not registered on this instance.`));
  if (q.get('response_type') !== 'code') return sendHtml(res, 200, errorPage('Invalid request', `Unsupported response_type '${q.get('response_type') ?? ''}'.`));
  const st = q.get('state');
  if (!st) return sendHtml(res, 200, errorPage('Invalid request', 'Missing State parameter in request'));
  const challenge = q.get('code_challenge');
  const method = q.get('code_challenge_method');
  if (challenge !== null || client.public || client.pkce_required) {
    if (!challenge) return sendHtml(res, 200, errorPage('Invalid request', 'PKCE is required for this client: code_challenge is missing.'));
    if (method !== 'S256') return sendHtml(res, 200, errorPage('Invalid request', `Unsupported code_challenge_method '${method ?? ''}': only S256 is accepted.`));
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return sendHtml(res, 200, errorPage('Invalid request', 'Malformed code_challenge.'));
  }
  const redirectUri = q.get('redirect_uri');
  // ServiceNow does not reject an unregistered redirect_uri: it silently uses the first registered URL.
  const target = redirectUri !== null && client.redirect_urls.includes(redirectUri) ? redirectUri : client.redirect_urls[0];
  if (!target) return sendHtml(res, 200, errorPage('Invalid request', 'No redirect URL is registered for this OAuth client.'));
  const id = randomId();
  state.pendingAuth.set(id, {
    query: ctx.url.search.replace(/^\?/, ''),
    clientId: client.client_id,
    redirectTarget: target,
    state: st,
    codeChallenge: challenge,
    redirectUri,
    expiresAt: state.now() + PENDING_LIFETIME_MS,
  });
  const user = sessionUser(ctx);
  if (!user) return sendHtml(res, 200, loginPage({ requestId: id }));
  sendHtml(res, 200, consentPage({ requestId: id, clientName: client.name, userDisplayName: user.name }));
}

async function readForm(ctx: Ctx): Promise<Map<string, string> | null> {
  const body = await readBody(ctx.req);
  if (mediaType(ctx.req) !== 'application/x-www-form-urlencoded') return null;
  return parseForm(body);
}

/** POST /login.do */
export async function handleLogin(ctx: Ctx): Promise<void> {
  const { state, res } = ctx;
  if (ctx.method !== 'POST') return sendHtml(res, 200, loginPage({ requestId: ctx.url.searchParams.get('sysparm_request') ?? '' }));
  const form = await readForm(ctx);
  if (!form) return sendHtml(res, 400, errorPage('Bad request', 'Expected a form submission.'));
  const requestId = form.get('sysparm_request') ?? '';
  const userName = form.get('user_name') ?? '';
  const user = state.findUserByName(userName);
  const serviceAccount = user && (user.web_service_access_only === 'true' || user.internal_integration_user === 'true');
  const ok =
    user !== undefined &&
    user.active === 'true' &&
    user.password === (form.get('user_password') ?? '') &&
    !(serviceAccount && state.settings.blockUiLoginForServiceAccounts);
  if (!ok) return sendHtml(res, 200, loginPage({ requestId, userName, error: LOGIN_FAILED }));
  const sid = randomId();
  state.sessions.set(sid, { userSysId: user.sys_id, expiresAt: state.now() + SESSION_LIFETIME_MS });
  const pending = takePending(ctx, requestId);
  if (pending) state.pendingAuth.delete(requestId);
  // Back to the authorization request, which now finds the session and shows consent.
  redirect(res, pending ? `/oauth_auth.do?${pending.query}` : '/', { 'Set-Cookie': cookie(ctx, sid) });
}

/** GET or POST /logout.do — "Not you?": end the session and restart the authorization at the login form. */
export async function handleLogout(ctx: Ctx): Promise<void> {
  const { state, res } = ctx;
  if (ctx.method === 'POST') await readBody(ctx.req);
  const sid = parseCookies(ctx.req.headers.cookie).get(SESSION_COOKIE);
  if (sid) state.sessions.delete(sid);
  const requestId = ctx.url.searchParams.get('sysparm_request') ?? undefined;
  const pending = takePending(ctx, requestId);
  if (pending && requestId) state.pendingAuth.delete(requestId);
  redirect(res, pending ? `/oauth_auth.do?${pending.query}` : '/', { 'Set-Cookie': cookie(ctx, '', 0) });
}

/** POST /oauth_auth.do — the consent decision. */
export async function handleConsent(ctx: Ctx): Promise<void> {
  const { state, res } = ctx;
  const form = await readForm(ctx);
  if (!form) return sendHtml(res, 400, errorPage('Bad request', 'Expected a form submission.'));
  const requestId = form.get('sysparm_request') ?? '';
  const pending = takePending(ctx, requestId);
  if (!pending) return sendHtml(res, 200, errorPage('Authorization expired', 'This authorization request is unknown or has expired. Start the connection again.'));
  const user = sessionUser(ctx);
  if (!user) return sendHtml(res, 200, loginPage({ requestId }));
  const action = form.get('action');
  if (action !== 'allow' && action !== 'deny') return sendHtml(res, 400, errorPage('Bad request', 'Choose Allow or Deny.'));
  state.pendingAuth.delete(requestId);
  const target = new URL(pending.redirectTarget);
  if (action === 'allow') {
    const code = randomBytes(32).toString('base64url');
    state.codes.set(code, {
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      codeChallenge: pending.codeChallenge,
      userSysId: user.sys_id,
      expiresAt: state.now() + AUTH_CODE_LIFESPAN_SECONDS * 1000,
      used: false,
    });
    target.searchParams.set('code', code);
  } else {
    target.searchParams.set('error', 'access_denied');
  }
  target.searchParams.set('state', pending.state);
  redirect(res, target.toString());
}
