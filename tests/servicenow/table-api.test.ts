// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceNowStandIn } from './server.ts';
import { signedInUsers } from './signed-in-users.ts';
import { JANE_ADMIN, NO_ROLES_USER, SVC_USER } from './seed.ts';
import { admin, api, call, type Target } from './test-client.ts';

const users = signedInUsers();
let sn: ServiceNowStandIn;
let t: Target;
let jane: string; // itil + admin
let svc: string; // itil
let none: string; // no roles
beforeEach(() => ({ sn, t, jane, svc, none } = users));

const GLIDE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const CHG = '/api/now/table/change_request';
const INC = '/api/now/table/incident';

describe('authentication and routing', () => {
  it('401 without or with a bad token, in ServiceNow shape', async () => {
    for (const token of [null, 'garbage']) {
      const res = await api(t, 'GET', CHG, token);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' });
    }
    // Basic auth is not accepted as a token.
    const basic = await call(t, 'GET', CHG, { headers: { authorization: 'Basic ' + Buffer.from('jane.admin:Passw0rd!').toString('base64') } });
    expect(basic.status).toBe(401);
  });

  it('unknown table → 400 Invalid table', async () => {
    const res = await api(t, 'GET', '/api/now/table/oauth_entity', jane);
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ error: { message: 'Invalid table oauth_entity', detail: null }, status: 'failure' });
  });

  it('Accept must allow JSON', async () => {
    const res = await call(t, 'GET', CHG, { headers: { authorization: `Bearer ${jane}`, accept: 'text/html' } });
    expect(res.status).toBe(406);
  });
});

describe('create', () => {
  it('creates a change request: strings, defaults, truncation, reference link, write-only work notes', async () => {
    const res = await api(t, 'POST', CHG, svc, {
      short_description: 'x'.repeat(200),
      description: 'Steps',
      correlation_id: 'c'.repeat(150),
      correlation_display: 'd'.repeat(120),
      priority: 2,
      impact: '2',
      start_date: '2026-11-23 10:00:00',
      end_date: '2026-11-24',
      due_date: '2026-12-01 00:00:00',
      work_notes: 'secret note',
      u_unknown: 'ignored',
      number: 'CHG9999999',
      sys_created_on: '2000-01-01 00:00:00',
    });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const r = res.json().result;
    expect(res.headers.location).toBe(`http://contoso.service-now.com/api/now/table/change_request/${r.sys_id}`);
    expect(r.sys_id).toMatch(/^[0-9a-f]{32}$/);
    expect(r.number).toBe('CHG0030001');
    expect(r.state).toBe('-5');
    expect(r.type).toBe('normal');
    expect(r.priority).toBe('2');
    expect(r.impact).toBe('2');
    expect(r.urgency).toBe('3');
    expect(r.active).toBe('true');
    expect(r.short_description).toHaveLength(160);
    expect(r.correlation_id).toHaveLength(100);
    expect(r.correlation_display).toHaveLength(100);
    expect(r.start_date).toBe('2026-11-23 10:00:00');
    expect(r.end_date).toBe('2026-11-24 00:00:00');
    expect(r.due_date).toBe('2026-12-01 00:00:00');
    expect(r.work_notes).toBe('');
    expect(r.u_unknown).toBeUndefined();
    expect(r.sys_created_on).toMatch(GLIDE_TIME);
    expect(r.sys_created_on).not.toBe('2000-01-01 00:00:00');
    expect(r.sys_updated_on).toBe(r.sys_created_on);
    expect(r.sys_created_by).toBe('svc_m365');
    expect(r.opened_by).toEqual({ link: `http://contoso.service-now.com/api/now/table/sys_user/${SVC_USER.sys_id}`, value: SVC_USER.sys_id });
    for (const [k, v] of Object.entries(r)) if (k !== 'opened_by') expect(typeof v, k).toBe('string');

    const stored = (await admin(t, 'GET', 'records/change_request')).json();
    expect(stored[0].journal).toEqual([expect.objectContaining({ element: 'work_notes', value: 'secret note', sys_created_by: 'svc_m365' })]);
    const got = (await api(t, 'GET', `${CHG}/${r.sys_id}`, svc)).json().result;
    expect(got.work_notes).toBe('');
    expect(JSON.stringify(got)).not.toContain('secret note');
  });

  it('creates incidents with priority from impact × urgency, ignoring a sent priority', async () => {
    const cases: [string, string, string][] = [['1', '1', '1'], ['1', '2', '2'], ['2', '1', '2'], ['1', '3', '3'], ['2', '2', '3'], ['3', '1', '3'], ['2', '3', '4'], ['3', '2', '4'], ['3', '3', '5']];
    const numbers: string[] = [];
    for (const [impact, urgency, priority] of cases) {
      const r = (await api(t, 'POST', INC, svc, { short_description: 'i', impact, urgency, priority: '1' })).json().result;
      expect(r.priority, `${impact}x${urgency}`).toBe(priority);
      expect(r.state).toBe('1');
      numbers.push(r.number);
    }
    expect(numbers[0]).toBe('INC0010001');
    expect(numbers[8]).toBe('INC0010009');
    const def = (await api(t, 'POST', INC, svc, { short_description: 'defaults' })).json().result;
    expect(def).toMatchObject({ impact: '3', urgency: '3', priority: '5', state: '1' });
  });

  it('rejects non-JSON, malformed JSON, arrays, bad types, bad dates', async () => {
    const text = await call(t, 'POST', CHG, { headers: { authorization: `Bearer ${jane}`, 'content-type': 'text/plain' }, body: '{"short_description":"x"}' });
    expect(text.status).toBe(400);
    expect(text.json()).toMatchObject({ error: { message: 'Exception while reading request' }, status: 'failure' });
    const broken = await call(t, 'POST', CHG, { headers: { authorization: `Bearer ${jane}`, 'content-type': 'application/json' }, body: '{"short_description":' });
    expect(broken.status).toBe(400);
    expect(broken.json()).toEqual({ error: { message: 'Exception while reading request', detail: 'The payload is not valid JSON.' }, status: 'failure' });
    expect((await api(t, 'POST', CHG, jane, [{ short_description: 'x' }])).status).toBe(400);
    expect((await api(t, 'POST', CHG, jane, { short_description: { a: 1 } })).status).toBe(400);
    expect((await api(t, 'POST', CHG, jane, { due_date: '2026-11-23T10:00:00Z' })).status).toBe(400);
    expect((await api(t, 'POST', CHG, jane, { state: 'Assess' })).status).toBe(400);
    expect(sn.state.tables.change_request.rows.size).toBe(0);
  });
});

