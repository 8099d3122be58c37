// OAuth token service: /oauth_token.do (authorization_code and refresh_token grants),
// /oauth_revoke_token.do, and Bearer validation for the REST APIs.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { OAuthError, oauth } from './errors.ts';
import { mediaType, parseForm, readBody, sendJson, send, type Ctx } from './http-util.ts';
import type { ClientRow, StandInState, UserRow } from './state.ts';

/** Opaque random token, URL-safe, like ServiceNow's 86-character tokens. */
export function newToken(): string {
  return randomBytes(64).toString('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** RFC 7636 S256: BASE64URL(SHA256(verifier)) === challenge; verifier 43-128 unreserved characters. */
export function pkceMatches(verifier: string, challenge: string): boolean {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  return safeEqual(createHash('sha256').update(verifier).digest('base64url'), challenge);
}

/** The user behind a valid `Authorization: Bearer` header, or null (missing, unknown, expired, revoked). */
export function authenticateBearer(state: StandInState, authorization: string | undefined): UserRow | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m) return null;
  const t = state.tokens.get(m[1]!);
  if (!t || t.kind !== 'access' || t.revoked || t.expiresAt <= state.now()) return null;
  const user = state.users.get(t.userSysId);
  if (!user || user.active !== 'true') return null;
  return user;
}

/** Client authentication: HTTP Basic or body parameters (not both), per RFC 6749 §2.3.1. */
function authenticateClient(state: StandInState, req: Ctx['req'], form: Map<string, string>): ClientRow {
  let id = form.get('client_id');
  let secret = form.get('client_secret');
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    if (secret !== undefined) throw oauth.invalidRequest('Client credentials sent both in the Authorization header and in the body');
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0) throw oauth.invalidClient('Malformed Basic credentials');
    const basicId = decodeURIComponent(decoded.slice(0, i));
    if (id !== undefined && id !== basicId) throw oauth.invalidRequest('client_id differs between header and body');
    id = basicId;
    secret = decodeURIComponent(decoded.slice(i + 1));
  }
  if (!id) throw oauth.invalidClient('Missing client_id');
  const client = state.clients.get(id);
  if (!client) throw oauth.invalidClient('Client authentication failed: unknown client_id');
  if (client.public) {
    // A public entry has no secret; one sent anyway means the product is misconfigured.
    if (secret) throw oauth.invalidClient('Client authentication failed: this client is public and has no secret');
  } else if (!secret || client.client_secret === null || !safeEqual(secret, client.client_secret)) {
    throw oauth.invalidClient('Client authentication failed: missing or wrong client_secret');
  }
  return client;
}

function issueTokens(state: StandInState, client: ClientRow, userSysId: string, refreshToken?: string): Record<string, unknown> {
  const now = state.now();
  let refresh = refreshToken;
  if (!refresh) {
    refresh = newToken();
    state.tokens.set(refresh, { kind: 'refresh', clientId: client.client_id, userSysId, issuedAt: now, expiresAt: now + client.refresh_token_lifespan * 1000, revoked: false });
  }
  const access = newToken();
  state.tokens.set(access, { kind: 'access', clientId: client.client_id, userSysId, issuedAt: now, expiresAt: now + client.access_token_lifespan * 1000, revoked: false, refreshToken: refresh });
  return {
    access_token: access,
    refresh_token: refresh,
    scope: 'useraccount',
    token_type: 'Bearer',
    // ServiceNow answers one second less than the lifespan (1800 → 1799).
    expires_in: Math.max(0, client.access_token_lifespan - 1),
  };
}

