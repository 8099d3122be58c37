// @vitest-environment node
// Defaults checked against the ServiceNow stand-in when they are saved (F7).
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { signedInClient } from '../../tests/support/standin-client';
import { ciSysId, groupSysId } from '../../tests/servicenow/seed-reference';
import { startServiceNow, type ServiceNowStandIn } from '../../tests/servicenow/server';
import { checkFieldValues } from './check-field-values';
import type { ServiceNowClient } from './client';
import { searchRecords } from './record-lookup';

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

describe('checking defaults against the instance', () => {
  test('groups, CIs and choices the instance has pass', async () => {
    const [network] = await searchRecords(client, 'sys_user_group', 'netw');
    expect(network).toMatchObject({ name: 'Network', sysId: groupSysId('Network') });
    const problems = await checkFieldValues(client, 'change_request', {
      assignment_group: network!.sysId,
      cmdb_ci: ciSysId('Microsoft Entra ID'),
      category: 'network',
      type: 'emergency',
    });
    expect(problems).toEqual({});
  });

  test('a deleted group and a retired choice are reported on their fields', async () => {
    expect(sn.state.deleteStoredRow('sys_user_group', groupSysId('Network'))).toBe(true);
    const problems = await checkFieldValues(client, 'change_request', {
      assignment_group: groupSysId('Network'),
      category: 'telecom',
    });
    expect(problems).toEqual({
      assignment_group: 'The default assignment group no longer exists in ServiceNow. Choose another one.',
      category: 'The default category is no longer a choice in ServiceNow. Choose another one.',
    });
  });

  test('an incident has no change type to check', async () => {
    expect(await checkFieldValues(client, 'incident', { type: 'nonsense' })).toEqual({});
  });
});

describe('choices', () => {
  test('one label per value, in English when the UI is English (the instance also has German rows)', async () => {
    const { listChoices } = await import('./record-lookup');
    expect(await listChoices(client, 'incident', 'category')).toEqual([
      { value: 'inquiry', label: 'Inquiry / Help' },
      { value: 'software', label: 'Software' },
      { value: 'hardware', label: 'Hardware' },
      { value: 'network', label: 'Network' },
      { value: 'database', label: 'Database' },
    ]);
  });

  test('in the UI language when the instance has it', async () => {
    const { listChoices } = await import('./record-lookup');
    const german = { i18n: { getMessage: (key: string) => (key === 'langTag' ? 'de' : '') } };
    vi.stubGlobal('browser', german);
    vi.stubGlobal('chrome', german);
    try {
      const labels = (await listChoices(client, 'incident', 'category')).map((c) => c.label);
      expect(labels).toEqual(['Anfrage / Hilfe', 'Software', 'Hardware', 'Netzwerk', 'Datenbank']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
