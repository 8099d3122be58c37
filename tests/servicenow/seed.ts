// Seed data of the ServiceNow stand-in. Exported so tests and the demo can log in and assert
// against known values without copying them.

/** The one working instance a fresh stand-in serves (more can be added via state.instances). */
export const INSTANCE_HOST = 'contoso.service-now.com';

/** Password of every seeded user. */
export const SEED_PASSWORD = 'Passw0rd!';

/** Redirect URL of the extension's pinned development id, registered on both OAuth clients. */
export const EXTENSION_REDIRECT_URL = 'https://cpkeknfkjeijkaciapgpgphiimkbilje.chromiumapp.org/';

/** ServiceNow defaults for a new Application Registry entry (seconds). */
export const DEFAULT_ACCESS_TOKEN_LIFESPAN = 1800;
export const DEFAULT_REFRESH_TOKEN_LIFESPAN = 8_640_000;

/** Authorization codes are single use and short lived. */
export const AUTH_CODE_LIFESPAN_SECONDS = 60;

/** Creation time stamped on seeded rows (UTC, ServiceNow format). */
export const SEED_TIME = '2024-01-15 09:00:00';

export interface SeedUser {
  sys_id: string;
  user_name: string;
  name: string;
  email: string;
  roles: string[];
  web_service_access_only: 'true' | 'false';
  internal_integration_user: 'true' | 'false';
  active: 'true' | 'false';
  password: string;
}

/**
 * Dedicated integration user: itil. The authorization-code flow needs an interactive login, which
 * "Web service access only" forbids, so this account leaves that flag off: like real setups, it is
 * recognisable as an integration account by its name (svc_…), not by the flag.
 */
export const SVC_USER: SeedUser = {
  sys_id: '5137153cc611227c000bbd1bd8cd2005',
  user_name: 'svc_m365',
  name: 'SVC M365 Integration',
  email: 'svc_m365@contoso.com',
  roles: ['itil'],
  web_service_access_only: 'false',
  internal_integration_user: 'false',
  active: 'true',
  password: SEED_PASSWORD,
};

/** A personal admin account (what single sign-on often logs people into by mistake). */
export const JANE_ADMIN: SeedUser = {
  sys_id: '6816f79cc0a8016401c5a33be04be441',
  user_name: 'jane.admin',
  name: 'Jane Admin',
  email: 'jane.admin@contoso.com',
  roles: ['itil', 'admin'],
  web_service_access_only: 'false',
  internal_integration_user: 'false',
  active: 'true',
  password: SEED_PASSWORD,
};

/** A personal account without roles: ACLs refuse task tables. */
export const NO_ROLES_USER: SeedUser = {
  sys_id: '9ee1b13dc6112271007f9d0efdb69cd0',
  user_name: 'no.roles',
  name: 'No Roles',
  email: 'no.roles@contoso.com',
  roles: [],
  web_service_access_only: 'false',
  internal_integration_user: 'false',
  active: 'true',
  password: SEED_PASSWORD,
};

export const SEED_USERS: readonly SeedUser[] = [SVC_USER, JANE_ADMIN, NO_ROLES_USER];

export interface SeedClient {
  sys_id: string;
  name: string;
  client_id: string;
  /** null for a public client (no secret at all). */
  client_secret: string | null;
  public: boolean;
  pkce_required: boolean;
  /** ServiceNow stores one comma-separated field; the first URL is the fallback redirect. */
  redirect_urls: string[];
  access_token_lifespan: number;
  refresh_token_lifespan: number;
}

export const PRIVATE_CLIENT: SeedClient = {
  sys_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  name: 'M365 Security Tickets',
  client_id: 'm365-private-client',
  client_secret: 'm365-private-secret',
  public: false,
  pkce_required: false,
  redirect_urls: [EXTENSION_REDIRECT_URL],
  access_token_lifespan: DEFAULT_ACCESS_TOKEN_LIFESPAN,
  refresh_token_lifespan: DEFAULT_REFRESH_TOKEN_LIFESPAN,
};

export const PUBLIC_CLIENT: SeedClient = {
  sys_id: 'b2c3d4e5f60718293a4b5c6d7e8f90a1',
  name: 'M365 Security Tickets (public)',
  client_id: 'm365-public-client',
  client_secret: null,
  public: true,
  pkce_required: true,
  redirect_urls: [EXTENSION_REDIRECT_URL],
  access_token_lifespan: DEFAULT_ACCESS_TOKEN_LIFESPAN,
  refresh_token_lifespan: DEFAULT_REFRESH_TOKEN_LIFESPAN,
};

export const SEED_CLIENTS: readonly SeedClient[] = [PRIVATE_CLIENT, PUBLIC_CLIENT];

/** Number sequences: the first record of each table gets prefix + zero-padded start. */
export const NUMBER_SEQUENCES = {
  change_request: { prefix: 'CHG', start: 30001, digits: 7 },
  incident: { prefix: 'INC', start: 10001, digits: 7 },
} as const;

/** Tables that start empty. */
export const TASK_TABLES = ['change_request', 'incident'] as const;
export type TaskTable = (typeof TASK_TABLES)[number];
