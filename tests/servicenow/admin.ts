// Test-only control interface under /__admin/. Deliberately separate from the public API:
// no Bearer token, no faults, no hibernation, not logged, reachable on any host — and every
// route only calls a StandInState method, so in-process tests can do the same directly.
import { mediaType, readBody, sendJson, type Ctx } from './http-util.ts';
import type { CustomFieldInput } from './dictionary.ts';
import type { BusinessRuleInput, DataPolicyInput } from './policies.ts';
import { STORED_TABLES, isStoredTable, type StoredTable } from './schema.ts';
import { TASK_TABLES, type TaskTable } from './seed.ts';
import type { FaultInput, ScheduleInput, SettingsInput } from './state.ts';

class AdminError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function jsonBody(ctx: Ctx): Promise<Record<string, unknown>> {
  const text = await readBody(ctx.req);
  if (text.trim() === '') return {};
  if (mediaType(ctx.req) !== 'application/json' && mediaType(ctx.req) !== '') throw new AdminError(400, 'admin routes take application/json');
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    return v as Record<string, unknown>;
  } catch {
    throw new AdminError(400, 'body must be a JSON object');
  }
}

function taskTable(name: string): TaskTable {
  if (!(TASK_TABLES as readonly string[]).includes(name)) throw new AdminError(404, `unknown table ${name} (change_request, incident)`);
  return name as TaskTable;
}

/** A table the admin record routes serve: the ticket tables and the stored ones. */
function recordTable(name: string): TaskTable | StoredTable {
  if ((TASK_TABLES as readonly string[]).includes(name) || isStoredTable(name)) return name as TaskTable | StoredTable;
  throw new AdminError(404, `unknown table ${name} (${[...TASK_TABLES, ...STORED_TABLES].join(', ')})`);
}

const isTask = (table: TaskTable | StoredTable): table is TaskTable => (TASK_TABLES as readonly string[]).includes(table);

/** Errors of the configuration helpers (bad input) become 400s. */
function attempt<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof AdminError) throw e;
    throw new AdminError(400, e instanceof Error ? e.message : String(e));
  }
}

function enabled(body: Record<string, unknown>): boolean {
  return body.enabled === undefined ? true : body.enabled === true || body.enabled === 'true';
}