describe('read', () => {
  async function seedThree(): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, state] of [['1', '-5'], ['2', '-4'], ['3', '-5']] as const) {
      const r = (await api(t, 'POST', CHG, svc, { short_description: `Change ${i}`, correlation_id: `m365ss-${i}`, correlation_display: 'Microsoft 365 Security' })).json().result;
      if (state !== '-5') sn.state.updateRecord('change_request', r.sys_id, { state });
      ids.push(r.sys_id);
    }
    return ids;
  }

  it('lists with query, fields, paging, X-Total-Count and Link', async () => {
    await seedThree();
    const q = encodeURIComponent('correlation_idSTARTSWITHm365ss-^ORDERBYDESCnumber');
    const res = await api(t, 'GET', `${CHG}?sysparm_query=${q}&sysparm_fields=number,state,correlation_id&sysparm_limit=2`, svc);
    expect(res.status).toBe(200);
    expect(res.headers['x-total-count']).toBe('3');
    expect(res.json().result).toEqual([
      { number: 'CHG0030003', state: '-5', correlation_id: 'm365ss-3' },
      { number: 'CHG0030002', state: '-4', correlation_id: 'm365ss-2' },
    ]);
    const link = String(res.headers.link);
    expect(link).toContain('rel="first"');
    expect(link).toContain('rel="next"');
    expect(link).toContain('rel="last"');
    expect(link).not.toContain('rel="prev"');
    const next = /<([^>]+)>;rel="next"/.exec(link)![1]!;
    const nextUrl = new URL(next);
    expect(nextUrl.host).toBe('contoso.service-now.com');
    expect(nextUrl.searchParams.get('sysparm_offset')).toBe('2');
    expect(nextUrl.searchParams.get('sysparm_query')).toBe('correlation_idSTARTSWITHm365ss-^ORDERBYDESCnumber');
    const page2 = await api(t, 'GET', nextUrl.pathname + nextUrl.search, svc);
    expect(page2.json().result).toEqual([{ number: 'CHG0030001', state: '-5', correlation_id: 'm365ss-1' }]);
    expect(String(page2.headers.link)).toContain('rel="prev"');
    expect(String(page2.headers.link)).not.toContain('rel="next"');

    const or = await api(t, 'GET', `${CHG}?sysparm_query=${encodeURIComponent('state=-4^ORcorrelation_id=m365ss-3^ORDERBYnumber')}&sysparm_fields=number`, svc);
    expect(or.json().result).toEqual([{ number: 'CHG0030002' }, { number: 'CHG0030003' }]);
    const inList = await api(t, 'GET', `${CHG}?sysparm_query=${encodeURIComponent('correlation_idINm365ss-1,m365ss-3^state!=-4')}&sysparm_fields=number`, svc);
    expect(inList.json().result).toEqual([{ number: 'CHG0030001' }, { number: 'CHG0030003' }]);
    const like = await api(t, 'GET', `${CHG}?sysparm_query=short_descriptionLIKEchange%202&sysparm_fields=number`, svc);
    expect(like.json().result).toEqual([{ number: 'CHG0030002' }]);
  });

  it('display values: true gives labels, all gives both; reference links can be excluded', async () => {
    const [id] = await seedThree();
    const one = (p: string) => api(t, 'GET', `${CHG}/${id}?${p}`, svc).then((r) => r.json().result);
    const labels = await one('sysparm_display_value=true&sysparm_fields=state,priority,impact,urgency,type,opened_by');
    expect(labels).toEqual({ state: 'New', priority: '4 - Low', impact: '3 - Low', urgency: '3 - Low', type: 'Normal', opened_by: { display_value: 'SVC M365 Integration', link: `http://contoso.service-now.com/api/now/table/sys_user/${SVC_USER.sys_id}` } });
    const all = await one('sysparm_display_value=all&sysparm_fields=state,opened_by&sysparm_exclude_reference_link=true');
    expect(all).toEqual({ state: { display_value: 'New', value: '-5' }, opened_by: { display_value: 'SVC M365 Integration', value: SVC_USER.sys_id } });
    const plain = await one('sysparm_exclude_reference_link=true&sysparm_fields=opened_by,assignment_group');
    expect(plain).toEqual({ opened_by: SVC_USER.sys_id, assignment_group: '' });
    const inc = (await api(t, 'POST', `${INC}?sysparm_display_value=true&sysparm_fields=priority,state`, svc, { impact: 1, urgency: 2 })).json().result;
    expect(inc).toEqual({ priority: '2 - High', state: 'New' });
  });

  it('GET by sys_id; 404 in ServiceNow shape', async () => {
    const res = await api(t, 'GET', `${CHG}/0123456789abcdef0123456789abcdef`, svc);
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ error: { message: 'No Record found', detail: "Record doesn't exist or ACL restricts the record retrieval" }, status: 'failure' });
  });

  it('bad queries are 400 (stricter than ServiceNow, which ignores unknown fields)', async () => {
    for (const q of ['u_nope=1', 'stateBETWEEN1@2', 'state=Assess', 'sys_updated_on>=yesterday', 'short_description>a', 'ORDERBYnope', 'opened_by.name=x', 'user_name=javascript:gs.nowDateTime()']) {
      const res = await api(t, 'GET', `${CHG}?sysparm_query=${encodeURIComponent(q)}`, svc);
      expect(res.status, q).toBe(400);
      expect(res.json().status).toBe('failure');
    }
    expect((await api(t, 'GET', `${CHG}?sysparm_limit=abc`, svc)).status).toBe(400);
    expect((await api(t, 'GET', `${CHG}?sysparm_display_value=yes`, svc)).status).toBe(400);
  });

  it('current user via javascript:gs.getUserName(), for any user; others only see themselves', async () => {
    const q = '/api/now/table/sys_user?sysparm_query=user_name%3Djavascript:gs.getUserName()&sysparm_fields=sys_id,user_name,name,email,web_service_access_only,internal_integration_user';
    const me = (await api(t, 'GET', q, none)).json().result;
    expect(me).toEqual([{ sys_id: NO_ROLES_USER.sys_id, user_name: 'no.roles', name: 'No Roles', email: 'no.roles@contoso.com', web_service_access_only: 'false', internal_integration_user: 'false' }]);
    expect((await api(t, 'GET', '/api/now/table/sys_user', none)).json().result).toHaveLength(1);
    const everyone = (await api(t, 'GET', '/api/now/table/sys_user', jane)).json().result;
    expect(everyone).toHaveLength(3);
    for (const u of everyone) {
      expect(u.password).toBeUndefined();
      expect(typeof u.roles).toBe("string"); // the sys_user roles field, comma-separated
    }
    expect((await api(t, 'GET', `/api/now/table/sys_user/${JANE_ADMIN.sys_id}`, none)).status).toBe(404);
    expect((await api(t, 'POST', '/api/now/table/sys_user', jane, { user_name: 'x' })).status).toBe(403);
  });
});

