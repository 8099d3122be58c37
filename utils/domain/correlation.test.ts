import { expect, test } from 'vitest';
import { actionIdOf, correlationIdFor, manualCorrelationId } from './correlation';

test('correlation ids round-trip to the action id', () => {
  expect(correlationIdFor('AdminMFAV2')).toBe('m365ss-AdminMFAV2');
  expect(actionIdOf('m365ss-AdminMFAV2')).toBe('AdminMFAV2');
  expect(actionIdOf('m365ss-aad_admin_accounts_separate_unassigned_cloud_only')).toBe(
    'aad_admin_accounts_separate_unassigned_cloud_only',
  );
});

test('manual tickets and foreign ids have no action', () => {
  expect(actionIdOf(manualCorrelationId('abc'))).toBeNull();
  expect(actionIdOf('other-AdminMFAV2')).toBeNull();
});

test('ids that could break an encoded query are refused', () => {
  for (const bad of ['a^ORb', 'x y', '', 'a'.repeat(81), '<img>']) expect(() => correlationIdFor(bad)).toThrow();
});

test('the prefix is matched without case, as ServiceNow does', () => {
  expect(actionIdOf('M365SS-AdminMFAV2')).toBe('AdminMFAV2');
  expect(actionIdOf('M365SS-MANUAL-abc')).toBeNull();
});