export async function handleAdmin(ctx: Ctx): Promise<void> {
  try {
    const result = await route(ctx);
    sendJson(ctx.res, 200, result ?? { ok: true });
  } catch (e) {
    const status = e instanceof AdminError ? e.status : 400;
    sendJson(ctx.res, status, { ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}

async function route(ctx: Ctx): Promise<unknown> {
  const { state, method } = ctx;
  const parts = ctx.path.split('/').slice(2).map(decodeURIComponent); // drop '' and '__admin'
  const [a, b, c] = parts;
  const body = method === 'POST' || method === 'PUT' || method === 'PATCH' ? await jsonBody(ctx) : {};

  switch (`${method} ${a ?? ''}`) {
    case 'POST reset':
      state.reset();
      return { ok: true };
    case 'GET faults':
      if (b === 'schedule') {
        const schedule = state.faultSchedule();
        return schedule ? { active: true, ...schedule } : { active: false };
      }
      if (b === 'counts') return state.faultCounts();
      return state.faults;
    case 'POST faults':
      if (b === 'schedule') return { ok: true, schedule: state.setFaultSchedule(body as unknown as ScheduleInput) };
      return { ok: true, fault: state.addFault(body as unknown as FaultInput) };
    case 'DELETE faults':
      if (b === 'schedule') state.clearFaultSchedule();
      else if (b === 'counts') state.clearFaultCounts();
      else state.clearFaults();
      return { ok: true };
    case 'POST expire-tokens': {
      const kind = (body.kind ?? 'all') as string;
      if (kind !== 'access' && kind !== 'refresh' && kind !== 'all') throw new AdminError(400, 'kind must be access, refresh or all');
      return { ok: true, expired: state.expireTokens(kind) };
    }
    case 'POST cross-scope':
      state.setCrossScope(enabled(body));
      return { ok: true, enabled: state.crossScopeBlocked };
    case 'POST hibernate':
      state.setHibernating(enabled(body));
      return { ok: true, enabled: state.hibernating };
    case 'GET settings':
      return state.settings;
    case 'POST settings':
      return attempt(() => state.updateSettings(body as SettingsInput));
    case 'GET clock':
      return { now: new Date(state.now()).toISOString(), offsetMs: state.clockOffsetMs };
    case 'POST clock':
      state.setClock(body as { offsetMs?: number; advanceMs?: number; now?: string });
      return { now: new Date(state.now()).toISOString(), offsetMs: state.clockOffsetMs };
    case 'GET instances':
      return [...state.instances];
    case 'POST instances':
      if (typeof body.host !== 'string' || !/^[a-z0-9.-]+$/i.test(body.host)) throw new AdminError(400, 'host must be a host name');
      state.addInstance(body.host);
      return { ok: true, instances: [...state.instances] };
    case 'DELETE instances':
      if (!b) throw new AdminError(400, 'DELETE /__admin/instances/{host}');
      state.removeInstance(b);
      return { ok: true, instances: [...state.instances] };
    case 'GET log':
      return state.getLog();
    case 'DELETE log':
      state.clearLog();
      return { ok: true };
    case 'POST users': {
      if (!b) throw new AdminError(400, 'POST /__admin/users/{user_name}[/roles]');
      if (c === 'roles') {
        if (!Array.isArray(body.roles)) throw new AdminError(400, 'roles must be an array');
        const u = state.setRoles(b, body.roles as string[]);
        if (!u) throw new AdminError(404, `unknown user ${b}`);
        return { ok: true, user_name: u.user_name, roles: u.roles };
      }
      const fields = (body.fields ?? body) as Parameters<typeof state.updateUser>[1];
      const u = state.updateUser(b, fields);
      if (!u) throw new AdminError(404, `unknown user ${b}`);
      return { ok: true, user_name: u.user_name };
    }
    case 'POST clients': {
      if (!b) throw new AdminError(400, 'POST /__admin/clients/{client_id}');
      const client = state.updateClient(b, body as Parameters<typeof state.updateClient>[1]);
      if (!client) throw new AdminError(404, `unknown client ${b}`);
      const { client_secret: _secret, ...visible } = client;
      return { ok: true, client: visible };
    }
    case 'GET records': {
      const table = recordTable(b ?? '');
      if (!isTask(table)) return state.storedRows(table);
      return state.allRecords(table, { includeDeleted: ctx.url.searchParams.get('deleted') === 'true' });
    }
    case 'POST records': {
      const table = recordTable(b ?? '');
      const fields = (body.fields ?? body) as Record<string, unknown>;
      if (!isTask(table)) {
        if (!c) return { ok: true, record: attempt(() => state.createStoredRow(table, fields)) };
        const row = attempt(() => state.updateStoredRow(table, c, fields));
        if (!row) throw new AdminError(404, `no ${table} record ${c}`);
        return { ok: true, record: row };
      }
      if (!c) return { ok: true, record: state.createRecord(table, fields) };
      const row = state.updateRecord(table, c, fields);
      if (!row) throw new AdminError(404, `no ${table} record ${c}`);
      return { ok: true, record: row };
    }
    case 'DELETE records': {
      const table = recordTable(b ?? '');
      const deleted = c !== undefined && (isTask(table) ? state.deleteRecord(table, c) : state.deleteStoredRow(table, c));
      if (!deleted) throw new AdminError(404, `no ${table} record ${c ?? ''}`);
      return { ok: true };
    }
    case 'GET data-policies':
      return state.storedRows('sys_data_policy2').map((policy) => ({ policy, rules: state.storedRows('sys_data_policy_rule').filter((r) => r.sys_data_policy === policy.sys_id) }));
    case 'POST data-policies':
      return { ok: true, ...attempt(() => state.addDataPolicy(body as unknown as DataPolicyInput)) };
    case 'DELETE data-policies':
      if (!b) state.clearDataPolicies();
      else if (!state.deleteStoredRow('sys_data_policy2', b)) throw new AdminError(404, `no data policy ${b}`);
      return { ok: true };
    case 'GET business-rules':
      return state.storedRows('sys_script');
    case 'POST business-rules':
      return { ok: true, rule: attempt(() => state.addBusinessRule(body as unknown as BusinessRuleInput)) };
    case 'DELETE business-rules':
      if (!b) state.store.sys_script.clear();
      else if (!state.deleteStoredRow('sys_script', b)) throw new AdminError(404, `no business rule ${b}`);
      return { ok: true };
    case 'POST dictionary':
      if (!b || !c) throw new AdminError(400, 'POST /__admin/dictionary/{table}/{element}');
      return { ok: true, entry: attempt(() => state.updateDictionary(b, c, body as { mandatory?: boolean; column_label?: string })) };
    case 'POST custom-fields':
      return { ok: true, entry: attempt(() => state.addCustomField(body as unknown as CustomFieldInput)) };
    case 'POST seed': {
      const table = taskTable(b ?? '');
      return { ok: true, ...state.seedRecords(table, { count: Number(body.count), correlationPrefix: body.correlationPrefix as string | undefined, fields: body.fields as Record<string, unknown> | undefined }) };
    }
    default:
      throw new AdminError(404, `unknown admin route ${method} ${ctx.path}`);
  }
}
