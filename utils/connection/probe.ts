import { AppError } from '../errors';
import { serviceNowFetch } from '../servicenow/http';

/** Without a token the Table API must answer 401 in JSON: that proves a live ServiceNow instance. */
export async function probeInstance(origin: string): Promise<void> {
  try {
    await serviceNowFetch(origin, '/api/now/table/sys_user', { query: { sysparm_limit: 1 }, timeoutMs: 15_000 });
  } catch (error) {
    if (error instanceof AppError && error.extra.status === 401) return;
    throw error;
  }
}

/** Revokes both tokens at ServiceNow, best effort (it answers 200 whatever the token). */
export async function revokeTokens(
  origin: string,
  tokens: { refreshToken: string; accessToken: string },
): Promise<void> {
  await Promise.allSettled(
    [tokens.refreshToken, tokens.accessToken].map((token) =>
      serviceNowFetch(origin, '/oauth_revoke_token.do', { method: 'POST', query: { token }, timeoutMs: 5000 }),
    ),
  );
}
