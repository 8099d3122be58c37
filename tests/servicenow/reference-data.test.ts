// @vitest-environment node
// Reference tables to pick from (sys_user_group, cmdb_ci), choice lists (sys_choice), the
// dictionary (sys_dictionary, overrides, custom fields) and the ACL switches that hide them.
import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_GROUPS, ciSysId, groupSysId } from './seed-reference.ts';
import type { ServiceNowStandIn } from './server.ts';
import { signedInUsers } from './signed-in-users.ts';
import { DEFAULT_READ_ACCESS, StandInState } from './state.ts';
import { admin, api, type Target } from './test-client.ts';

const users = signedInUsers();
let sn: ServiceNowStandIn;
let t: Target;
let jane: string; // itil + admin
let svc: string; // itil
let none: string; // no roles
beforeEach(() => ({ sn, t, jane, svc, none } = users));

const q = (query: string) => `sysparm_query=${encodeURIComponent(query)}`;
const GROUPS = '/api/now/table/sys_user_group';
const CIS = '/api/now/table/cmdb_ci';
const CHOICES = '/api/now/table/sys_choice';
const DICT = '/api/now/table/sys_dictionary';
const CHG = '/api/now/table/change_request';
const INC = '/api/now/table/incident';
const SECOPS = groupSysId('Security Operations');

describe('assignment groups (sys_user_group)', () => {
  it('type-ahead: nameLIKE, active=true, ORDERBYname, sysparm_limit and sysparm_fields', async () => {
    const res = await api(t, 'GET', `${GROUPS}?${q('active=true^nameLIKEs^ORDERBYname')}&sysparm_fields=sys_id,name,description&sysparm_limit=3`, svc);
    expect(res.status).toBe(200);
    const expected = SEED_GROUPS.filter((g) => g.active && g.name.toLowerCase().includes('s')).map((g) => g.name).sort();
    expect(res.headers['x-total-count']).toBe(String(expected.length));
    expect(res.json().result).toEqual(expected.slice(0, 3).map((name) => ({ sys_id: groupSysId(name), name, description: SEED_GROUPS.find((g) => g.name === name)!.description })));
    // The retired group is only found without active=true.
    const all = (await api(t, 'GET', `${GROUPS}?${q('nameLIKEmessaging')}&sysparm_fields=name,active`, svc)).json().result;
    expect(all).toEqual([{ name: 'Messaging (retired)', active: 'false' }]);
    // Readable by any signed-in user, as on a base instance.
    expect((await api(t, 'GET', `${GROUPS}?sysparm_limit=1`, none)).status).toBe(200);
    expect((await api(t, 'GET', `${GROUPS}/${SECOPS}?sysparm_fields=name`, svc)).json().result).toEqual({ name: 'Security Operations' });
  });

  it('cannot be written through the Table API (ACL refusal), only through /__admin/records', async () => {
    expect((await api(t, 'POST', GROUPS, jane, { name: 'x' })).status).toBe(403);
    expect((await api(t, 'PATCH', `${GROUPS}/${SECOPS}`, jane, { name: 'x' })).status).toBe(403);
    expect((await api(t, 'DELETE', `${GROUPS}/${SECOPS}`, jane)).status).toBe(403);
    const made = (await admin(t, 'POST', 'records/sys_user_group', { name: 'Cloud Platform', description: 'Azure landing zones' })).json().record;
    expect(made).toMatchObject({ name: 'Cloud Platform', active: 'true' });
    expect((await api(t, 'GET', `${GROUPS}?${q('name=Cloud Platform')}&sysparm_fields=sys_id`, svc)).json().result).toEqual([{ sys_id: made.sys_id }]);
    await admin(t, 'POST', `records/sys_user_group/${made.sys_id}`, { active: false });
    expect((await api(t, 'GET', `${GROUPS}?${q('active=true^name=Cloud Platform')}`, svc)).json().result).toEqual([]);
  });
});