describe('update and delete', () => {
  it('PATCH updates, bumps sys_updated_on and sys_mod_count, appends work notes', async () => {
    const r = (await api(t, 'POST', INC, svc, { short_description: 'a', work_notes: 'first' })).json().result;
    sn.state.setClock({ advanceMs: 5_000 });
    const res = await api(t, 'PATCH', `${INC}/${r.sys_id}`, svc, { impact: '1', urgency: '1', work_notes: 'second', sys_updated_on: '2000-01-01 00:00:00' });
    expect(res.status).toBe(200);
    const u = res.json().result;
    expect(u.priority).toBe('1');
    expect(u.sys_updated_on > r.sys_updated_on).toBe(true);
    expect(u.sys_mod_count).toBe('1');
    expect(u.work_notes).toBe('');
    const journal = (await admin(t, 'GET', 'records/incident')).json()[0].journal.map((j: { value: string }) => j.value);
    expect(journal).toEqual(['first', 'second']);
    // No change → no new time stamp (as on a real instance).
    sn.state.setClock({ advanceMs: 5_000 });
    const same = (await api(t, 'PATCH', `${INC}/${r.sys_id}`, svc, { short_description: 'a' })).json().result;
    expect(same.sys_updated_on).toBe(u.sys_updated_on);
    expect((await api(t, 'PATCH', `${INC}/0123456789abcdef0123456789abcdef`, svc, { short_description: 'a' })).status).toBe(404);
  });

  it('DELETE needs admin', async () => {
    const r = (await api(t, 'POST', CHG, svc, { short_description: 'a' })).json().result;
    const refused = await api(t, 'DELETE', `${CHG}/${r.sys_id}`, svc);
    expect(refused.status).toBe(403);
    expect(refused.json().error.detail).toBe('ACL Exception Delete Failed due to security constraints');
    const ok = await api(t, 'DELETE', `${CHG}/${r.sys_id}`, jane);
    expect(ok.status).toBe(204);
    expect((await api(t, 'GET', `${CHG}/${r.sys_id}`, jane)).status).toBe(404);
  });

  it('same-second changes stay visible to a >= sync from the last seen time', async () => {
    sn.state.setClock({ now: '2026-11-23 10:00:00' });
    const a = (await api(t, 'POST', CHG, svc, { short_description: 'a' })).json().result;
    const lastSync = a.sys_updated_on; // "2026-11-23 10:00:0x"
    // A fulfiller changes it again within the same second.
    sn.state.updateRecord('change_request', a.sys_id, { state: '-4' });
    const since = await api(t, 'GET', `${CHG}?sysparm_query=${encodeURIComponent(`sys_updated_on>=${lastSync}^ORDERBYsys_updated_on`)}&sysparm_fields=sys_id,state,sys_mod_count`, svc);
    expect(since.json().result).toEqual([{ sys_id: a.sys_id, state: '-4', sys_mod_count: '1' }]);
    // Moving the clock back never moves sys_updated_on backwards.
    sn.state.setClock({ now: '2026-11-23 09:00:00' });
    const later = sn.state.updateRecord('change_request', a.sys_id, { state: '-3' })!;
    expect(later.sys_updated_on! >= lastSync).toBe(true);
  });
});

