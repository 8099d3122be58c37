import browser from 'webextension-polyfill';
import { AppError } from '../errors';
import { t } from '../i18n';
import { codeChallengeS256, createCodeVerifier, randomToken } from './pkce';

// Authorization code + PKCE (S256) + state through browser.identity.launchWebAuthFlow.
// ServiceNow silently redirects an unregistered redirect_uri to the first registered one, so a
// window that never comes back most likely means the redirect URL is not registered.

const NEVER_RETURNED_MS = 5 * 60 * 1000;

export interface AuthorizationResult {
  code: string;
  codeVerifier: string;
  redirectUri: string;
}

export function redirectUrl(): string {
  return browser.identity.getRedirectURL();
}

export function redirectNotRegistered(redirectUri: string): AppError {
  return new AppError('redirect_not_registered', t('errRedirectNotRegistered', redirectUri));
}

export async function authorizeInteractively(origin: string, clientId: string): Promise<AuthorizationResult> {
  const redirectUri = redirectUrl();
  const state = randomToken();
  const codeVerifier = createCodeVerifier();
  const url = new URL('/oauth_auth.do', origin);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    state,
    code_challenge: await codeChallengeS256(codeVerifier),
    code_challenge_method: 'S256',
  }).toString();

  let timer: ReturnType<typeof setTimeout> | undefined;
  let responseUrl: string | undefined;
  try {
    responseUrl = await Promise.race([
      browser.identity.launchWebAuthFlow({ url: url.href, interactive: true }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(redirectNotRegistered(redirectUri)), NEVER_RETURNED_MS);
      }),
    ]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const text = error instanceof Error ? error.message : String(error);
    // The instance answered before the window opened (connect probes it first), so a page that
    // "could not be loaded" is most likely where ServiceNow sent an unregistered redirect URL;
    // a window the user had to close means the same, or that they gave up.
    void text;
    throw redirectNotRegistered(redirectUri);
  } finally {
    clearTimeout(timer);
  }

  const answer = new URL(responseUrl ?? redirectUri);
  const params = new URLSearchParams(answer.search || answer.hash.slice(1));
  if (params.get('state') !== state) {
    throw new AppError('auth_failed', t('errStateMismatch'));
  }
  const error = params.get('error');
  if (error === 'access_denied') {
    throw new AppError('access_denied', t('errAccessDenied'));
  }
  const code = params.get('code');
  if (error || !code) {
    throw new AppError('auth_failed', error ? t('errNotAuthorizedCode', error.slice(0, 80)) : t('errNotAuthorized'));
  }
  return { code, codeVerifier, redirectUri };
}
