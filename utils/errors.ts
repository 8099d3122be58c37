import { t } from './i18n';

// One error type for everything the user may see. `message` is written for the user and says
// what to do next; `code` lets callers and tests branch without parsing text.

export type ErrorCode =
  | 'not_configured'
  | 'invalid_instance'
  | 'instance_unreachable'
  | 'network'
  | 'timeout'
  | 'invalid_client'
  | 'redirect_not_registered'
  | 'access_denied'
  | 'auth_failed'
  | 'permission_refused'
  | 'not_connected'
  | 'reconnect_needed'
  | 'missing_role'
  | 'cross_scope'
  | 'not_found'
  | 'duplicate'
  | 'invalid_input'
  | 'bad_request'
  | 'rate_limited'
  | 'server_error'
  | 'bad_response'
  | 'refused_sender'
  | 'invalid_message'
  | 'context_invalidated'
  | 'internal'
  | 'missing_fields'
  | 'rule_refused';

export interface SerializedError {
  code: ErrorCode;
  message: string;
  /** Seconds to wait before retrying (429). */
  retryAfter?: number;
  /** HTTP status from ServiceNow, when there was one. */
  status?: number;
  /** missing_fields: the column labels the instance named. */
  fields?: string[];
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { retryAfter?: number; status?: number; cause?: unknown; fields?: string[] } = {},
  ) {
    super(message, { cause: extra.cause });
  }

  toJSON(): SerializedError {
    const { retryAfter, status, fields } = this.extra;
    return {
      code: this.code,
      message: this.message,
      ...(retryAfter === undefined ? {} : { retryAfter }),
      ...(status === undefined ? {} : { status }),
      ...(fields === undefined ? {} : { fields }),
    };
  }

  static from(serialized: SerializedError): AppError {
    return new AppError(serialized.code, serialized.message, {
      retryAfter: serialized.retryAfter,
      status: serialized.status,
      fields: serialized.fields,
    });
  }
}

/** Anything thrown, as an AppError (unknown errors keep their text but get a generic code). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (/Extension context invalidated|Receiving end does not exist/i.test(text)) {
    return new AppError('context_invalidated', t('errContextInvalidated'), { cause: error });
  }
  return new AppError('internal', t('errInternal', text), { cause: error });
}

/** Whether trying the same request again later can succeed. */
export function isRetryable(error: AppError): boolean {
  return ['network', 'timeout', 'rate_limited', 'server_error', 'instance_unreachable'].includes(error.code);
}
