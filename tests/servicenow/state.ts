// All mutable data of one stand-in: users, OAuth registry, tokens, sessions, tables, switches,
// faults and the request log. Every admin route is a thin wrapper around a method here, so
// in-process tests can call the same functions directly.
import { FaultBook, type Fault, type FaultInput, type ScheduleInput, type ScheduleStatus } from './fault-book.ts';
import { addCustomField, dictionaryEntry, type CustomFieldInput } from './dictionary.ts';
import { createBusinessRule, createDataPolicy, setDictionaryMandatory, type BusinessRuleInput, type DataPolicyInput } from './policies.ts';
import { formatGlideDateTime, insertRecord, insertStoredRow, normalizeGlideDateTime, updateRecord, updateStoredRow } from './records.ts';
import { STORED_TABLES, isStoredTable, type StoredTable } from './schema.ts';
import { seedStoredTables } from './seed-reference.ts';
import {
  DEFAULT_ACCESS_TOKEN_LIFESPAN,
  DEFAULT_REFRESH_TOKEN_LIFESPAN,
  INSTANCE_HOST,
  NUMBER_SEQUENCES,
  SEED_CLIENTS,
  SEED_TIME,
  SEED_USERS,
  SVC_USER,
  TASK_TABLES,
  type SeedClient,
  type SeedUser,
  type TaskTable,
} from './seed.ts';

export type { Fault, FaultInput, FaultKind, ScheduleEntry, ScheduleInput, ScheduleStatus } from './fault-book.ts';

/** A stored record: every value is a string, as ServiceNow returns them. */
export type Row = Record<string, string>;

export interface UserRow extends SeedUser {
  sys_created_on: string;
  sys_created_by: string;
  sys_updated_on: string;
  sys_updated_by: string;
  sys_mod_count: string;
}

export type ClientRow = SeedClient;

export interface JournalEntry {
  element: string;
  value: string;
  sys_created_on: string;
  sys_created_by: string;
}

/** Admin view of a record: stored values plus its journal entries. */
export interface RecordWithJournal {
  [field: string]: string | JournalEntry[];
  journal: JournalEntry[];
}

export interface TableStore {
  rows: Map<string, Row>;
  /** sys_journal_field equivalent: write-only work notes / comments per record. */
  journal: Map<string, JournalEntry[]>;
  /** Deleted records (sys_audit_delete equivalent), for the soak judge. */
  deleted: DeletedRecord[];
  next: number;
}

export interface DeletedRecord extends RecordWithJournal {
  sys_deleted_on: string;
  sys_deleted_by: string;
}

export interface TokenRow {
  kind: 'access' | 'refresh';
  clientId: string;
  userSysId: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
  /** For access tokens: the refresh token they were issued with (revoking it revokes them). */
  refreshToken?: string;
}

export interface AuthCode {
  clientId: string;
  /** redirect_uri exactly as sent to /oauth_auth.do (null when absent). */
  redirectUri: string | null;
  codeChallenge: string | null;
  userSysId: string;
  expiresAt: number;
  used: boolean;
  /** Refresh token issued for this code (revoked if the code is replayed). */
  issuedRefreshToken?: string;
}

export interface PendingAuth {
  /** Original /oauth_auth.do query string, replayed after login / "Not you?". */
  query: string;
  clientId: string;
  redirectTarget: string;
  state: string;
  codeChallenge: string | null;
  redirectUri: string | null;
  expiresAt: number;
}

export interface Session {
  userSysId: string;
  expiresAt: number;
}

export interface LogEntry {
  /** When the request arrived (the instance clock). */
  t: string;
  method: string;
  path: string;
  /** Query parameters; values of token/secret-like parameters are redacted. */
  query: Record<string, string>;
  /** Status sent; 0 while in flight and when no answer (or no status line) was ever sent. */
  status: number;
  host: string;
  grant_type?: string;
  /** The TCP/TLS connection (1, 2, … per stand-in) and the request's place on it (1 = first). */
  connection: number;
  connection_request: number;
  /** correlation_id of a JSON request body (Table API writes), when present. */
  correlation_id?: string;
  /** Values of settings.logBodyFields found in a JSON request body. */
  body?: Record<string, string>;
  /** Label of the fault injected into this request. */
  fault?: string;
  /** The record this request inserted (also set when a late create happens after the answer was lost). */
  created?: { table: string; sys_id: string; number: string };
  /** When the answer finished or the connection closed. */
  done_at?: string;
}

