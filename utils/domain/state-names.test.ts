import { describe, expect, test } from 'vitest';
import { cleanStateNames, hasErrors, resolveStateNames, stateName, validateStateNames } from './state-names';
import { defaultStateNames, STATES } from './states';

describe('state names', () => {
  test("defaults are the spec's names", () => {
    const names = defaultStateNames();
    // (in workflow order; object key order would put "0", "3", "4" first)
    expect(STATES.change_request.map((s) => names.change_request[s.value])).toEqual([
      'New',
      'Assess',
      'Authorize',
      'Scheduled',
      'Implement',
      'Review',
      'Closed',
      'Canceled',
    ]);
    expect(STATES.incident.map((s) => names.incident[s.value])).toEqual([
      'New',
      'In Progress',
      'On Hold',
      'Resolved',
      'Closed',
      'Canceled',
    ]);
  });

  test('stored names override the defaults; junk in storage is ignored', () => {
    const names = resolveStateNames({
      change_request: { '-4': 'Security review', '-3': '', '99': 'Unknown value', '-5': 42 },
      incident: 'not an object',
      other_table: { 1: 'x' },
    });
    expect(names.change_request['-4']).toBe('Security review');
    expect(names.change_request['-3']).toBe('Authorize');
    expect(names.change_request['-5']).toBe('New');
    expect(names.change_request['99']).toBeUndefined();
    expect(names.incident).toEqual(defaultStateNames().incident);
    expect(resolveStateNames(null)).toEqual(defaultStateNames());
    expect(resolveStateNames({ change_request: { '-4': 'x'.repeat(41) } }).change_request['-4']).toBe('Assess');
  });

  test('valid names pass; they are trimmed when saved', () => {
    const names = defaultStateNames();
    names.change_request['-4'] = '  Security review  ';
    expect(hasErrors(validateStateNames(names))).toBe(false);
    expect(cleanStateNames(names).change_request['-4']).toBe('Security review');
  });

  test('empty, too long, duplicate within a type (ignoring case and spaces) and control characters are refused', () => {
    const names = defaultStateNames();
    names.change_request['-5'] = '   ';
    names.change_request['-4'] = 'x'.repeat(41);
    names.change_request['-3'] = ' closed ';
    names.incident['2'] = 'In\u0007Progress';
    const errors = validateStateNames(names);
    expect(errors.change_request).toEqual({ '-5': 'empty', '-4': 'tooLong', '3': 'duplicate' });
    expect(errors.incident).toEqual({ '2': 'invalid' });
    expect(hasErrors(errors)).toBe(true);
  });

  test('the same name in two ticket types is fine', () => {
    const names = defaultStateNames();
    expect(names.change_request['3']).toBe(names.incident['7']);
    expect(hasErrors(validateStateNames(names))).toBe(false);
  });

  test('a state value without a name (custom states on an instance) has none', () => {
    expect(stateName(defaultStateNames(), 'incident', '-40')).toBeNull();
    expect(stateName(defaultStateNames(), 'incident', '3')).toBe('On Hold');
  });
});