export async function handleToken(ctx: Ctx): Promise<void> {
  const { req, res, state } = ctx;
  try {
    if (ctx.method !== 'POST') throw new OAuthError(405, 'invalid_request', 'Use POST', { Allow: 'POST' });
    const body = await readBody(req);
    // ServiceNow reads form parameters only; a JSON body is an error, not an alternative.
    if (mediaType(req) !== 'application/x-www-form-urlencoded') throw oauth.invalidRequest('Content-Type must be application/x-www-form-urlencoded');
    const form = parseForm(body);
    const grant = form.get('grant_type');
    if (grant) ctx.logExtra.grant_type = grant;
    if (!grant) throw oauth.invalidRequest('Missing grant_type');
    if (grant !== 'authorization_code' && grant !== 'refresh_token') throw oauth.unsupportedGrant(grant);
    const client = authenticateClient(state, req, form);
    const answer = grant === 'authorization_code' ? exchangeCode(state, client, form) : refresh(state, client, form);
    sendJson(res, 200, answer, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  } catch (e) {
    if (e instanceof OAuthError) sendJson(res, e.status, e.body(), { 'Cache-Control': 'no-store', ...e.headers });
    else sendJson(res, 500, { error: 'server_error', error_description: e instanceof Error ? e.message : String(e) });
  }
}

function exchangeCode(state: StandInState, client: ClientRow, form: Map<string, string>): Record<string, unknown> {
  const codeValue = form.get('code');
  if (!codeValue) throw oauth.invalidRequest('Missing code');
  const code = state.codes.get(codeValue);
  if (!code || code.clientId !== client.client_id) throw oauth.refusedGrant();
  if (code.used) {
    // A replayed code revokes what it produced (RFC 6749 §4.1.2).
    if (code.issuedRefreshToken) revokeToken(state, code.issuedRefreshToken);
    throw oauth.refusedGrant();
  }
  code.used = true;
  if (code.expiresAt <= state.now()) throw oauth.refusedGrant();
  if (code.redirectUri !== null && form.get('redirect_uri') !== code.redirectUri) throw oauth.refusedGrant();
  if (code.codeChallenge !== null) {
    const verifier = form.get('code_verifier');
    if (!verifier || !pkceMatches(verifier, code.codeChallenge)) throw oauth.refusedGrant();
  }
  const user = state.users.get(code.userSysId);
  if (!user || user.active !== 'true') throw oauth.refusedGrant();
  const answer = issueTokens(state, client, code.userSysId);
  code.issuedRefreshToken = String(answer.refresh_token);
  return answer;
}

function refresh(state: StandInState, client: ClientRow, form: Map<string, string>): Record<string, unknown> {
  const value = form.get('refresh_token');
  if (!value) throw oauth.invalidRequest('Missing refresh_token');
  const t = state.tokens.get(value);
  if (!t || t.kind !== 'refresh' || t.revoked || t.expiresAt <= state.now() || t.clientId !== client.client_id) throw oauth.refusedGrant();
  const user = state.users.get(t.userSysId);
  if (!user || user.active !== 'true') throw oauth.refusedGrant();
  // Same refresh token back, expiry unchanged: ServiceNow does not rotate or extend it.
  return issueTokens(state, client, t.userSysId, value);
}

/** POST /oauth_revoke_token.do?token=… — no authentication; unknown tokens are not an error. */
export async function handleRevoke(ctx: Ctx): Promise<void> {
  const { req, res, state } = ctx;
  if (ctx.method !== 'POST') {
    sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST' }, { Allow: 'POST' });
    return;
  }
  const body = await readBody(req);
  const token = ctx.url.searchParams.get('token') ?? (mediaType(req) === 'application/x-www-form-urlencoded' ? parseForm(body).get('token') : undefined);
  if (!token) {
    sendJson(res, 400, { error: 'invalid_request', error_description: 'Missing token' });
    return;
  }
  revokeToken(state, token);
  send(res, 200, '');
}

/** Revokes a token; revoking a refresh token also revokes the access tokens issued with it. */
export function revokeToken(state: StandInState, token: string): void {
  const t = state.tokens.get(token);
  if (!t) return;
  t.revoked = true;
  if (t.kind === 'refresh') for (const other of state.tokens.values()) if (other.refreshToken === token) other.revoked = true;
}
