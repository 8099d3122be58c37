// Table API: /api/now/table/{table}[/{sys_id}] — list with query, fields, paging and headers;
// get, create, update (PATCH/PUT), delete. The parent table `task` is read-only (list and get;
// writes are refused by the ACLs, see acl.ts).
import { authorize } from './acl.ts';
import { booleanParam, displayMode, fieldsParam, integerParam, readJsonObject, runApi, tableRows } from './api-common.ts';
import { QueryError, parseEncodedQuery, runQuery } from './encoded-query.ts';
import { rest } from './errors.ts';
import { send, sendJson, type Ctx } from './http-util.ts';
import { insertRecord, presentRecord, updateRecord, type PresentOptions } from './records.ts';
import { schemaOf } from './dictionary.ts';
import { enforceBusinessRules } from './policies.ts';
import type { TableName } from './schema.ts';
import { TASK_TABLES, type TaskTable } from './seed.ts';
import type { Row, UserRow } from './state.ts';

const DEFAULT_LIMIT = 10_000;

function presentOptions(ctx: Ctx): PresentOptions {
  return { fields: fieldsParam(ctx), display: displayMode(ctx), excludeReferenceLink: booleanParam(ctx, 'sysparm_exclude_reference_link'), origin: ctx.origin, memo: { display: new Map() } };
}

export function handleTableApi(ctx: Ctx, tableName: string, sysId: string | undefined): Promise<void> {
  return runApi(ctx, tableName, async (user, table) => {
    if (sysId === undefined) {
      if (ctx.method === 'GET') return list(ctx, user, table);
      if (ctx.method === 'POST') return create(ctx, user, table);
      throw rest.methodNotAllowed();
    }
    if (ctx.method === 'GET') return getOne(ctx, user, table, sysId);
    if (ctx.method === 'PATCH' || ctx.method === 'PUT') return update(ctx, user, table, sysId);
    if (ctx.method === 'DELETE') return remove(ctx, user, table, sysId);
    throw rest.methodNotAllowed();
  });
}

function list(ctx: Ctx, user: UserRow, table: TableName): void {
  const visible = authorize(ctx.state, user, table, 'read');
  const present = presentOptions(ctx);
  const limit = integerParam(ctx, 'sysparm_limit', DEFAULT_LIMIT, 1);
  const offset = integerParam(ctx, 'sysparm_offset', 0, 0);
  let rows: Row[];
  try {
    const schema = schemaOf(ctx.state, table);
    const q = parseEncodedQuery(ctx.url.searchParams.get('sysparm_query') ?? '', schema, { userName: user.user_name, userSysId: user.sys_id });
    rows = runQuery(tableRows(ctx.state, table).filter(visible), q, schema);
  } catch (e) {
    if (e instanceof QueryError) throw rest.invalidQuery(e.message);
    throw e;
  }
  const total = rows.length;
  const result = rows.slice(offset, offset + limit).map((r) => presentRecord(ctx.state, table, r, present));
  // sysparm_suppress_pagination_header=true: ServiceNow leaves the Link header out.
  const headers: Record<string, string> = { 'X-Total-Count': String(total) };
  if (!booleanParam(ctx, 'sysparm_suppress_pagination_header')) headers.Link = linkHeader(ctx, total, limit, offset);
  sendJson(ctx.res, 200, { result }, headers);
}

/** Link header like ServiceNow's: first, prev (when not on the first page), next (when more), last. */
function linkHeader(ctx: Ctx, total: number, limit: number, offset: number): string {
  const at = (o: number, rel: string) => {
    const u = new URL(ctx.origin + ctx.path);
    for (const [k, v] of ctx.url.searchParams) if (k !== 'sysparm_limit' && k !== 'sysparm_offset') u.searchParams.append(k, v);
    u.searchParams.set('sysparm_limit', String(limit));
    u.searchParams.set('sysparm_offset', String(o));
    return `<${u.toString()}>;rel="${rel}"`;
  };
  const links = [at(0, 'first')];
  if (offset > 0) links.push(at(Math.max(0, offset - limit), 'prev'));
  if (offset + limit < total) links.push(at(offset + limit, 'next'));
  links.push(at(total === 0 ? 0 : Math.floor((total - 1) / limit) * limit, 'last'));
  return links.join(',');
}

function findVisible(ctx: Ctx, table: TableName, sysId: string, visible: (r: Row) => boolean): Row {
  const row = tableRows(ctx.state, table).find((r) => r.sys_id === sysId);
  if (!row || !visible(row)) throw rest.noRecord();
  return row;
}

function getOne(ctx: Ctx, user: UserRow, table: TableName, sysId: string): void {
  const visible = authorize(ctx.state, user, table, 'read');
  const present = presentOptions(ctx);
  const row = findVisible(ctx, table, sysId, visible);
  sendJson(ctx.res, 200, { result: presentRecord(ctx.state, table, row, present) });
}

/** Tables the Table API writes; the others are refused by authorize() (read only through the API). */
function writable(table: TableName): table is TaskTable {
  return (TASK_TABLES as readonly string[]).includes(table);
}

async function create(ctx: Ctx, user: UserRow, table: TableName): Promise<void> {
  authorize(ctx.state, user, table, 'create');
  if (!writable(table)) throw rest.aclInsert(); // authorize() refused already
  const present = presentOptions(ctx);
  const body = await readJsonObject(ctx);
  const row = insertRecord(ctx.state, table, body, user);
  if (ctx.logEntry) ctx.logEntry.created = { table, sys_id: row.sys_id!, number: row.number! };
  sendJson(ctx.res, 201, { result: presentRecord(ctx.state, table, row, present) }, { Location: `${ctx.origin}/api/now/table/${table}/${row.sys_id}` });
}

async function update(ctx: Ctx, user: UserRow, table: TableName, sysId: string): Promise<void> {
  authorize(ctx.state, user, table, 'write');
  if (!writable(table)) throw rest.aclUpdate(); // authorize() refused already
  const visible = authorize(ctx.state, user, table, 'read');
  const present = presentOptions(ctx);
  const body = await readJsonObject(ctx);
  findVisible(ctx, table, sysId, visible);
  const row = ctx.state.tables[table].rows.get(sysId)!;
  updateRecord(ctx.state, table, row, body, user);
  sendJson(ctx.res, 200, { result: presentRecord(ctx.state, table, row, present) });
}

function remove(ctx: Ctx, user: UserRow, table: TableName, sysId: string): void {
  authorize(ctx.state, user, table, 'delete');
  if (!writable(table)) throw rest.aclDelete(); // authorize() refused already
  const row = ctx.state.tables[table].rows.get(sysId);
  if (!row) throw rest.noRecord();
  enforceBusinessRules(ctx.state, table, row, 'delete');
  ctx.state.deleteRecord(table, sysId, user.user_name);
  send(ctx.res, 204, '');
}
