import { expect, test } from 'vitest';
import { isActionIdsRequest, isTicketListQuery } from './payload-checks';

const good = { table: 'all', state: '', search: '', sort: 'number', dir: 'asc', offset: 0, limit: 50 };

test('list queries: only known keys and bounded values', () => {
  expect(isTicketListQuery(good)).toBe(true);
  expect(isTicketListQuery({ ...good, table: 'incident', state: '-4', search: 'mfa', sort: 'due', dir: 'desc' })).toBe(
    true,
  );
  for (const bad of [
    null,
    [],
    { ...good, extra: 1 },
    { ...good, table: 'sys_user' },
    { ...good, state: 'Assess' },
    { ...good, state: '1^ORstate=2' },
    { ...good, search: 'x'.repeat(101) },
    { ...good, sort: '__proto__' },
    { ...good, dir: 'up' },
    { ...good, offset: -1 },
    { ...good, limit: 0 },
    { ...good, limit: 201 },
    { ...good, limit: 1.5 },
    { table: 'all' },
  ])
    expect(isTicketListQuery(bad)).toBe(false);
});

test('action id lists: valid ids, at most 200', () => {
  expect(isActionIdsRequest({ actionIds: ['AdminMFAV2', 'scid_2010'] })).toBe(true);
  expect(isActionIdsRequest({ actionIds: [] })).toBe(true);
  for (const bad of [
    { actionIds: ['a^ORb'] },
    { actionIds: 'AdminMFAV2' },
    { actionIds: [1] },
    { actionIds: Array(201).fill('a') },
    { actionIds: [], more: 1 },
    {},
  ]) {
    expect(isActionIdsRequest(bad)).toBe(false);
  }
});
