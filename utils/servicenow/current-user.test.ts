import { expect, test } from 'vitest';
import { looksDedicated } from './current-user';

test.each([
  [{ user_name: 'svc_m365', name: 'SVC M365 Integration' }, true],
  [{ user_name: 'm365.integration', name: 'Defender' }, true],
  [{ user_name: 'x', name: 'y', web_service_access_only: 'true' }, true],
  [{ user_name: 'x', name: 'y', internal_integration_user: 'true' }, true],
  [{ user_name: 'jane.admin', name: 'Jane Admin' }, false],
  [{ user_name: 'no.roles', name: 'No Roles' }, false],
  [{ user_name: 'bapi.sharma', name: 'Bapi Sharma' }, false],
])('%j looks dedicated: %s', (record, expected) => {
  expect(looksDedicated(record)).toBe(expected);
});
