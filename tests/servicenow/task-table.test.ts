// @vitest-environment node
// The parent table `task` through the Table and Aggregate APIs: the union of change requests and
// incidents with task-level fields only, sys_class_name, read-only, same ACLs, paging and log.
import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMAS } from './schema.ts';
import type { ServiceNowStandIn } from './server.ts';
import { signedInUsers } from './signed-in-users.ts';
import { admin, api, type Target } from './test-client.ts';

const users = signedInUsers();
let sn: ServiceNowStandIn;
let t: Target;
let jane: string; // itil + admin
let svc: string; // itil
let none: string; // no roles
beforeEach(() => ({ sn, t, jane, svc, none } = users));

const TASK = '/api/now/table/task';
const STATS = '/api/now/stats/task';
const q = (query: string) => `sysparm_query=${encodeURIComponent(query)}`;

/** Two change requests (one assessed), one incident in progress, one change that is not ours. */
function seedMixed() {
  sn.state.setClock({ now: '2026-11-23 10:00:00' });
  const chg1 = sn.state.createRecord('change_request', { short_description: 'Change 1', correlation_id: 'm365ss-A', type: 'emergency', start_date: '2026-12-01 00:00:00' });
  sn.state.setClock({ advanceMs: 1000 });
  const inc1 = sn.state.createRecord('incident', { short_description: 'Incident 1', correlation_id: 'm365ss-B', category: 'network' });
  sn.state.setClock({ advanceMs: 1000 });
  const chg2 = sn.state.createRecord('change_request', { short_description: 'Change 2', correlation_id: 'm365ss-C' });
  sn.state.setClock({ advanceMs: 1000 });
  sn.state.createRecord('change_request', { short_description: 'Theirs', correlation_id: 'other-1' });
  sn.state.setClock({ advanceMs: 1000 });
  sn.state.updateRecord('change_request', chg1.sys_id!, { state: '-4' });
  sn.state.updateRecord('incident', inc1.sys_id!, { state: '2' });
  return { chg1, inc1, chg2 };
}

