// Aggregate API: /api/now/stats/{table}?sysparm_count=true&sysparm_group_by=…&sysparm_query=…
import { authorize } from './acl.ts';
import { displayMode, runApi, tableRows } from './api-common.ts';
import { QueryError, parseEncodedQuery, runQuery } from './encoded-query.ts';
import { rest } from './errors.ts';
import { sendJson, type Ctx } from './http-util.ts';
import { displayValue } from './records.ts';
import { schemaOf } from './dictionary.ts';
import type { Row } from './state.ts';

export function handleStatsApi(ctx: Ctx, tableName: string): Promise<void> {
  return runApi(ctx, tableName, (user, table) => {
    if (ctx.method !== 'GET') throw rest.methodNotAllowed();
    const visible = authorize(ctx.state, user, table, 'read');
    const schema = schemaOf(ctx.state, table);
    const display = displayMode(ctx);
    const count = (ctx.url.searchParams.get('sysparm_count') ?? 'false').toLowerCase() === 'true';
    const groupBy = (ctx.url.searchParams.get('sysparm_group_by') ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    for (const f of groupBy) if (!Object.hasOwn(schema, f) || schema[f]!.type === 'journal') throw rest.badRequest(`Invalid sysparm_group_by field '${f}'`);
    let rows: Row[];
    try {
      const q = parseEncodedQuery(ctx.url.searchParams.get('sysparm_query') ?? '', schema, { userName: user.user_name, userSysId: user.sys_id });
      rows = runQuery(tableRows(ctx.state, table).filter(visible), q, schema);
    } catch (e) {
      if (e instanceof QueryError) throw rest.invalidQuery(e.message);
      throw e;
    }
    const stats = (n: number) => (count ? { count: String(n) } : {});
    if (groupBy.length === 0) {
      sendJson(ctx.res, 200, { result: { stats: stats(rows.length) } });
      return;
    }
    const groups = new Map<string, { values: string[]; n: number }>();
    for (const r of rows) {
      const values = groupBy.map((f) => r[f] ?? '');
      const key = JSON.stringify(values);
      const g = groups.get(key);
      if (g) g.n++;
      else groups.set(key, { values, n: 1 });
    }
    // Ordered by the group values (numerically for number fields), like ORDERBY on the group field.
    const sorted = [...groups.values()].sort((a, b) => {
      for (let i = 0; i < groupBy.length; i++) {
        const type = schema[groupBy[i]!]!.type;
        const x = a.values[i]!, y = b.values[i]!;
        const d = type === 'integer' && x !== '' && y !== '' ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
        if (d !== 0) return d;
      }
      return 0;
    });
    const result = sorted.map((g) => ({
      stats: stats(g.n),
      groupby_fields: groupBy.map((field, i) => {
        const value = g.values[i]!;
        if (display === 'false') return { field, value };
        const label = displayValue(ctx.state, table, field, schema[field]!, value);
        return display === 'true' ? { field, value: label } : { field, value, display_value: label };
      }),
    }));
    sendJson(ctx.res, 200, { result });
  });
}
