import { AppError } from '../errors';
import { sentences, t } from '../i18n';
import { mandatoryLabels } from './field-labels';

// ServiceNow answers errors as {"error":{"message","detail"},"status":"failure"} (Table API) or
// {"error","error_description"} (OAuth). Turn each into an AppError that says what to do.

/** How to fix a cross-scope refusal, in the UI language. */
export const crossScopeFix = (): string => t('fixCrossScope');

/** How to give the integration user a role that may create tickets, in the UI language. */
export const roleFix = (): string => t('fixRole');

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
  return new AppError('instance_unreachable', t('errInstanceUnreachable', host), { status });
}

/** Maps a non-2xx ServiceNow REST answer. */
/** Retry-After in seconds (RFC 9110: delay-seconds or an HTTP date); 60 when missing or odd. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number {
  if (value === null || value.trim() === '') return 60;
  if (/^\d+$/.test(value.trim())) return Math.min(Number(value), 3600);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, Math.min(3600, Math.ceil((date - now) / 1000))) : 60;
}

export function mapHttpError(status: number, body: unknown, headers: Headers, host: string): AppError {
  const text = serviceNowMessage(body);
  // ServiceNow's own words are quoted as it sent them, never translated.
  const said = text ? t('serviceNowSaid', text.slice(0, 300)) : '';
  // Rate limits and server errors by status alone: a proxy or maintenance page may send HTML.
  if (status === 429) {
    const seconds = retryAfterSeconds(headers.get('retry-after'));
    return new AppError('rate_limited', t('errRateLimited', seconds), { status, retryAfter: seconds });
  }
  if (status >= 500) {
    return new AppError('server_error', sentences(t('errServerError', status), said), { status });
  }
  if (body === undefined) return instanceUnreachable(host, status);
  if (status === 401) {
    return new AppError('reconnect_needed', sentences(t('errSignInRejected'), said), { status });
  }
  if (status === 403) {
    const labels = mandatoryLabels(text);
    if (labels)
      return new AppError('missing_fields', t('errMissingFields', labels.join(', ')), { status, fields: labels });
    const rule = /aborted by Business Rule '([^'^]*)/i.exec(text);
    if (rule) return new AppError('rule_refused', sentences(said, t('errBusinessRule', rule[1]!)), { status });
    if (/cross-scope|cross scope/i.test(text)) {
      return new AppError('cross_scope', sentences(t('errCrossScope'), said, crossScopeFix()), { status });
    }
    return new AppError('missing_role', sentences(t('errMissingRole'), said, roleFix()), { status });
  }
  if (status === 404) return new AppError('not_found', sentences(t('errNotFound'), said), { status });
  return new AppError('bad_request', sentences(t('errBadRequest', status), said), { status });
}

/** Maps a fetch that got no answer at all. */
export function mapNetworkError(error: unknown, host: string): AppError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || /timeout|timed out/i.test(String(error))) {
    return new AppError('timeout', t('errTimeout', host), { cause: error });
  }
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return new AppError('network', offline ? t('errOffline') : t('errNetwork', host), { cause: error });
}