describe('Table API on task', () => {
  it('lists change requests and incidents together, with sys_class_name and task-level fields only', async () => {
    const { chg1, inc1 } = seedMixed();
    const res = await api(t, 'GET', `${TASK}?${q('correlation_idSTARTSWITHm365ss-^ORDERBYnumber')}`, svc);
    expect(res.status).toBe(200);
    expect(res.headers['x-total-count']).toBe('3');
    const rows = res.json().result as Record<string, unknown>[];
    expect(rows.map((r) => [r.number, r.sys_class_name, r.state])).toEqual([
      ['CHG0030001', 'change_request', '-4'],
      ['CHG0030002', 'change_request', '-5'],
      ['INC0010001', 'incident', '2'],
    ]);
    // The same record (same sys_id) as through its own table, limited to the fields task defines.
    expect(rows[0]!.sys_id).toBe(chg1.sys_id);
    expect(rows[2]!.sys_id).toBe(inc1.sys_id);
    expect(Object.keys(rows[0]!).sort()).toEqual(Object.keys(SCHEMAS.task).sort());
    for (const childOnly of ['type', 'start_date', 'end_date', 'category']) expect(rows[0]![childOnly], childOnly).toBeUndefined();
    expect(rows[2]!.category).toBeUndefined();
    for (const field of ['sys_id', 'number', 'short_description', 'description', 'state', 'priority', 'impact', 'urgency', 'due_date', 'opened_by', 'assignment_group', 'correlation_id', 'correlation_display', 'sys_created_on', 'sys_updated_on', 'sys_mod_count', 'sys_class_name']) {
      expect(rows[0], field).toHaveProperty(field);
    }
    expect(rows[0]!.work_notes).toBe('');
  });

  it('queries and returns sys_class_name; child-only fields and state labels are refused (400)', async () => {
    seedMixed();
    const fields = 'sysparm_fields=number,sys_class_name,state';
    const both = await api(t, 'GET', `${TASK}?${q('sys_class_nameINchange_request,incident^correlation_idSTARTSWITHm365ss-^ORDERBYDESCsys_updated_on^ORDERBYsys_id')}&${fields}`, svc);
    expect(both.headers['x-total-count']).toBe('3');
    expect(both.json().result.map((r: { number: string }) => r.number).sort()).toEqual(['CHG0030001', 'CHG0030002', 'INC0010001']);
    expect(both.json().result[2]).toEqual({ number: 'CHG0030002', sys_class_name: 'change_request', state: '-5' }); // oldest change last
    const incidents = await api(t, 'GET', `${TASK}?${q('sys_class_name=incident')}&${fields}`, svc);
    expect(incidents.json().result).toEqual([{ number: 'INC0010001', sys_class_name: 'incident', state: '2' }]);
    // A field only a child has is unknown on task (a real instance would silently drop the condition).
    for (const bad of ['type=normal', 'category=network', 'state=Assess', 'sys_class_name>incident']) {
      expect((await api(t, 'GET', `${TASK}?${q(bad)}`, svc)).status, bad).toBe(400);
    }
    // Unknown names in sysparm_fields are skipped, as on the child tables.
    const skipped = await api(t, 'GET', `${TASK}?${q('sys_class_name=incident')}&sysparm_fields=number,type,category`, svc);
    expect(skipped.json().result).toEqual([{ number: 'INC0010001' }]);
    // state on task has no choice list here: the display value is the child's value.
    const display = await api(t, 'GET', `${TASK}?${q('sys_class_name=incident')}&sysparm_fields=state,priority&sysparm_display_value=all`, svc);
    expect(display.json().result).toEqual([{ state: { display_value: '2', value: '2' }, priority: { display_value: '5 - Planning', value: '5' } }]);
  });

  it('GET one task record by sys_id; a change through the child table shows on task at once', async () => {
    const { inc1 } = seedMixed();
    const one = await api(t, 'GET', `${TASK}/${inc1.sys_id}?sysparm_fields=number,sys_class_name,short_description,sys_mod_count,sys_updated_on`, svc);
    const { sys_updated_on: stamped, ...rest } = one.json().result;
    expect(rest).toEqual({ number: 'INC0010001', sys_class_name: 'incident', short_description: 'Incident 1', sys_mod_count: '1' });
    sn.state.setClock({ advanceMs: 5000 });
    await api(t, 'PATCH', `/api/now/table/incident/${inc1.sys_id}`, svc, { short_description: 'Renamed' });
    const after = (await api(t, 'GET', `${TASK}/${inc1.sys_id}`, svc)).json().result;
    expect(after).toMatchObject({ short_description: 'Renamed', sys_mod_count: '2' });
    expect(after.sys_updated_on > stamped).toBe(true);
    expect((await api(t, 'GET', `${TASK}/0123456789abcdef0123456789abcdef`, svc)).status).toBe(404);
    sn.state.deleteRecord('incident', inc1.sys_id!);
    expect((await api(t, 'GET', `${TASK}/${inc1.sys_id}`, svc)).status).toBe(404);
  });

  it('pages like the other tables: sysparm_limit/offset, X-Total-Count, Link', async () => {
    sn.state.seedRecords('change_request', { count: 1500, correlationPrefix: 'm365ss-c' });
    sn.state.seedRecords('incident', { count: 1000, correlationPrefix: 'm365ss-i' });
    let next: string | null = `${TASK}?${q('sys_class_nameINchange_request,incident^correlation_idSTARTSWITHm365ss-^ORDERBYsys_id')}&sysparm_fields=sys_id,sys_class_name&sysparm_limit=1000`;
    const seen = new Map<string, string>();
    let pages = 0;
    while (next) {
      const res = await api(t, 'GET', next, svc);
      expect(res.headers['x-total-count']).toBe('2500');
      for (const r of res.json().result) seen.set(r.sys_id, r.sys_class_name);
      const m = /<([^>]+)>;rel="next"/.exec(String(res.headers.link));
      next = m ? new URL(m[1]!).pathname + new URL(m[1]!).search : null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.size).toBe(2500);
    expect([...seen.values()].filter((c) => c === 'incident')).toHaveLength(1000);
    const last = await api(t, 'GET', `${TASK}?sysparm_limit=1000&sysparm_offset=2000&sysparm_fields=sys_id`, svc);
    expect(String(last.headers.link)).toMatch(/sysparm_offset=2000>;rel="last"/);
    expect(String(last.headers.link)).not.toContain('rel="next"');
  });

  it('is read-only: POST, PATCH, PUT and DELETE are refused by the ACLs (403), for admins too', async () => {
    const { chg1 } = seedMixed();
    const before = JSON.stringify(sn.state.allRecords('change_request'));
    const insert = await api(t, 'POST', TASK, jane, { short_description: 'x' });
    expect(insert.status).toBe(403);
    expect(insert.json()).toEqual({ error: { message: 'Operation Failed', detail: 'ACL Exception Insert Failed due to security constraints' }, status: 'failure' });
    for (const method of ['PATCH', 'PUT']) {
      const res = await api(t, method, `${TASK}/${chg1.sys_id}`, jane, { short_description: 'x' });
      expect(res.status, method).toBe(403);
      expect(res.json().error.detail).toBe('ACL Exception Update Failed due to security constraints');
    }
    const del = await api(t, 'DELETE', `${TASK}/${chg1.sys_id}`, jane);
    expect(del.status).toBe(403);
    expect(del.json().error.detail).toBe('ACL Exception Delete Failed due to security constraints');
    expect(JSON.stringify(sn.state.allRecords('change_request'))).toBe(before);
    expect((await api(t, 'POST', STATS, jane)).status).toBe(405);
  });
});

