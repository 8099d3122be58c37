import { describe, expect, test } from 'vitest';
import { AppError } from '../errors';
import { runChecklist, type ChecklistProbes } from './checklist';

const svc = {
  sysId: 'a'.repeat(32),
  userName: 'svc_m365',
  name: 'SVC M365 Integration',
  dedicated: true,
  roles: ['itil'],
};

function probes(overrides: Partial<ChecklistProbes> = {}): ChecklistProbes {
  return {
    configured: true,
    probeInstance: async () => undefined,
    hasTokens: true,
    reconnectNeeded: false,
    currentUser: async () => svc,
    canRead: async () => undefined,
    ...overrides,
  };
}

const states = (result: Awaited<ReturnType<typeof runChecklist>>) =>
  Object.fromEntries(result.steps.map((s) => [s.id, s.state]));

describe('runChecklist', () => {
  test('all steps pass for a dedicated user with itil', async () => {
    const result = await runChecklist(probes());
    expect(states(result)).toEqual({
      instance: 'ok',
      client: 'ok',
      authorized: 'ok',
      user: 'ok',
      read: 'ok',
      create: 'ok',
      ready: 'ok',
    });
    expect(result.user?.name).toBe('SVC M365 Integration');
  });

  test('not configured stops at the first step', async () => {
    const result = await runChecklist(probes({ configured: false }));
    expect(result.steps[0]).toMatchObject({
      id: 'instance',
      state: 'failed',
      detail: expect.stringContaining('options'),
    });
    expect(result.steps.slice(1).every((s) => s.state === 'pending')).toBe(true);
  });

  test('an unreachable instance says so', async () => {
    const result = await runChecklist(
      probes({
        probeInstance: async () => {
          throw new AppError('instance_unreachable', 'asleep');
        },
      }),
    );
    expect(result.steps[0]).toMatchObject({ state: 'failed', detail: 'asleep' });
  });

  test('a rejected client fails the client step with its message', async () => {
    const result = await runChecklist(
      probes({ hasTokens: false, lastAuthError: new AppError('invalid_client', 'bad secret') }),
    );
    expect(states(result)).toMatchObject({ instance: 'ok', client: 'failed', authorized: 'pending' });
  });

  test('without tokens the user is asked to connect, or to reconnect', async () => {
    expect((await runChecklist(probes({ hasTokens: false }))).steps.find((s) => s.id === 'authorized')?.detail).toMatch(
      /Select Connect/,
    );
    expect(
      (await runChecklist(probes({ hasTokens: false, reconnectNeeded: true }))).steps.find((s) => s.id === 'authorized')
        ?.detail,
    ).toMatch(/no longer accepts/);
  });

  test('a personal account warns but does not block', async () => {
    const result = await runChecklist(
      probes({ currentUser: async () => ({ ...svc, name: 'Jane Admin', dedicated: false }) }),
    );
    expect(states(result)).toMatchObject({ user: 'warning', ready: 'ok' });
    expect(result.steps.find((s) => s.id === 'user')?.detail).toMatch(/Not you\?/);
  });

  test('a read refusal fails the read step with the mapped message', async () => {
    const result = await runChecklist(
      probes({
        canRead: async () => {
          throw new AppError('cross_scope', 'cross-scope: fix it');
        },
      }),
    );
    expect(states(result)).toMatchObject({ read: 'failed', create: 'pending', ready: 'pending' });
    expect(result.steps.find((s) => s.id === 'read')?.detail).toBe('cross-scope: fix it');
  });

  test('a user without a creating role fails the create step', async () => {
    const result = await runChecklist(probes({ currentUser: async () => ({ ...svc, roles: ['snc_read_only'] }) }));
    expect(states(result)).toMatchObject({ read: 'ok', create: 'failed', ready: 'pending' });
  });

  test('unknown roles warn that creation is checked later', async () => {
    const result = await runChecklist(probes({ currentUser: async () => ({ ...svc, roles: undefined }) }));
    expect(states(result)).toMatchObject({ create: 'warning', ready: 'ok' });
  });
});
