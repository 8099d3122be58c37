import browser from 'webextension-polyfill';
import { authorizeInteractively } from '../auth/authorize';
import { bindingOf, secretStore, type ClientSecretLookup } from '../auth/secret-store';
import { requestTokens } from '../auth/token-endpoint';
import { AppError, toAppError } from '../errors';
import { t } from '../i18n';
import { originPattern, parseInstance } from '../servicenow/instance';
import { authMemo, connectionConfig, type ConnectionConfig } from '../storage';
import { probeInstance, revokeTokens } from './probe';
import type { ConnectionProgress } from './progress';

// Connect: host permission (custom domains), a live instance, the OAuth sign-in window
// (authorization code + PKCE) and the token request. Errors about the client or the
// authorization are remembered for the checklist.

const AUTH_ERROR_CODES = [
  'invalid_client',
  'redirect_not_registered',
  'access_denied',
  'auth_failed',
  'permission_refused',
];

/** Signs in to the configured instance and stores the tokens; throws what went wrong. */
export async function signIn(progress: ConnectionProgress, config: ConnectionConfig): Promise<void> {
  const generation = progress.disconnects;
  // Settings and secret are captured once: the secret is only ever sent with the settings it was read with.
  const secretNow = () => secretStore.clientSecretFor(bindingOf(config));
  const captured = await secretNow();
  const clientSecret = captured.state === 'bound' ? captured.secret : undefined;
  const unchanged = async () =>
    generation === progress.disconnects &&
    sameClient(await connectionConfig.get(), config) &&
    sameSecret(await secretNow(), captured);
  try {
    // A secret entered for another instance or client is never sent, and no sign-in without it.
    if (captured.state === 'other')
      throw new AppError('invalid_client', t('errSecretNotForClient', config.instanceHost));
    // Permission first: without it the instance cannot even be probed.
    if (!config.isServiceNowCloud) {
      const granted = await browser.permissions.contains({
        origins: [originPattern(parseInstance(config.instanceHost))],
      });
      if (!granted) {
        throw new AppError('permission_refused', t('errPermissionNeeded', config.instanceHost));
      }
      await authMemo.set({ ...(await authMemo.get()), grantedOrigin: config.instanceOrigin });
    }
    await probeInstance(config.instanceOrigin);
    const { code, codeVerifier, redirectUri } = await authorizeInteractively(config.instanceOrigin, config.clientId);
    // The settings may have changed or been removed while the sign-in window was open: then no
    // token request at all (the code and the secret would go to settings nobody confirmed).
    if (!(await unchanged())) throw new AppError('auth_failed', t('errSettingsChangedDuringSignIn'));
    const issued = await requestTokens(
      { origin: config.instanceOrigin, clientId: config.clientId, clientSecret },
      { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier },
    );
    if (!(await unchanged())) {
      await revokeTokens(config.instanceOrigin, issued);
      throw new AppError('auth_failed', t('errSettingsChangedDuringSignIn'));
    }
    await revokeReplacedTokens();
    await secretStore.setTokens(issued);
    await authMemo.set({ ...(await authMemo.get()), reconnectNeeded: false, lastAuthError: undefined });
  } catch (error) {
    const appError = toAppError(error);
    if (AUTH_ERROR_CODES.includes(appError.code)) {
      await authMemo.set({ ...(await authMemo.get()), lastAuthError: appError.toJSON() });
    }
    throw appError;
  }
}

function sameSecret(now: ClientSecretLookup, captured: ClientSecretLookup): boolean {
  return now.state === 'bound' && captured.state === 'bound'
    ? now.secret === captured.secret
    : now.state === captured.state;
}

function sameClient(now: ConnectionConfig | null, config: ConnectionConfig): boolean {
  return now?.instanceOrigin === config.instanceOrigin && now.clientId === config.clientId;
}

/** Reconnecting replaces the tokens: the old ones are revoked where they were issued, never elsewhere. */
async function revokeReplacedTokens(): Promise<void> {
  const old = await secretStore.getTokens();
  if (old?.origin) await revokeTokens(old.origin, old);
}