export interface StandInSettings {
  /**
   * "Web service access only" and "Internal integration user" accounts cannot log in to the
   * UI on a real instance, and the OAuth authorization page is a UI login. On by default.
   */
  blockUiLoginForServiceAccounts: boolean;
  /**
   * How reads of task tables without the itil/admin role are refused: '403' (default, clear
   * error) or 'empty' (200 with no rows / 404 for a single record, as ACL-filtered reads can
   * look on a real instance).
   */
  aclReadDenied: '403' | 'empty';
  /**
   * A hardened instance whose ACLs refuse reads of the parent table `task` (403 "Insufficient
   * rights" on /table/task and /stats/task for every user) while change_request and incident stay
   * readable. Off by default (a base instance lets itil read task).
   */
  taskReadDenied: boolean;
  /**
   * Fields of JSON request bodies copied into the request log (`body`), e.g. a custom request
   * identity field. correlation_id is always logged on its own too.
   */
  logBodyFields: string[];
  /**
   * Who may read each stored table through the Table API: 'all' (any signed-in user), 'itil'
   * (itil or admin), 'admin', or 'none'. Refused reads answer like task reads (aclReadDenied).
   * Defaults: groups and choices for everyone, CIs for itil, dictionary, data policies and
   * business rules for admin only (schema and configuration tables are admin-only on instances).
   */
  readAccess: Record<StoredTable, ReadAccess>;
  /** Who may DELETE change requests and incidents: 'admin' (default, as on a base instance) or 'itil'. */
  deleteAccess: 'admin' | 'itil';
  /**
   * A reference (assignment_group, cmdb_ci, assigned_to) to a record that does not exist (or was
   * deleted): 'refuse' (default, the stricter customized instance: a business rule aborts the
   * write) or 'accept' (a base instance: stored, display value empty).
   */
  invalidReference: 'refuse' | 'accept';
  /**
   * A value of a choice field (category, type) that is not an active choice: 'refuse' (default:
   * 400, stricter than an instance, which stores it silently) or 'accept'.
   */
  invalidChoice: 'refuse' | 'accept';
}

export type ReadAccess = 'all' | 'itil' | 'admin' | 'none';

/** Settings as given at start-up or to updateSettings: any subset, readAccess per table. */
export type SettingsInput = Partial<Omit<StandInSettings, 'readAccess'>> & { readAccess?: Partial<Record<StoredTable, ReadAccess>> };

export const DEFAULT_READ_ACCESS: Readonly<Record<StoredTable, ReadAccess>> = {
  sys_user_group: 'all',
  cmdb_ci: 'itil',
  sys_choice: 'all',
  sys_dictionary: 'admin',
  sys_dictionary_override: 'admin',
  sys_data_policy2: 'admin',
  sys_data_policy_rule: 'admin',
  sys_script: 'admin',
};

export const DEFAULT_SETTINGS: Readonly<StandInSettings> = {
  blockUiLoginForServiceAccounts: true,
  aclReadDenied: '403',
  taskReadDenied: false,
  logBodyFields: ['correlation_id'],
  readAccess: DEFAULT_READ_ACCESS,
  deleteAccess: 'admin',
  invalidReference: 'refuse',
  invalidChoice: 'refuse',
};

function copySettings(s: StandInSettings): StandInSettings {
  return { ...s, logBodyFields: [...s.logBodyFields], readAccess: { ...s.readAccess } };
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new Error(`${name} must be ${allowed.map((a) => `'${a}'`).join(' or ')}`);
  return value as T;
}

export interface SeedRequest {
  count: number;
  correlationPrefix?: string;
  fields?: Record<string, unknown>;
}

const SECOND = 1000;

