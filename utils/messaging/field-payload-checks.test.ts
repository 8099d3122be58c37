import { describe, expect, test } from 'vitest';
import { isCheckFieldDefaultsRequest } from './field-payload-checks';
import { MESSAGE_SPECS } from './specs';

describe('checkFieldDefaults', () => {
  test('only from extension pages: the portal never saves defaults', () => {
    expect(MESSAGE_SPECS.checkFieldDefaults.from).toEqual(['extension-page']);
  });

  test('takes a ticket type and field values that cannot change an encoded query', () => {
    expect(isCheckFieldDefaultsRequest({ type: 'incident', fields: { assignment_group: '0123abcd' } })).toBe(true);
    expect(isCheckFieldDefaultsRequest({ type: 'incident', fields: { assignment_group: 'x^ORactive=true' } })).toBe(
      false,
    );
    expect(isCheckFieldDefaultsRequest({ type: 'problem', fields: {} })).toBe(false);
    expect(isCheckFieldDefaultsRequest({ type: 'incident', fields: {}, extra: 1 })).toBe(false);
  });
});