describe('Aggregate API on task', () => {
  it('counts grouped by sys_class_name and state, by state alone, and in total', async () => {
    seedMixed();
    const ours = q('sys_class_nameINchange_request,incident^correlation_idSTARTSWITHm365ss-');
    const both = await api(t, 'GET', `${STATS}?sysparm_count=true&sysparm_group_by=sys_class_name,state&${ours}`, svc);
    expect(both.status).toBe(200);
    expect(both.json()).toEqual({
      result: [
        { stats: { count: '1' }, groupby_fields: [{ field: 'sys_class_name', value: 'change_request' }, { field: 'state', value: '-5' }] },
        { stats: { count: '1' }, groupby_fields: [{ field: 'sys_class_name', value: 'change_request' }, { field: 'state', value: '-4' }] },
        { stats: { count: '1' }, groupby_fields: [{ field: 'sys_class_name', value: 'incident' }, { field: 'state', value: '2' }] },
      ],
    });
    const byState = await api(t, 'GET', `${STATS}?sysparm_count=true&sysparm_group_by=state`, svc);
    expect(byState.json().result.map((r: { stats: { count: string }; groupby_fields: { value: string }[] }) => [r.groupby_fields[0]!.value, r.stats.count])).toEqual([['-5', '2'], ['-4', '1'], ['2', '1']]);
    expect((await api(t, 'GET', `${STATS}?sysparm_count=true&${q('sys_class_name=incident')}`, svc)).json()).toEqual({ result: { stats: { count: '1' } } });
    expect((await api(t, 'GET', `${STATS}?sysparm_count=true&sysparm_group_by=type`, svc)).status).toBe(400);
  });
});

describe('ACLs, cross-scope policy, request log and faults on task', () => {
  it('reads need itil or admin, like the child tables; aclReadDenied=empty filters instead', async () => {
    seedMixed();
    const read = await api(t, 'GET', TASK, none);
    expect(read.status).toBe(403);
    expect(read.json().error).toEqual({ message: 'Insufficient rights', detail: 'ACL Exception Read Failed due to security constraints' });
    expect((await api(t, 'GET', `${STATS}?sysparm_count=true`, none)).status).toBe(403);
    sn.state.updateSettings({ aclReadDenied: 'empty' });
    const filtered = await api(t, 'GET', TASK, none);
    expect(filtered.status).toBe(200);
    expect(filtered.json().result).toEqual([]);
    expect(filtered.headers['x-total-count']).toBe('0');
  });

  it('the cross-scope switch applies to task too', async () => {
    await admin(t, 'POST', 'cross-scope', { enabled: true });
    const read = await api(t, 'GET', TASK, jane);
    expect(read.status).toBe(403);
    expect(read.json().error.message).toMatch(/^Read operation against 'oauth_entity' .* cross-scope access policy$/);
    expect((await api(t, 'GET', `${STATS}?sysparm_count=true`, jane)).status).toBe(403);
    expect((await api(t, 'POST', TASK, jane, { short_description: 'x' })).json().error.message).toMatch(/^Create operation against/);
  });

  it('taskReadDenied: a hardened instance refuses task but still serves the child tables', async () => {
    seedMixed();
    await admin(t, 'POST', 'settings', { taskReadDenied: true });
    for (const path of [TASK, `${STATS}?sysparm_count=true`]) {
      const res = await api(t, 'GET', path, jane);
      expect(res.status, path).toBe(403);
      expect(res.json().error.message).toBe('Insufficient rights');
    }
    expect((await api(t, 'GET', '/api/now/table/incident', svc)).status).toBe(200);
    expect((await admin(t, 'POST', 'settings', { taskReadDenied: false })).json()).toMatchObject({ taskReadDenied: false });
    expect((await api(t, 'GET', TASK, svc)).status).toBe(200);
    sn.state.updateSettings({ taskReadDenied: true });
    sn.reset();
    expect(sn.state.settings.taskReadDenied).toBe(false);
  });

  it('requests on task are logged and can be faulted like any other path', async () => {
    seedMixed();
    sn.state.clearLog();
    await admin(t, 'POST', 'faults', { match: TASK, kind: 'status', status: 429, retryAfter: 7 });
    const limited = await api(t, 'GET', `${TASK}?sysparm_limit=25`, svc);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect((await api(t, 'GET', `${TASK}?sysparm_limit=25`, svc)).status).toBe(200);
    expect(sn.state.getLog().map((e) => `${e.method} ${e.path} ${e.query.sysparm_limit} ${e.status}`)).toEqual([
      'GET /api/now/table/task 25 429',
      'GET /api/now/table/task 25 200',
    ]);
  });
});
