import { AppError } from '../errors';
import { t } from '../i18n';
import { serviceNowMessage } from '../servicenow/errors';
import { badResponse, serviceNowFetch } from '../servicenow/http';
import type { StoredTokens } from './secret-store';

// POST /oauth_token.do for both grants. ServiceNow answers
// {"access_token","refresh_token","scope","token_type":"Bearer","expires_in":1799}
// or 400/401 {"error":"invalid_grant"|"invalid_client"|…,"error_description":…}.

export interface ClientCredentials {
  origin: string;
  clientId: string;
  clientSecret?: string;
}

export type TokenGrant =
  | { grant_type: 'authorization_code'; code: string; redirect_uri: string; code_verifier: string }
  | { grant_type: 'refresh_token'; refresh_token: string };

interface TokenAnswer {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
}

function isTokenAnswer(body: unknown): body is TokenAnswer {
  const b = body as Partial<TokenAnswer> | null;
  return typeof b?.access_token === 'string' && b.access_token !== '' && typeof Number(b.expires_in) === 'number';
}

export class TokenGrantRefused extends AppError {}

export async function requestTokens(
  client: ClientCredentials,
  grant: TokenGrant,
  previousRefreshToken?: StoredTokens,
): Promise<StoredTokens> {
  const form: Record<string, string> = { ...grant, client_id: client.clientId };
  if (client.clientSecret) form.client_secret = client.clientSecret;
  const host = new URL(client.origin).host;
  const { status, body } = await serviceNowFetch(client.origin, '/oauth_token.do', {
    method: 'POST',
    form,
    returnClientErrors: true,
  });
  if (status >= 400) {
    const code = (body as { error?: unknown } | null)?.error;
    const said = serviceNowMessage(body);
    if (
      code === 'invalid_client' ||
      (status === 401 && grant.grant_type === 'authorization_code' && code !== 'invalid_grant')
    ) {
      throw new AppError(
        'invalid_client',
        t(client.clientSecret ? 'errInvalidClientSecret' : 'errInvalidClient', said || `HTTP ${status}`, host),
        { status },
      );
    }
    if (grant.grant_type === 'refresh_token') {
      throw new TokenGrantRefused('reconnect_needed', t('errRefreshRefused'), { status });
    }
    throw new AppError('auth_failed', t('errSignInRefused', said || `HTTP ${status}`), { status });
  }
  if (!isTokenAnswer(body)) throw badResponse(t('badResponseNoAccessToken'));
  const now = Date.now();
  const expiresIn = Math.max(60, Number(body.expires_in) || 1800);
  const refreshToken = body.refresh_token ?? previousRefreshToken?.refreshToken;
  if (!refreshToken) throw badResponse(t('badResponseNoRefreshToken'));
  return {
    accessToken: body.access_token,
    refreshToken,
    accessExpiresAt: now + expiresIn * 1000,
    // ServiceNow returns the same refresh token on refresh and does not extend it: keep its age.
    refreshIssuedAt:
      previousRefreshToken && previousRefreshToken.refreshToken === refreshToken
        ? previousRefreshToken.refreshIssuedAt
        : now,
    origin: client.origin,
    clientId: client.clientId,
  };
}
