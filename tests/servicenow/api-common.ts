// Shared prelude of the REST APIs (/api/now/...): JSON-only answers, Bearer authentication,
// the rows of a table as strings, and sysparm_* parameter parsing.
import { authenticateBearer } from './oauth.ts';
import { rest } from './errors.ts';
import { mediaType, readBody, sendJson, type Ctx } from './http-util.ts';
import { SCHEMAS, isStoredTable, isTableName, type TableName } from './schema.ts';
import { asApiError, type DisplayMode } from './records.ts';
import { TASK_TABLES } from './seed.ts';
import type { Row, StandInState, UserRow } from './state.ts';

/** Accept must allow JSON (the product always sends Accept: application/json). */
function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const type = part.split(';')[0]!.trim().toLowerCase();
    return type === 'application/json' || type === '*/*' || type === 'application/*';
  });
}

/** Runs an API handler with auth and ServiceNow-shaped errors. */
export async function runApi(ctx: Ctx, table: string, handler: (user: UserRow, table: TableName) => Promise<void> | void): Promise<void> {
  try {
    if (!acceptsJson(ctx.req.headers.accept)) throw rest.notAcceptable();
    const user = authenticateBearer(ctx.state, ctx.req.headers.authorization);
    if (!user) throw rest.notAuthenticated();
    if (!isTableName(table)) throw rest.invalidTable(table);
    await handler(user, table);
  } catch (e) {
    const err = asApiError(e);
    sendJson(ctx.res, err.status, err.body(), err.headers);
  }
}

/**
 * The rows of a table as stored strings (users projected to their dictionary fields). `task` is
 * the union of its child tables (change requests, then incidents): the same stored rows, so a
 * change is seen through both; presentRecord and the query parser limit them to task's fields.
 */
export function tableRows(state: StandInState, table: TableName): Row[] {
  if (table === 'task') return TASK_TABLES.flatMap((t) => [...state.tables[t].rows.values()]);
  if (isStoredTable(table)) return [...state.store[table].values()];
  if (table !== 'sys_user') return [...state.tables[table].rows.values()];
  return [...state.users.values()].map((u) => {
    const row: Row = {};
    for (const f of Object.keys(SCHEMAS.sys_user)) row[f] = String((u as unknown as Record<string, unknown>)[f] ?? '');
    return row;
  });
}

export function displayMode(ctx: Ctx): DisplayMode {
  const v = (ctx.url.searchParams.get('sysparm_display_value') ?? 'false').toLowerCase();
  if (v !== 'true' && v !== 'false' && v !== 'all') throw rest.badRequest(`Invalid sysparm_display_value '${v}'`, 'Use true, false or all');
  return v;
}

export function booleanParam(ctx: Ctx, name: string): boolean {
  const v = (ctx.url.searchParams.get(name) ?? 'false').toLowerCase();
  if (v !== 'true' && v !== 'false') throw rest.badRequest(`Invalid ${name} '${v}'`, 'Use true or false');
  return v === 'true';
}

export function integerParam(ctx: Ctx, name: string, fallback: number, min: number): number {
  const v = ctx.url.searchParams.get(name);
  if (v === null || v === '') return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min) throw rest.badRequest(`Invalid ${name} '${v}'`, `Expected an integer >= ${min}`);
  return Number(v);
}

export function fieldsParam(ctx: Ctx): string[] | undefined {
  const v = ctx.url.searchParams.get('sysparm_fields');
  if (v === null || v.trim() === '') return undefined;
  return v.split(',').map((f) => f.trim()).filter(Boolean);
}

/** Reads a JSON object body; wrong content type or malformed JSON → 400 like ServiceNow. */
export async function readJsonObject(ctx: Ctx): Promise<Record<string, unknown>> {
  const body = await readBody(ctx.req);
  const type = mediaType(ctx.req);
  if (type !== 'application/json') throw rest.invalidPayload(`Content-Type '${type || '(none)'}' is not supported; send application/json`);
  if (body.trim() === '') throw rest.invalidPayload('Request body is empty');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw rest.invalidPayload('The payload is not valid JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw rest.invalidPayload('The payload must be a JSON object.');
  return value as Record<string, unknown>;
}