export class StandInState {
  /** Hosts answered as the working instance (all share this data); tests may push custom domains. */
  instances: string[] = [];
  users = new Map<string, UserRow>();
  /** OAuth registry (oauth_entity) by client_id. */
  clients = new Map<string, ClientRow>();
  tables = {} as Record<TaskTable, TableStore>;
  tokens = new Map<string, TokenRow>();
  codes = new Map<string, AuthCode>();
  sessions = new Map<string, Session>();
  pendingAuth = new Map<string, PendingAuth>();
  /** Queued one-off faults, the random schedule and the counters of injected faults. */
  faultBook = new FaultBook();
  log: LogEntry[] = [];
  /** Bumped by reset(): work scheduled before (late creates) is dropped. */
  generation = 0;
  hibernating = false;
  crossScopeBlocked = false;
  settings: StandInSettings = copySettings(DEFAULT_SETTINGS);
  /** Reference data and configuration: groups, CIs, choices, dictionary, data policies, business rules. */
  store = {} as Record<StoredTable, Map<string, Row>>;
  /** Added to the real clock: lets tests make changes happen "later" and tokens expire. */
  clockOffsetMs = 0;
  /** Settings restored by reset() (the defaults, or what the stand-in was started with). */
  private readonly initialSettings: StandInSettings;

