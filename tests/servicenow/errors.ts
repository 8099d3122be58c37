// Error answers in the exact shapes ServiceNow uses, so the product's error handling is
// exercised against the real formats (REST: {error:{message,detail},status:"failure"};
// OAuth: {error,error_description}).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail: string | null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
  body(): RestErrorBody {
    return restErrorBody(this.message, this.detail);
  }
}

export interface RestErrorBody {
  error: { message: string; detail: string | null };
  status: 'failure';
}

export function restErrorBody(message: string, detail: string | null): RestErrorBody {
  return { error: { message, detail }, status: 'failure' };
}

export type ScopedOperation = 'Read' | 'Create' | 'Write' | 'Delete';

export const rest = {
  notAuthenticated: () => new ApiError(401, 'User Not Authenticated', 'Required to provide Auth information', { 'WWW-Authenticate': 'BASIC realm="Service-now"' }),
  invalidTable: (table: string) => new ApiError(400, `Invalid table ${table}`, null),
  noRecord: () => new ApiError(404, 'No Record found', "Record doesn't exist or ACL restricts the record retrieval"),
  badRequest: (message: string, detail: string | null = null) => new ApiError(400, message, detail),
  invalidPayload: (detail: string) => new ApiError(400, 'Exception while reading request', detail),
  invalidQuery: (detail: string) => new ApiError(400, 'Invalid encoded query', detail),
  noResource: () => new ApiError(400, 'Requested URI does not represent any resource', null),
  methodNotAllowed: () => new ApiError(405, 'Method not Supported', 'The requested method is not supported for this resource'),
  notAcceptable: () => new ApiError(406, 'Requested response format is not supported', 'Send Accept: application/json'),
  aclRead: () => new ApiError(403, 'Insufficient rights', 'ACL Exception Read Failed due to security constraints'),
  aclInsert: () => new ApiError(403, 'Operation Failed', 'ACL Exception Insert Failed due to security constraints'),
  aclUpdate: () => new ApiError(403, 'Operation Failed', 'ACL Exception Update Failed due to security constraints'),
  aclDelete: () => new ApiError(403, 'Operation Failed', 'ACL Exception Delete Failed due to security constraints'),
  crossScope: (op: ScopedOperation) =>
    new ApiError(
      403,
      `${op} operation against 'oauth_entity' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy`,
      null,
    ),
};

export interface OAuthErrorBody {
  error: string;
  error_description: string;
}

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${description}`);
  }
  body(): OAuthErrorBody {
    return { error: this.code, error_description: this.description };
  }
}

export const oauth = {
  invalidRequest: (description: string) => new OAuthError(400, 'invalid_request', description),
  invalidClient: (description: string) =>
    new OAuthError(401, 'invalid_client', description, { 'WWW-Authenticate': 'Basic realm="oauth"' }),
  unsupportedGrant: (grant: string) => new OAuthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grant}`),
  // A real instance answers every refused code, verifier or refresh token with this exact
  // 401 body (not RFC 6749's invalid_grant): the product must treat any 401 from
  // /oauth_token.do as "grant refused", whatever the error code says.
  refusedGrant: () => new OAuthError(401, 'server_error', 'access_denied'),
};
