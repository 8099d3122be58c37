// @vitest-environment node
// A customized instance: data policies that make fields mandatory (refused with ServiceNow's
// "Data Policy Exception" naming the fields by label) and business rules that abort a write no
// form can fix. Both are readable as configuration tables by admin.
import { beforeEach, describe, expect, it } from 'vitest';
import { ciSysId, groupSysId } from './seed-reference.ts';
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
const SECOPS = groupSysId('Security Operations');
const policyRefusal = (labels: string) => ({ error: { message: 'Operation Failed', detail: `Data Policy Exception: \n\tThe following fields are mandatory: ${labels}` }, status: 'failure' });

/** The customized instance of issue 13: group and category on changes, group on incidents. */
async function customize(): Promise<void> {
  expect((await admin(t, 'POST', 'data-policies', { table: 'change_request', fields: ['assignment_group', 'category'], short_description: 'Changes are routed and categorized' })).status).toBe(200);
  expect((await admin(t, 'POST', 'data-policies', { table: 'incident', fields: ['assignment_group'] })).status).toBe(200);
}

describe('data policies', () => {
  it('a create missing mandatory fields is refused with 403 naming them by label; nothing is stored', async () => {
    await customize();
    const res = await api(t, 'POST', CHG, svc, { short_description: 'Enable MFA', correlation_id: 'req-1' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual(policyRefusal('Assignment group, Category'));
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x', category: 'software' })).json()).toEqual(policyRefusal('Assignment group'));
    expect((await api(t, 'POST', INC, svc, { short_description: 'x' })).json()).toEqual(policyRefusal('Assignment group'));
    expect(sn.state.tables.change_request.rows.size + sn.state.tables.incident.rows.size).toBe(0);
    // No number was used up by the refusals.
    const ok = await api(t, 'POST', CHG, svc, { short_description: 'Enable MFA', assignment_group: SECOPS, category: 'software', correlation_id: 'req-1' });
    expect(ok.status).toBe(201);
    expect(ok.json().result.number).toBe('CHG0030001');
  });

  it('an empty or blank value counts as missing', async () => {
    await customize();
    for (const group of ['', '   ', null]) {
      const res = await api(t, 'POST', INC, svc, { short_description: 'x', assignment_group: group });
      expect(res.status, JSON.stringify(group)).toBe(group === '   ' ? 400 : 403); // blanks are not a sys_id
    }
  });

  it('a PATCH that clears a mandatory field is refused; other PATCHes (cancel + work note) pass', async () => {
    await customize();
    const r = (await api(t, 'POST', CHG, svc, { short_description: 'x', assignment_group: SECOPS, category: 'software' })).json().result;
    const cleared = await api(t, 'PATCH', `${CHG}/${r.sys_id}`, svc, { category: '' });
    expect(cleared.status).toBe(403);
    expect(cleared.json()).toEqual(policyRefusal('Category'));
    expect(sn.state.tables.change_request.rows.get(r.sys_id)!.category).toBe('software');
    const canceled = await api(t, 'PATCH', `${CHG}/${r.sys_id}`, svc, { state: '4', work_notes: 'Duplicate of CHG0030002' });
    expect(canceled.status).toBe(200);
    expect(canceled.json().result).toMatchObject({ state: '4', active: 'false' });
  });

  it('applies to the record as a whole: a record made before the policy must be completed on its next update', async () => {
    const r = (await api(t, 'POST', INC, svc, { short_description: 'before the policy' })).json().result;
    await customize();
    expect((await api(t, 'PATCH', `${INC}/${r.sys_id}`, svc, { state: '8' })).json()).toEqual(policyRefusal('Assignment group'));
    expect((await api(t, 'PATCH', `${INC}/${r.sys_id}`, svc, { state: '8', assignment_group: SECOPS })).status).toBe(200);
  });

  it('conditions limit a policy to matching records; a task policy with inherit applies to both tables', async () => {
    await admin(t, 'POST', 'data-policies', { table: 'change_request', fields: ['cmdb_ci'], conditions: 'type=emergency' });
    expect((await api(t, 'POST', CHG, svc, { short_description: 'normal change' })).status).toBe(201);
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x', type: 'emergency' })).json()).toEqual(policyRefusal('Configuration item'));
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x', type: 'emergency', cmdb_ci: ciSysId('Microsoft 365') })).status).toBe(201);
    await admin(t, 'POST', 'data-policies', { table: 'task', fields: ['description'], inherit: true });
    expect((await api(t, 'POST', INC, svc, { short_description: 'x' })).json()).toEqual(policyRefusal('Description'));
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x' })).json()).toEqual(policyRefusal('Description'));
    // Labels follow the dictionary.
    await admin(t, 'POST', 'dictionary/task/description', { column_label: 'Details' });
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x' })).json()).toEqual(policyRefusal('Details'));
  });

  it('inDictionary: the fields also show as mandatory in the dictionary (an override for task fields)', async () => {
    await admin(t, 'POST', 'settings', { readAccess: { sys_dictionary: 'itil', sys_dictionary_override: 'itil' } });
    await admin(t, 'POST', 'data-policies', { table: 'change_request', fields: ['assignment_group', 'category'], inDictionary: true });
    expect((await api(t, 'GET', `/api/now/table/sys_dictionary?${q('name=change_request^mandatory=true')}&sysparm_fields=element,column_label`, svc)).json().result).toEqual([{ element: 'category', column_label: 'Category' }]);
    expect((await api(t, 'GET', `/api/now/table/sys_dictionary_override?${q('name=change_request^mandatory=true')}&sysparm_fields=element`, svc)).json().result).toEqual([{ element: 'assignment_group' }]);
    // Without inDictionary, a data policy does not show in the dictionary at all.
    await admin(t, 'POST', 'data-policies', { table: 'incident', fields: ['category'] });
    expect((await api(t, 'GET', `/api/now/table/sys_dictionary?${q('name=incident^mandatory=true')}`, svc)).json().result).toEqual([]);
  });

  it('sys_data_policy2 and sys_data_policy_rule: admin reads them (default), itil does not', async () => {
    await customize();
    const policies = await api(t, 'GET', `/api/now/table/sys_data_policy2?${q('model_table=change_request^active=true')}&sysparm_fields=sys_id,model_table,short_description,conditions,inherit,active`, jane);
    expect(policies.json().result).toEqual([{ sys_id: expect.stringMatching(/^[0-9a-f]{32}$/), model_table: 'change_request', short_description: 'Changes are routed and categorized', conditions: '', inherit: 'false', active: 'true' }]);
    const policyId = policies.json().result[0].sys_id;
    const rules = (await api(t, 'GET', `/api/now/table/sys_data_policy_rule?${q(`sys_data_policy=${policyId}^mandatory=true`)}&sysparm_fields=table,field,mandatory,sys_data_policy&sysparm_exclude_reference_link=true&sysparm_display_value=all`, jane)).json().result;
    expect(rules).toEqual([
      { table: { display_value: 'change_request', value: 'change_request' }, field: { display_value: 'assignment_group', value: 'assignment_group' }, mandatory: { display_value: 'True', value: 'true' }, sys_data_policy: { display_value: 'Changes are routed and categorized', value: policyId } },
      { table: { display_value: 'change_request', value: 'change_request' }, field: { display_value: 'category', value: 'category' }, mandatory: { display_value: 'True', value: 'true' }, sys_data_policy: { display_value: 'Changes are routed and categorized', value: policyId } },
    ]);
    expect((await api(t, 'GET', '/api/now/table/sys_data_policy2', svc)).status).toBe(403);
    expect((await api(t, 'GET', '/api/now/table/sys_data_policy_rule', svc)).status).toBe(403);
  });

  it('admin: list, delete one, deactivate, clear; malformed policies are 400', async () => {
    await customize();
    const list = (await admin(t, 'GET', 'data-policies')).json();
    expect(list.map((p: { policy: { model_table: string }; rules: { field: string }[] }) => [p.policy.model_table, p.rules.map((r) => r.field)])).toEqual([
      ['change_request', ['assignment_group', 'category']],
      ['incident', ['assignment_group']],
    ]);
    await admin(t, 'DELETE', `data-policies/${list[1].policy.sys_id}`);
    expect((await api(t, 'POST', INC, svc, { short_description: 'x' })).status).toBe(201);
    expect(sn.state.store.sys_data_policy_rule.size).toBe(2);
    await admin(t, 'POST', `records/sys_data_policy2/${list[0].policy.sys_id}`, { active: false });
    expect((await api(t, 'POST', CHG, svc, { short_description: 'x' })).status).toBe(201);
    await admin(t, 'DELETE', 'data-policies');
    expect(sn.state.store.sys_data_policy_rule.size).toBe(0);
    for (const bad of [{ table: 'sys_user', fields: ['name'] }, { table: 'change_request', fields: [] }, { table: 'change_request', fields: ['u_nope'] }, { table: 'change_request', fields: ['number'] }, { table: 'change_request', fields: ['category'], conditions: 'nope=1' }]) {
      expect((await admin(t, 'POST', 'data-policies', bad)).status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('admin writes and bulk seeding are not subject to data policies (like setWorkflow(false))', async () => {
    await customize();
    expect(sn.state.createRecord('change_request', { short_description: 'fulfiller import' }).number).toBe('CHG0030001');
    expect((await admin(t, 'POST', 'seed/incident', { count: 3 })).json().created).toBe(3);
  });
});

describe('business rules that abort (what the ServiceNow admin must change)', () => {
  it('refuses inserts with the exact abort detail; a message (gs.addErrorMessage) becomes error.message', async () => {
    const rule = (await admin(t, 'POST', 'business-rules', { table: 'change_request', name: 'Block integration changes' })).json().rule;
    const res = await api(t, 'POST', CHG, svc, { short_description: 'x', assignment_group: SECOPS });
    expect(res.status).toBe(403);
    expect(res.json()).toEqual({
      error: { message: 'Operation Failed', detail: `Operation against file 'change_request' was aborted by Business Rule 'Block integration changes^${rule.sys_id}'. Business Rule Stack:Block integration changes` },
      status: 'failure',
    });
    expect((await api(t, 'POST', INC, svc, { short_description: 'x' })).status).toBe(201);
    await admin(t, 'DELETE', 'business-rules');
    await admin(t, 'POST', 'business-rules', { table: 'incident', name: 'Freeze', message: '<b>Change freeze</b> until 2 January' });
    expect((await api(t, 'POST', INC, svc, { short_description: 'x' })).json().error.message).toBe('Change freeze until 2 January');
  });

  it('conditions and operations: update and delete aborts; task rules apply to both tables', async () => {
    const r = (await api(t, 'POST', CHG, svc, { short_description: 'x' })).json().result;
    await admin(t, 'POST', 'business-rules', { table: 'task', name: 'No cancel from integrations', operations: ['update'], condition: 'state=4^ORstate=8' });
    expect((await api(t, 'PATCH', `${CHG}/${r.sys_id}`, svc, { short_description: 'renamed' })).status).toBe(200);
    const cancel = await api(t, 'PATCH', `${CHG}/${r.sys_id}`, svc, { state: '4' });
    expect(cancel.status).toBe(403);
    expect(cancel.json().error.detail).toMatch(/^Operation against file 'change_request' was aborted by Business Rule 'No cancel from integrations\^/);
    expect(sn.state.tables.change_request.rows.get(r.sys_id)!.state).toBe('-5');
    await admin(t, 'POST', 'business-rules', { table: 'change_request', name: 'Keep history', operations: ['delete'] });
    const del = await api(t, 'DELETE', `${CHG}/${r.sys_id}`, jane);
    expect(del.status).toBe(403);
    expect(del.json().error.detail).toContain("Business Rule 'Keep history^");
    expect(sn.state.tables.change_request.rows.has(r.sys_id)).toBe(true);
    expect((await api(t, 'GET', '/api/now/table/sys_script?sysparm_fields=name,collection,action_update,action_delete,filter_condition', jane)).json().result).toEqual([
      { name: 'No cancel from integrations', collection: 'task', action_update: 'true', action_delete: 'false', filter_condition: 'state=4^ORstate=8' },
      { name: 'Keep history', collection: 'change_request', action_update: 'false', action_delete: 'true', filter_condition: '' },
    ]);
    expect((await admin(t, 'POST', 'business-rules', { table: 'change_request', name: 'x', operations: ['query'] })).status).toBe(400);
  });
});