  constructor(settings: SettingsInput = {}) {
    this.initialSettings = copySettings({ ...DEFAULT_SETTINGS, ...settings, readAccess: { ...DEFAULT_READ_ACCESS, ...settings.readAccess } });
    this.reset();
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** The instance clock as ServiceNow writes it (UTC 'YYYY-MM-DD HH:MM:SS'). */
  nowGlide(): string {
    return formatGlideDateTime(this.now());
  }

  /** Back to the seed: data, tokens, sessions, switches, faults, log, clock, hosts. */
  reset(): void {
    this.instances = [INSTANCE_HOST];
    this.users = new Map(
      SEED_USERS.map((u) => [
        u.sys_id,
        { ...u, roles: [...u.roles], sys_created_on: SEED_TIME, sys_created_by: 'admin', sys_updated_on: SEED_TIME, sys_updated_by: 'admin', sys_mod_count: '0' },
      ]),
    );
    this.clients = new Map(SEED_CLIENTS.map((c) => [c.client_id, { ...c, redirect_urls: [...c.redirect_urls] }]));
    this.tables = {} as Record<TaskTable, TableStore>;
    for (const t of TASK_TABLES) this.tables[t] = { rows: new Map(), journal: new Map(), deleted: [], next: NUMBER_SEQUENCES[t].start };
    const seeded = seedStoredTables();
    this.store = {} as Record<StoredTable, Map<string, Row>>;
    for (const t of STORED_TABLES) this.store[t] = new Map(seeded[t].map((r) => [r.sys_id!, r]));
    this.tokens.clear();
    this.codes.clear();
    this.sessions.clear();
    this.pendingAuth.clear();
    this.faultBook.reset();
    this.log = [];
    this.generation++;
    this.hibernating = false;
    this.crossScopeBlocked = false;
    this.settings = copySettings(this.initialSettings);
    this.clockOffsetMs = 0;
  }

  // ---- hosts ---------------------------------------------------------------------------

  addInstance(host: string): void {
    if (!this.isInstanceHost(host)) this.instances.push(host.toLowerCase());
  }

  removeInstance(host: string): void {
    this.instances = this.instances.filter((h) => h.toLowerCase() !== host.toLowerCase());
  }

  isInstanceHost(host: string): boolean {
    return this.instances.some((h) => h.toLowerCase() === host.toLowerCase());
  }

  // ---- switches ------------------------------------------------------------------------

  setHibernating(enabled: boolean): void {
    this.hibernating = enabled;
  }

  setCrossScope(enabled: boolean): void {
    this.crossScopeBlocked = enabled;
  }

  updateSettings(patch: SettingsInput): StandInSettings {
    if (patch.blockUiLoginForServiceAccounts !== undefined) this.settings.blockUiLoginForServiceAccounts = !!patch.blockUiLoginForServiceAccounts;
    if (patch.aclReadDenied !== undefined) {
      if (patch.aclReadDenied !== '403' && patch.aclReadDenied !== 'empty') throw new Error("aclReadDenied must be '403' or 'empty'");
      this.settings.aclReadDenied = patch.aclReadDenied;
    }
    if (patch.taskReadDenied !== undefined) this.settings.taskReadDenied = String(patch.taskReadDenied) === 'true';
    if (patch.readAccess !== undefined) {
      if (!patch.readAccess || typeof patch.readAccess !== 'object') throw new Error('readAccess must be an object {table: all|itil|admin|none}');
      for (const [table, access] of Object.entries(patch.readAccess)) {
        if (!isStoredTable(table)) throw new Error(`readAccess: unknown table ${table} (${STORED_TABLES.join(', ')})`);
        this.settings.readAccess[table] = oneOf(`readAccess.${table}`, access, ['all', 'itil', 'admin', 'none'] as const);
      }
    }
    if (patch.deleteAccess !== undefined) this.settings.deleteAccess = oneOf('deleteAccess', patch.deleteAccess, ['admin', 'itil'] as const);
    if (patch.invalidReference !== undefined) this.settings.invalidReference = oneOf('invalidReference', patch.invalidReference, ['refuse', 'accept'] as const);
    if (patch.invalidChoice !== undefined) this.settings.invalidChoice = oneOf('invalidChoice', patch.invalidChoice, ['refuse', 'accept'] as const);
    if (patch.logBodyFields !== undefined) {
      if (!Array.isArray(patch.logBodyFields)) throw new Error('logBodyFields must be an array of field names');
      this.settings.logBodyFields = patch.logBodyFields.map(String);
    }
    return copySettings(this.settings);
  }

  /** Sets the clock: absolute offset, relative advance, or a wanted "now" (Date, ms or 'YYYY-MM-DD HH:MM:SS' UTC). */
  setClock(opts: { offsetMs?: number; advanceMs?: number; now?: string | number | Date }): number {
    if (opts.offsetMs !== undefined) this.clockOffsetMs = Number(opts.offsetMs);
    if (opts.advanceMs !== undefined) this.clockOffsetMs += Number(opts.advanceMs);
    if (opts.now !== undefined) {
      let target: number;
      if (opts.now instanceof Date) target = opts.now.getTime();
      else if (typeof opts.now === 'number') target = opts.now;
      else {
        const glide = normalizeGlideDateTime(opts.now);
        target = glide ? Date.parse(glide.replace(' ', 'T') + 'Z') : Date.parse(opts.now);
      }
      if (Number.isNaN(target)) throw new Error(`Invalid time: ${String(opts.now)}`);
      this.clockOffsetMs = target - Date.now();
    }
    return this.now();
  }

  // ---- users and OAuth registry --------------------------------------------------------

  findUserByName(userName: string): UserRow | undefined {
    for (const u of this.users.values()) if (u.user_name === userName) return u;
    return undefined;
  }

  setRoles(userName: string, roles: string[]): UserRow | undefined {
    const u = this.findUserByName(userName);
    if (u) u.roles = roles.map(String);
    return u;
  }

  /** Changes user attributes (active, web_service_access_only, internal_integration_user, name, email, password). */
  updateUser(userName: string, fields: Partial<Pick<UserRow, 'active' | 'web_service_access_only' | 'internal_integration_user' | 'name' | 'email' | 'password' | 'roles'>>): UserRow | undefined {
    const u = this.findUserByName(userName);
    if (!u) return undefined;
    for (const f of ['active', 'web_service_access_only', 'internal_integration_user'] as const) {
      const v = fields[f];
      if (v !== undefined) u[f] = String(v) === 'true' ? 'true' : 'false';
    }
    if (fields.name !== undefined) u.name = String(fields.name);
    if (fields.email !== undefined) u.email = String(fields.email);
    if (fields.password !== undefined) u.password = String(fields.password);
    if (fields.roles !== undefined) u.roles = fields.roles.map(String);
    u.sys_updated_on = formatGlideDateTime(this.now());
    u.sys_mod_count = String(Number(u.sys_mod_count) + 1);
    return u;
  }

  updateClient(
    clientId: string,
    patch: { redirect_urls?: string[] | string; access_token_lifespan?: number; refresh_token_lifespan?: number; client_secret?: string | null; public?: boolean; pkce_required?: boolean; name?: string },
  ): ClientRow | undefined {
    const c = this.clients.get(clientId);
    if (!c) return undefined;
    if (patch.redirect_urls !== undefined) {
      // ServiceNow keeps one comma-separated field.
      const list = Array.isArray(patch.redirect_urls) ? patch.redirect_urls : String(patch.redirect_urls).split(',');
      c.redirect_urls = list.map((s) => String(s).trim()).filter(Boolean);
    }
    if (patch.access_token_lifespan !== undefined) c.access_token_lifespan = Number(patch.access_token_lifespan) || DEFAULT_ACCESS_TOKEN_LIFESPAN;
    if (patch.refresh_token_lifespan !== undefined) c.refresh_token_lifespan = Number(patch.refresh_token_lifespan) || DEFAULT_REFRESH_TOKEN_LIFESPAN;
    if (patch.client_secret !== undefined) c.client_secret = patch.client_secret === null ? null : String(patch.client_secret);
    if (patch.public !== undefined) c.public = !!patch.public;
    if (patch.pkce_required !== undefined) c.pkce_required = !!patch.pkce_required;
    if (patch.name !== undefined) c.name = String(patch.name);
    return c;
  }

  /** Makes current tokens expired (the tokens stay known: refusals look like real expiry). */
  expireTokens(kind: 'access' | 'refresh' | 'all'): number {
    let n = 0;
    const past = this.now() - SECOND;
    for (const t of this.tokens.values()) {
      if (kind === 'all' || t.kind === kind) {
        t.expiresAt = Math.min(t.expiresAt, past);
        n++;
      }
    }
    return n;
  }

  // ---- records -------------------------------------------------------------------------

  /** Creates a record as if `asUser` (default svc_m365) inserted it; may set system fields. */
  createRecord(table: TaskTable, fields: Record<string, unknown> = {}, asUser = SVC_USER.user_name): Row {
    const user = this.findUserByName(asUser);
    if (!user) throw new Error(`Unknown user ${asUser}`);
    return insertRecord(this, table, fields, user, { privileged: true });
  }

  /** Changes a record like a fulfiller would (bumps sys_updated_on unless given explicitly). */
  updateRecord(table: TaskTable, sysId: string, fields: Record<string, unknown>, asUser = 'jane.admin'): Row | undefined {
    const row = this.tables[table].rows.get(sysId);
    const user = this.findUserByName(asUser);
    if (!row || !user) return undefined;
    updateRecord(this, table, row, fields, user, { privileged: true });
    return row;
  }

  /** Deletes a record (kept in `deleted` for the admin view); `by` is who deleted it. */
  deleteRecord(table: TaskTable, sysId: string, by = 'admin'): boolean {
    const store = this.tables[table];
    const row = store.rows.get(sysId);
    if (!row) return false;
    store.deleted.push({ ...row, journal: [...(store.journal.get(sysId) ?? [])], sys_deleted_on: this.nowGlide(), sys_deleted_by: by });
    store.journal.delete(sysId);
    return store.rows.delete(sysId);
  }

  /**
   * All rows of a table with their journal entries (admin view; the API never shows journals):
   * canceled and closed ones too; with includeDeleted, deleted ones after them (sys_deleted_on set).
   */
  allRecords(table: TaskTable, opts: { includeDeleted?: boolean } = {}): RecordWithJournal[] {
    const store = this.tables[table];
    const live = [...store.rows.values()].map((r) => ({ ...r, journal: [...(store.journal.get(r.sys_id!) ?? [])] }));
    return opts.includeDeleted ? [...live, ...store.deleted.map((d) => ({ ...d, journal: [...d.journal] }))] : live;
  }

  // ---- reference data and configuration ------------------------------------------------

  /** Rows of a stored table (groups, CIs, choices, dictionary, policies, business rules). */
  storedRows(table: StoredTable): Row[] {
    return [...this.store[table].values()].map((r) => ({ ...r }));
  }

  createStoredRow(table: StoredTable, fields: Record<string, unknown>): Row {
    return insertStoredRow(this, table, fields);
  }

  updateStoredRow(table: StoredTable, sysId: string, fields: Record<string, unknown>): Row | undefined {
    const row = this.store[table].get(sysId);
    return row ? updateStoredRow(this, table, row, fields) : undefined;
  }

  /** Deletes a stored row (a deleted group leaves dangling references behind, as on an instance). */
  deleteStoredRow(table: StoredTable, sysId: string): boolean {
    if (table === 'sys_data_policy2') for (const [id, r] of this.store.sys_data_policy_rule) if (r.sys_data_policy === sysId) this.store.sys_data_policy_rule.delete(id);
    return this.store[table].delete(sysId);
  }

  /** Makes `fields` mandatory on `table` through a data policy (see policies.ts). */
  addDataPolicy(input: DataPolicyInput): { policy: Row; rules: Row[] } {
    return createDataPolicy(this, input);
  }

  /** Removes every data policy (and its rules). */
  clearDataPolicies(): void {
    this.store.sys_data_policy2.clear();
    this.store.sys_data_policy_rule.clear();
  }

  addBusinessRule(input: BusinessRuleInput): Row {
    return createBusinessRule(this, input);
  }

  /** Dictionary change: mandatory flag and/or label of a field (advisory: not enforced on web services). */
  updateDictionary(table: string, element: string, patch: { mandatory?: boolean | string; column_label?: string }): Row {
    let row: Row | undefined;
    if (patch.mandatory !== undefined) row = setDictionaryMandatory(this, table, element, String(patch.mandatory) === 'true');
    if (patch.column_label !== undefined) {
      const entry = dictionaryEntry(this, table, element);
      if (!entry) throw new Error(`no dictionary entry ${table}.${element}`);
      entry.column_label = String(patch.column_label);
      row ??= entry;
    }
    if (!row) throw new Error('give mandatory and/or column_label');
    return row;
  }

  addCustomField(input: CustomFieldInput): Row {
    return addCustomField(this, input);
  }

  /** Bulk-creates `count` records quickly; correlation_id = prefix + running index (1-based, zero-padded). */
  seedRecords(table: TaskTable, req: SeedRequest): { created: number; first: string | null; last: string | null } {
    const count = Math.max(0, Math.floor(Number(req.count) || 0));
    const user = this.findUserByName(SVC_USER.user_name) ?? [...this.users.values()][0]!;
    const width = String(count).length;
    let first: string | null = null;
    let last: string | null = null;
    const label = table === 'incident' ? 'incident' : 'change request';
    for (let i = 1; i <= count; i++) {
      const fields: Record<string, unknown> = { short_description: `Seeded ${label} ${i}`, ...req.fields };
      if (req.correlationPrefix !== undefined) fields.correlation_id = `${req.correlationPrefix}${String(i).padStart(width, '0')}`;
      const row = insertRecord(this, table, fields, user, { privileged: true });
      first ??= row.number!;
      last = row.number!;
    }
    return { created: count, first, last };
  }

  // ---- faults and log ------------------------------------------------------------------

  /** Queued faults (consumed in order of matching requests). */
  get faults(): Fault[] {
    return this.faultBook.queued;
  }

  addFault(input: FaultInput): Fault {
    return this.faultBook.add(input);
  }

  /** Clears queued faults and the schedule (the counters stay until reset or clearFaultCounts). */
  clearFaults(): void {
    this.faultBook.clear();
  }

  setFaultSchedule(input: ScheduleInput): ScheduleStatus {
    return this.faultBook.setSchedule(input);
  }

  faultSchedule(): ScheduleStatus | undefined {
    return this.faultBook.scheduleStatus();
  }

  clearFaultSchedule(): void {
    this.faultBook.clearSchedule();
  }

  /** Faults injected since the last reset, by label (e.g. {"status-429": 3, "drop-before-answer": 1}). */
  faultCounts(): Record<string, number> {
    return { ...this.faultBook.counts };
  }

  clearFaultCounts(): void {
    this.faultBook.counts = {};
  }

  /** Returns (and consumes) the fault for this request: a queued one, else a draw from the schedule. */
  takeFault(method: string, path: string): Fault | undefined {
    return this.faultBook.take(method, path);
  }

  getLog(): LogEntry[] {
    return this.log.map((e) => ({ ...e, query: { ...e.query }, ...(e.body ? { body: { ...e.body } } : {}), ...(e.created ? { created: { ...e.created } } : {}) }));
  }

  clearLog(): void {
    this.log = [];
  }
}