describe('configuration items (cmdb_ci)', () => {
  it('queryable by name and class; readable by itil, not by a user without roles', async () => {
    const res = await api(t, 'GET', `${CIS}?${q('nameSTARTSWITHmicrosoft^sys_class_name=cmdb_ci_service^ORDERBYname')}&sysparm_fields=name,sys_class_name`, svc);
    expect(res.json().result).toEqual([
      { name: 'Microsoft 365', sys_class_name: 'cmdb_ci_service' },
      { name: 'Microsoft Entra ID', sys_class_name: 'cmdb_ci_service' },
      { name: 'Microsoft Intune', sys_class_name: 'cmdb_ci_service' },
    ]);
    expect((await api(t, 'GET', CIS, none)).status).toBe(403);
  });
});

describe('references on change_request and incident', () => {
  it('a known group and CI are stored; display values give their names', async () => {
    const r = (await api(t, 'POST', CHG, svc, { short_description: 'x', assignment_group: SECOPS, cmdb_ci: ciSysId('Microsoft Entra ID') })).json().result;
    expect(r.assignment_group).toEqual({ link: `http://contoso.service-now.com/api/now/table/sys_user_group/${SECOPS}`, value: SECOPS });
    const shown = (await api(t, 'GET', `${CHG}/${r.sys_id}?sysparm_display_value=all&sysparm_fields=assignment_group,cmdb_ci`, svc)).json().result;
    expect(shown).toEqual({
      assignment_group: { display_value: 'Security Operations', link: `http://contoso.service-now.com/api/now/table/sys_user_group/${SECOPS}`, value: SECOPS },
      cmdb_ci: { display_value: 'Microsoft Entra ID', link: `http://contoso.service-now.com/api/now/table/cmdb_ci/${ciSysId('Microsoft Entra ID')}`, value: ciSysId('Microsoft Entra ID') },
    });
    const labels = (await api(t, 'GET', `${CHG}?sysparm_display_value=true&sysparm_exclude_reference_link=true&sysparm_fields=assignment_group`, svc)).json().result;
    expect(labels).toEqual([{ assignment_group: 'Security Operations' }]);
    expect((await api(t, 'GET', `${CHG}?${q(`assignment_group=${SECOPS}`)}&sysparm_fields=number`, svc)).json().result).toEqual([{ number: 'CHG0030001' }]);
  });

  it('an unknown or deleted group is refused by a business rule (default); nothing is stored', async () => {
    const unknown = await api(t, 'POST', INC, svc, { short_description: 'x', assignment_group: 'f'.repeat(32) });
    expect(unknown.status).toBe(403);
    expect(unknown.json()).toEqual({
      error: { message: 'Operation Failed', detail: expect.stringMatching(/^Operation against file 'incident' was aborted by Business Rule 'Abort on invalid reference\^[0-9a-f]{32}'\. Business Rule Stack:Abort on invalid reference$/) },
      status: 'failure',
    });
    await admin(t, 'DELETE', `records/sys_user_group/${SECOPS}`);
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x', assignment_group: SECOPS })).status).toBe(403);
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x', cmdb_ci: '0'.repeat(32) })).status).toBe(403);
    expect(sn.state.tables.change_request.rows.size + sn.state.tables.incident.rows.size).toBe(0);
    // Not a sys_id at all: 400 as before.
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x', assignment_group: 'Security Operations' })).status).toBe(400);
  });

  it('an inactive group is a record: accepted (server-side writes ignore reference qualifiers)', async () => {
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x', assignment_group: groupSysId('Messaging (retired)') })).status).toBe(201);
  });

  it("invalidReference 'accept' (a base instance): the dangling sys_id is stored, its display value empty", async () => {
    await admin(t, 'POST', 'settings', { invalidReference: 'accept' });
    const r = (await api(t, 'POST', CHG, svc, { short_description: 'x', assignment_group: 'f'.repeat(32) })).json().result;
    const shown = (await api(t, 'GET', `${CHG}/${r.sys_id}?sysparm_display_value=all&sysparm_exclude_reference_link=true&sysparm_fields=assignment_group`, svc)).json().result;
    expect(shown).toEqual({ assignment_group: { display_value: '', value: 'f'.repeat(32) } });
  });

  it('a later PATCH of other fields is not refused because the group was deleted since', async () => {
    const r = (await api(t, 'POST', CHG, svc, { short_description: 'x', assignment_group: SECOPS })).json().result;
    await admin(t, 'DELETE', `records/sys_user_group/${SECOPS}`);
    const res = await api(t, 'PATCH', `${CHG}/${r.sys_id}`, svc, { state: '4', work_notes: 'Duplicate' });
    expect(res.status).toBe(200);
    expect((await api(t, 'GET', `${CHG}/${r.sys_id}?sysparm_display_value=true&sysparm_fields=assignment_group`, svc)).json().result.assignment_group.display_value).toBe('');
  });
});

