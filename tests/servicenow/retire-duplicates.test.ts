// @vitest-environment node
// What the product needs to find and retire duplicates of one request: queries by request
// identity and creation time, cancel with a work note, delete (admin, or itil when allowed), and
// the admin view of every record, canceled and deleted ones included (the soak judge).
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceNowStandIn } from './server.ts';
import { signedInUsers } from './signed-in-users.ts';
import { admin, api, type Target } from './test-client.ts';

const users = signedInUsers();
let sn: ServiceNowStandIn;
let t: Target;
let jane: string; // itil + admin
let svc: string; // itil
beforeEach(() => ({ sn, t, jane, svc } = users));

const q = (query: string) => `sysparm_query=${encodeURIComponent(query)}`;
const CHG = '/api/now/table/change_request';
const INC = '/api/now/table/incident';

/** Two records of one request a second apart, and another request. */
async function duplicates(path: string) {
  sn.state.setClock({ now: '2026-11-23 10:00:00' });
  const first = (await api(t, 'POST', path, svc, { short_description: 'MFA', correlation_id: 'm365ss-req-7' })).json().result;
  sn.state.setClock({ now: '2026-11-23 10:00:01' });
  const second = (await api(t, 'POST', path, svc, { short_description: 'MFA', correlation_id: 'm365ss-req-7' })).json().result;
  sn.state.setClock({ now: '2026-11-23 10:05:00' });
  const other = (await api(t, 'POST', path, svc, { short_description: 'Other', correlation_id: 'm365ss-req-8' })).json().result;
  return { first, second, other };
}

describe('finding the records of one request', () => {
  it('correlation_id=, STARTSWITH and IN; sys_created_on ranges; ORDERBYsys_created_on', async () => {
    const { first, second, other } = await duplicates(CHG);
    const ids = (query: string) => api(t, 'GET', `${CHG}?${q(query)}&sysparm_fields=sys_id`, svc).then((r) => r.json().result.map((x: { sys_id: string }) => x.sys_id));
    expect(await ids('correlation_id=m365ss-req-7^ORDERBYsys_created_on')).toEqual([first.sys_id, second.sys_id]);
    expect(await ids('correlation_idSTARTSWITHm365ss-req-^ORDERBYDESCsys_created_on')).toEqual([other.sys_id, second.sys_id, first.sys_id]);
    expect(await ids('correlation_idINm365ss-req-8,m365ss-req-9')).toEqual([other.sys_id]);
    expect(await ids('sys_created_on>=2026-11-23 10:00:01^sys_created_on<2026-11-23 10:05:00')).toEqual([second.sys_id]);
    expect(await ids('correlation_id=m365ss-req-7^sys_created_on<=2026-11-23 10:00:00')).toEqual([first.sys_id]);
    expect(first.sys_created_on).toBe('2026-11-23 10:00:00');
    expect((await api(t, 'GET', `${CHG}?${q('sys_created_on>=2026-11-23T10:00:00Z')}`, svc)).status).toBe(400);
  });
});

describe('retiring a duplicate', () => {
  it('cancels a change (state 4) and an incident (state 8) with a work note naming the ticket kept', async () => {
    for (const [path, canceled] of [[CHG, '4'], [INC, '8']] as const) {
      const { first, second } = await duplicates(path);
      const res = await api(t, 'PATCH', `${path}/${second.sys_id}`, svc, { state: canceled, work_notes: `Duplicate of ${first.number}: created twice by a network retry.` });
      expect(res.status).toBe(200);
      expect(res.json().result).toMatchObject({ state: canceled, active: 'false', work_notes: '', sys_mod_count: '1' });
      const table = path === CHG ? 'change_request' : 'incident';
      const stored = sn.state.allRecords(table).find((r) => r.sys_id === second.sys_id)!;
      expect(stored.journal.map((j) => [j.element, j.value, j.sys_created_by])).toEqual([['work_notes', `Duplicate of ${first.number}: created twice by a network retry.`, 'svc_m365']]);
      const live = (await api(t, 'GET', `${path}?${q('correlation_id=m365ss-req-7^active=true')}&sysparm_fields=number`, svc)).json().result;
      expect(live).toEqual([{ number: first.number }]);
      expect((await api(t, 'GET', `${path}?${q(`correlation_id=m365ss-req-7^state!=${canceled}`)}&sysparm_fields=number`, svc)).json().result).toEqual([{ number: first.number }]);
    }
  });

  it('work notes append: each PATCH adds an entry, none is ever returned', async () => {
    const { first } = await duplicates(INC);
    await api(t, 'PATCH', `${INC}/${first.sys_id}`, svc, { work_notes: 'one' });
    await api(t, 'PATCH', `${INC}/${first.sys_id}`, svc, { work_notes: 'two' });
    const stored = sn.state.allRecords('incident').find((r) => r.sys_id === first.sys_id)!;
    expect(stored.journal.map((j) => j.value)).toEqual(['one', 'two']);
    expect(JSON.stringify((await api(t, 'GET', `${INC}/${first.sys_id}`, svc)).json())).not.toContain('two');
  });

  it('DELETE: admin only by default; deleteAccess itil lets the integration user delete', async () => {
    const { second } = await duplicates(CHG);
    const refused = await api(t, 'DELETE', `${CHG}/${second.sys_id}`, svc);
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual({ error: { message: 'Operation Failed', detail: 'ACL Exception Delete Failed due to security constraints' }, status: 'failure' });
    await admin(t, 'POST', 'settings', { deleteAccess: 'itil' });
    const ok = await api(t, 'DELETE', `${CHG}/${second.sys_id}`, svc);
    expect(ok.status).toBe(204);
    expect(ok.text).toBe('');
    expect((await api(t, 'GET', `${CHG}/${second.sys_id}`, svc)).status).toBe(404);
    expect((await api(t, 'DELETE', `${CHG}/${second.sys_id}`, svc)).status).toBe(404);
    expect((await admin(t, 'POST', 'settings', { deleteAccess: 'everyone' })).status).toBe(400);
    expect((await api(t, 'DELETE', `${INC}/${'0'.repeat(32)}`, jane)).status).toBe(404);
  });
});

describe('the admin view for the soak judge', () => {
  it('GET /__admin/records/{table} lists canceled records; ?deleted=true adds deleted ones with who and when', async () => {
    const { first, second, other } = await duplicates(CHG);
    await api(t, 'PATCH', `${CHG}/${second.sys_id}`, svc, { state: '4', work_notes: `Duplicate of ${first.number}` });
    sn.state.setClock({ now: '2026-11-23 11:00:00' });
    expect((await api(t, 'DELETE', `${CHG}/${other.sys_id}`, jane)).status).toBe(204);
    const live = (await admin(t, 'GET', 'records/change_request')).json() as Record<string, unknown>[];
    expect(live.map((r) => [r.number, r.state])).toEqual([[first.number, '-5'], [second.number, '4']]);
    const all = (await admin(t, 'GET', 'records/change_request?deleted=true')).json() as Record<string, unknown>[];
    expect(all.map((r) => [r.number, r.sys_deleted_on ?? null, r.sys_deleted_by ?? null])).toEqual([
      [first.number, null, null],
      [second.number, null, null],
      [other.number, '2026-11-23 11:00:00', 'jane.admin'],
    ]);
    expect(all[1]!.journal).toEqual([expect.objectContaining({ element: 'work_notes', value: `Duplicate of ${first.number}` })]);
    // Reset empties the deleted list too.
    sn.reset();
    expect(sn.state.allRecords('change_request', { includeDeleted: true })).toEqual([]);
  });
});