describe('ACLs and cross-scope policy', () => {
  it('no roles: 403 on read and insert of task tables', async () => {
    const read = await api(t, 'GET', CHG, none);
    expect(read.status).toBe(403);
    expect(read.json()).toEqual({ error: { message: 'Insufficient rights', detail: 'ACL Exception Read Failed due to security constraints' }, status: 'failure' });
    const insert = await api(t, 'POST', INC, none, { short_description: 'x' });
    expect(insert.status).toBe(403);
    expect(insert.json()).toEqual({ error: { message: 'Operation Failed', detail: 'ACL Exception Insert Failed due to security constraints' }, status: 'failure' });
    expect((await api(t, 'GET', '/api/now/stats/incident?sysparm_count=true', none)).status).toBe(403);

    // The alternative behaviour: ACL-filtered reads return no rows.
    sn.state.updateSettings({ aclReadDenied: 'empty' });
    await api(t, 'POST', CHG, svc, { short_description: 'hidden' });
    const filtered = await api(t, 'GET', CHG, none);
    expect(filtered.status).toBe(200);
    expect(filtered.json().result).toEqual([]);
    expect(filtered.headers['x-total-count']).toBe('0');

    // Roles granted via admin take effect at once.
    await admin(t, 'POST', 'users/no.roles/roles', { roles: ['itil'] });
    expect((await api(t, 'POST', INC, none, { short_description: 'x' })).status).toBe(201);
  });

  it('cross-scope policy refusal for reads and creates', async () => {
    await admin(t, 'POST', 'cross-scope', { enabled: true });
    const read = await api(t, 'GET', CHG, jane);
    expect(read.status).toBe(403);
    expect(read.json()).toEqual({
      error: { message: "Read operation against 'oauth_entity' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy", detail: null },
      status: 'failure',
    });
    const create = await api(t, 'POST', INC, jane, { short_description: 'x' });
    expect(create.status).toBe(403);
    expect(create.json().error.message).toBe("Create operation against 'oauth_entity' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy");
    expect((await api(t, 'GET', '/api/now/table/sys_user?sysparm_limit=1', jane)).status).toBe(200);
    await admin(t, 'POST', 'cross-scope', { enabled: false });
    expect((await api(t, 'GET', CHG, jane)).status).toBe(200);
  });
});