describe('choice lists (sys_choice)', () => {
  it('change types and incident categories, with label, value, sequence, inactive, language', async () => {
    const types = (await api(t, 'GET', `${CHOICES}?${q('name=change_request^element=type^inactive=false^language=en^ORDERBYsequence')}&sysparm_fields=value,label,sequence,inactive,language`, svc)).json().result;
    expect(types).toEqual([
      { value: 'standard', label: 'Standard', sequence: '10', inactive: 'false', language: 'en' },
      { value: 'normal', label: 'Normal', sequence: '20', inactive: 'false', language: 'en' },
      { value: 'emergency', label: 'Emergency', sequence: '30', inactive: 'false', language: 'en' },
    ]);
    const categories = (await api(t, 'GET', `${CHOICES}?${q('name=incident^element=category^language=en^ORDERBYsequence')}&sysparm_fields=value,label`, none)).json().result;
    expect(categories.map((c: { value: string }) => c.value)).toEqual(['inquiry', 'software', 'hardware', 'network', 'database']);
    expect(categories[0].label).toBe('Inquiry / Help');
    // Translations are rows too: without language=en a list shows each value twice.
    const all = (await api(t, 'GET', `${CHOICES}?${q('name=incident^element=category')}&sysparm_fields=value`, svc)).json().result;
    expect(all).toHaveLength(10);
    // One change category is retired on this instance.
    expect((await api(t, 'GET', `${CHOICES}?${q('name=change_request^element=category^inactive=true')}&sysparm_fields=value`, svc)).json().result).toEqual([{ value: 'telecom' }]);
  });

  it('choice fields take active choice values only; display values are the labels', async () => {
    const r = (await api(t, 'POST', CHG, svc, { short_description: 'x', type: 'emergency', category: 'software' })).json().result;
    expect((await api(t, 'GET', `${CHG}/${r.sys_id}?sysparm_display_value=true&sysparm_fields=type,category`, svc)).json().result).toEqual({ type: 'Emergency', category: 'Software' });
    for (const bad of [{ type: 'Emergency' }, { category: 'Software' }, { category: 'telecom' }, { type: 'urgent' }]) {
      const res = await api(t, 'POST', CHG, svc, { short_description: 'x', ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.message).toMatch(/^Invalid value '.*' for choice field '(type|category)'$/);
    }
    const inc = (await api(t, 'POST', INC, svc, { short_description: 'x', category: 'network' })).json().result;
    expect(inc.category).toBe('network');
    // A choice the admin adds is accepted at once; 'accept' switches the check off.
    await admin(t, 'POST', 'records/sys_choice', { name: 'change_request', element: 'category', value: 'security', label: 'Security', sequence: 200 });
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x', category: 'security' })).status).toBe(201);
    await admin(t, 'POST', 'settings', { invalidChoice: 'accept' });
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x', category: 'Whatever' })).status).toBe(201);
  });
});

describe('the dictionary (sys_dictionary)', () => {
  it('admin only by default; readAccess opens it; fields change_request inherits are under name=task', async () => {
    const query = `${DICT}?${q('name=change_request^mandatory=true')}&sysparm_fields=element`;
    expect((await api(t, 'GET', query, svc)).status).toBe(403);
    expect((await api(t, 'GET', query, jane)).json().result).toEqual([]);
    await admin(t, 'POST', 'settings', { readAccess: { sys_dictionary: 'itil' } });
    const own = (await api(t, 'GET', `${DICT}?${q('name=change_request^elementISNOTEMPTY^ORDERBYelement')}&sysparm_fields=element`, svc)).json().result;
    expect(own.map((r: { element: string }) => r.element)).toEqual(['category', 'end_date', 'start_date', 'type']);
    const group = (await api(t, 'GET', `${DICT}?${q('nameINtask,change_request^element=assignment_group')}&sysparm_fields=name,element,column_label,mandatory,reference,internal_type,max_length`, svc)).json().result;
    expect(group).toEqual([
      {
        name: 'task',
        element: 'assignment_group',
        column_label: 'Assignment group',
        mandatory: 'false',
        reference: { link: 'http://contoso.service-now.com/api/now/table/sys_db_object/sys_user_group', value: 'sys_user_group' },
        internal_type: { link: 'http://contoso.service-now.com/api/now/table/sys_glide_object/reference', value: 'reference' },
        max_length: '',
      },
    ]);
    const plain = (await api(t, 'GET', `${DICT}?${q('name=task^element=assignment_group')}&sysparm_fields=reference,internal_type&sysparm_exclude_reference_link=true&sysparm_display_value=all`, svc)).json().result;
    expect(plain).toEqual([{ reference: { display_value: 'Group', value: 'sys_user_group' }, internal_type: { display_value: 'Reference', value: 'reference' } }]);
    expect((await api(t, 'GET', `${DICT}?${q('name=incident^element=')}&sysparm_fields=column_label,internal_type&sysparm_exclude_reference_link=true`, svc)).json().result).toEqual([{ column_label: 'Incident', internal_type: 'collection' }]);
  });

  it('dictionary mandatory: on its own entry, or as an override for an inherited field; advisory (not enforced)', async () => {
    await admin(t, 'POST', 'settings', { readAccess: { sys_dictionary: 'all', sys_dictionary_override: 'all' } });
    await admin(t, 'POST', 'dictionary/change_request/category', { mandatory: true });
    await admin(t, 'POST', 'dictionary/change_request/assignment_group', { mandatory: true });
    const entries = (await api(t, 'GET', `${DICT}?${q('nameINtask,change_request^mandatory=true')}&sysparm_fields=name,element`, svc)).json().result;
    expect(entries).toEqual([{ name: 'change_request', element: 'category' }]);
    const overrides = (await api(t, 'GET', `/api/now/table/sys_dictionary_override?${q('name=change_request^mandatory=true')}&sysparm_fields=name,element,base_table,mandatory_override`, svc)).json().result;
    expect(overrides).toEqual([{ name: 'change_request', element: 'assignment_group', base_table: 'task', mandatory_override: 'true' }]);
    // Like an instance: dictionary mandatory does not stop web service inserts (data policies do).
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x' })).status).toBe(201);
    await admin(t, 'POST', 'dictionary/task/assignment_group', { column_label: 'Support group' });
    expect((await api(t, 'GET', `${DICT}?${q('name=task^element=assignment_group')}&sysparm_fields=column_label`, svc)).json().result).toEqual([{ column_label: 'Support group' }]);
    expect((await admin(t, 'POST', 'dictionary/change_request/nope', { mandatory: true })).status).toBe(400);
  });

  it('custom fields (u_…): in the dictionary, written, returned and queryable like any field', async () => {
    await admin(t, 'POST', 'custom-fields', { table: 'task', element: 'u_request_id', column_label: 'Request ID', max_length: 64 });
    const made = (await api(t, 'POST', CHG, svc, { short_description: 'x', u_request_id: 'rid-42' })).json().result;
    expect(made.u_request_id).toBe('rid-42');
    const found = (await api(t, 'GET', `${CHG}?${q('u_request_id=rid-42')}&sysparm_fields=number,u_request_id`, svc)).json().result;
    expect(found).toEqual([{ number: made.number, u_request_id: 'rid-42' }]);
    expect((await api(t, 'GET', `${INC}?${q('u_request_idSTARTSWITHrid-')}`, svc)).json().result).toEqual([]);
    expect((await api(t, 'GET', `/api/now/table/task?${q('u_request_id=rid-42')}&sysparm_fields=sys_class_name`, svc)).json().result).toEqual([{ sys_class_name: 'change_request' }]);
    expect((await api(t, 'POST', CHG, svc, { u_request_id: 'r'.repeat(100) })).json().result.u_request_id).toHaveLength(64);
    for (const bad of [{ table: 'sys_user', element: 'u_x' }, { table: 'task', element: 'no_prefix' }, { table: 'task', element: 'u_request_id' }]) {
      expect((await admin(t, 'POST', 'custom-fields', bad)).status, JSON.stringify(bad)).toBe(400);
    }
    // A custom field only on incident is not a change_request field.
    await admin(t, 'POST', 'custom-fields', { table: 'incident', element: 'u_portal_user' });
    expect((await api(t, 'GET', `${CHG}?${q('u_portal_user=x')}`, svc)).status).toBe(400);
  });
});

describe('ACL switches (readAccess)', () => {
  it('hide groups or choices from the integration user: 403, or no rows with aclReadDenied empty', async () => {
    await admin(t, 'POST', 'settings', { readAccess: { sys_user_group: 'admin', sys_choice: 'none' } });
    const refused = await api(t, 'GET', `${GROUPS}?${q('nameLIKEsec')}`, svc);
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual({ error: { message: 'Insufficient rights', detail: 'ACL Exception Read Failed due to security constraints' }, status: 'failure' });
    expect((await api(t, 'GET', GROUPS, jane)).status).toBe(200);
    expect((await api(t, 'GET', CHOICES, jane)).status).toBe(403);
    await admin(t, 'POST', 'settings', { aclReadDenied: 'empty' });
    const empty = await api(t, 'GET', GROUPS, svc);
    expect(empty.status).toBe(200);
    expect(empty.json().result).toEqual([]);
    expect((await api(t, 'GET', `${GROUPS}/${SECOPS}`, svc)).status).toBe(404);
    // Hidden for reading, still valid as a reference.
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x', assignment_group: SECOPS })).status).toBe(201);
    expect((await admin(t, 'POST', 'settings', { readAccess: { sys_user_group: 'everyone' } })).status).toBe(400);
    expect((await admin(t, 'POST', 'settings', { readAccess: { oauth_entity: 'all' } })).status).toBe(400);
    sn.reset();
    expect(sn.state.settings.readAccess.sys_user_group).toBe('all');
  });

  it('start-up settings give readAccess per table; reset() returns to them, the other tables keep their defaults', () => {
    const state = new StandInState({ readAccess: { sys_dictionary: 'itil' }, invalidReference: 'accept' });
    state.updateSettings({ readAccess: { sys_dictionary: 'none', cmdb_ci: 'admin' } });
    state.reset();
    expect(state.settings.readAccess).toEqual({ ...DEFAULT_READ_ACCESS, sys_dictionary: 'itil' });
    expect(state.settings.invalidReference).toBe('accept');
    expect(DEFAULT_READ_ACCESS.sys_dictionary).toBe('admin');
  });
});
