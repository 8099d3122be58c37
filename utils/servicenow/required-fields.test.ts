// @vitest-environment node
// What the instance requires, learned from what the integration user may read (F7), against the stand-in.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { signedInClient } from '../../tests/support/standin-client';
import { createDataPolicy, setDictionaryMandatory } from '../../tests/servicenow/policies';
import { startServiceNow, type ServiceNowStandIn } from '../../tests/servicenow/server';
import type { ServiceNowClient } from './client';
import { learnRequiredFields } from './required-fields';

let sn: ServiceNowStandIn;
let client: ServiceNowClient;

beforeAll(async () => {
  sn = await startServiceNow({ port: 0 });
});
afterAll(() => sn.close());
beforeEach(async () => {
  sn.reset();
  client = await signedInClient(sn);
});

const openPolicies = () =>
  Object.assign(sn.state.settings.readAccess, { sys_data_policy_rule: 'itil', sys_data_policy2: 'itil' });

describe('learning the required fields', () => {
  test('a base instance requires nothing', async () => {
    openPolicies();
    expect(await learnRequiredFields(client)).toEqual({ change_request: [], incident: [] });
  });

  test('policies the integration user cannot read teach nothing (the refusal will)', async () => {
    createDataPolicy(sn.state, { table: 'change_request', fields: ['assignment_group'] });
    expect(await learnRequiredFields(client)).toEqual({ change_request: [], incident: [] });
  });

  test('readable data policies: per table, task policies inherited, inactive and conditional ones left out', async () => {
    openPolicies();
    createDataPolicy(sn.state, { table: 'change_request', fields: ['assignment_group', 'category'] });
    createDataPolicy(sn.state, { table: 'incident', fields: ['assignment_group'] });
    createDataPolicy(sn.state, { table: 'task', fields: ['cmdb_ci'], active: false });
    createDataPolicy(sn.state, { table: 'change_request', fields: ['type'], conditions: 'priority=1' });
    expect(await learnRequiredFields(client)).toEqual({
      change_request: ['assignment_group', 'category'],
      incident: ['assignment_group'],
    });
    createDataPolicy(sn.state, { table: 'task', fields: ['cmdb_ci'], inherit: true });
    expect(await learnRequiredFields(client)).toEqual({
      change_request: ['assignment_group', 'category', 'cmdb_ci'],
      incident: ['assignment_group', 'cmdb_ci'],
    });
  });

  test('the dictionary, with its overrides per table, when it is readable', async () => {
    Object.assign(sn.state.settings.readAccess, { sys_dictionary: 'itil', sys_dictionary_override: 'itil' });
    setDictionaryMandatory(sn.state, 'incident', 'assignment_group', true);
    setDictionaryMandatory(sn.state, 'change_request', 'category', true);
    expect(await learnRequiredFields(client)).toEqual({ change_request: ['category'], incident: ['assignment_group'] });
  });
});
