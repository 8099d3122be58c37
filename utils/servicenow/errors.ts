import { AppError } from '../errors';

// ServiceNow answers errors as {"error":{"message","detail"},"status":"failure"} (Table API) or
// {"error","error_description"} (OAuth). Turn each into an AppError that says what to do.

export const CROSS_SCOPE_FIX =
  'In ServiceNow, open System Definition > Tables, find "Application Registries" (oauth_entity), set "Accessible from" to "All application scopes" and check "Can read", then try again.';

export const ROLE_FIX =
  'In ServiceNow, open User Administration > Users, select the integration user and give it the itil role (or a change management role), then try again.';

interface ServiceNowErrorBody {
  error?: { message?: unknown; detail?: unknown } | string;
  error_description?: unknown;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The error text ServiceNow put in a body, whatever its shape. */
export function serviceNowMessage(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const { error, error_description } = body as ServiceNowErrorBody;
  if (typeof error === 'object' && error !== null) {
    return [error.message, error.detail].filter((part) => typeof part === 'string' && part).join(': ');
  }
  return [error, error_description].filter((part) => typeof part === 'string' && part).join(': ');
}

export function instanceUnreachable(host: string, status?: number): AppError {
  return new AppError(
    'instance_unreachable',
    `${host} did not answer like a ServiceNow instance. Check the instance name in the options; a developer instance may be asleep (wake it at developer.servicenow.com) and then try again.`,
    { status },
  );
}

/** Maps a non-2xx ServiceNow REST answer. */
export function mapHttpError(status: number, body: unknown, headers: Headers, host: string): AppError {
  const text = serviceNowMessage(body);
  const said = text ? ` ServiceNow said: "${text.slice(0, 300)}".` : '';
  if (body === undefined) return instanceUnreachable(host, status);
  if (status === 401) {
    return new AppError('reconnect_needed', `ServiceNow no longer accepts the extension's sign-in. Reconnect in the extension.${said}`, { status });
  }
  if (status === 403) {
    if (/cross-scope|cross scope/i.test(text)) {
      return new AppError('cross_scope', `ServiceNow refused access because of a cross-scope access policy.${said} ${CROSS_SCOPE_FIX}`, { status });
    }
    return new AppError('missing_role', `The ServiceNow user is not allowed to do this.${said} ${ROLE_FIX}`, { status });
  }
  if (status === 404) return new AppError('not_found', `ServiceNow could not find the record or table.${said}`, { status });
  if (status === 429) {
    const retryAfter = Number(headers.get('retry-after'));
    const seconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 60;
    return new AppError('rate_limited', `ServiceNow is limiting requests. The extension will try again in ${seconds} seconds.`, { status, retryAfter: seconds });
  }
  if (status >= 500) {
    return new AppError('server_error', `ServiceNow had a problem (HTTP ${status}). Try again in a few minutes.${said}`, { status });
  }
  return new AppError('bad_request', `ServiceNow refused the request (HTTP ${status}).${said}`, { status });
}

/** Maps a fetch that got no answer at all. */
export function mapNetworkError(error: unknown, host: string): AppError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || /timeout|timed out/i.test(String(error))) {
    return new AppError('timeout', `${host} did not answer in time. Check your network and try again.`, { cause: error });
  }
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return new AppError(
    'network',
    offline
      ? 'You are offline. The extension will continue when the network is back.'
      : `Could not reach ${host}. Check the instance name and your network connection, then try again.`,
    { cause: error },
  );
}