describe('aggregate API', () => {
  it('counts grouped by state, and totals', async () => {
    for (let i = 0; i < 3; i++) await api(t, 'POST', CHG, svc, { short_description: `n${i}`, correlation_id: `m365ss-${i}` });
    const ids = [...sn.state.tables.change_request.rows.keys()];
    sn.state.updateRecord('change_request', ids[0]!, { state: '-4' });
    await api(t, 'POST', CHG, svc, { short_description: 'other', correlation_id: 'elsewhere' });
    const grouped = await api(t, 'GET', `/api/now/stats/change_request?sysparm_count=true&sysparm_group_by=state&sysparm_query=${encodeURIComponent('correlation_idSTARTSWITHm365ss-')}`, svc);
    expect(grouped.status).toBe(200);
    expect(grouped.json()).toEqual({
      result: [
        { stats: { count: '2' }, groupby_fields: [{ field: 'state', value: '-5' }] },
        { stats: { count: '1' }, groupby_fields: [{ field: 'state', value: '-4' }] },
      ],
    });
    const total = await api(t, 'GET', '/api/now/stats/change_request?sysparm_count=true', svc);
    expect(total.json()).toEqual({ result: { stats: { count: '4' } } });
    const empty = await api(t, 'GET', '/api/now/stats/incident?sysparm_count=true&sysparm_group_by=state', svc);
    expect(empty.json()).toEqual({ result: [] });
    expect((await api(t, 'GET', '/api/now/stats/incident?sysparm_count=true&sysparm_group_by=nope', svc)).status).toBe(400);
  });
});

describe('bulk seed and paging', () => {
  it('5,000 tickets page through Link next with stable order', async () => {
    const seeded = (await admin(t, 'POST', 'seed/change_request', { count: 5000, correlationPrefix: 'm365ss-' })).json();
    expect(seeded).toMatchObject({ created: 5000, first: 'CHG0030001', last: 'CHG0035000' });
    let next: string | null = `${CHG}?sysparm_query=${encodeURIComponent('correlation_idSTARTSWITHm365ss-^ORDERBYnumber')}&sysparm_fields=sys_id,number,correlation_id&sysparm_limit=1000`;
    const seen = new Set<string>();
    let pages = 0;
    while (next) {
      const res = await api(t, 'GET', next, svc);
      expect(res.headers['x-total-count']).toBe('5000');
      for (const r of res.json().result) seen.add(r.sys_id);
      const m = /<([^>]+)>;rel="next"/.exec(String(res.headers.link));
      next = m ? new URL(m[1]!).pathname + new URL(m[1]!).search : null;
      pages++;
    }
    expect(pages).toBe(5);
    expect(seen.size).toBe(5000);
    const last = await api(t, 'GET', `${CHG}?sysparm_limit=1000&sysparm_offset=4000&sysparm_fields=correlation_id`, svc);
    expect(String(last.headers.link)).toMatch(/sysparm_offset=4000>;rel="last"/);
    expect(last.json().result.at(-1)).toEqual({ correlation_id: 'm365ss-5000' });
    const count = await api(t, 'GET', '/api/now/stats/change_request?sysparm_count=true&sysparm_group_by=state', svc);
    expect(count.json().result).toEqual([{ stats: { count: '5000' }, groupby_fields: [{ field: 'state', value: '-5' }] }]);
  });
});
