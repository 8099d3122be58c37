import { beforeEach, describe, expect, test, vi } from 'vitest';
import { SAMPLE_DRAFT } from '../../tests/support/sample-draft';
import type { ServiceNowClient } from '../servicenow/client';
import { mapHttpError } from '../servicenow/errors';
import { resetMemoryIdb } from '../../tests/support/idb-keyval-memory';
import { createOutbox } from './outbox';
import { outboxStore } from './outbox-store';

vi.mock('idb-keyval', () => import('../../tests/support/idb-keyval-memory'));

const draft = SAMPLE_DRAFT;

const REFUSAL = {
  error: {
    message: 'Operation Failed',
    detail: 'Data Policy Exception: \n\tThe following fields are mandatory: Assignment group',
  },
};

/** An instance with a data policy: a create without assignment_group is refused and stores nothing. */
function policyClient() {
  const created: Record<string, string>[] = [];
  const client = {
    origin: 'https://contoso.service-now.com',
    create: vi.fn(async (_table: string, fields: Record<string, string>) => {
      if (!fields.assignment_group) throw mapHttpError(403, REFUSAL, new Headers(), 'contoso.service-now.com');
      created.push(fields);
      return { sys_id: `id${created.length}`, number: `CHG00${created.length}` };
    }),
    list: vi.fn(async () => ({ records: [], total: 0 })),
  };
  return { client: client as unknown as ServiceNowClient, created };
}

beforeEach(() => resetMemoryIdb());

describe('Complete and send', () => {
  test('a data-policy refusal waits with the missing field, and completing it creates exactly one ticket', async () => {
    const { client, created } = policyClient();
    const learnRefusal = vi.fn(async () => ['assignment_group' as const]);
    const outbox = createOutbox({ client: async () => client, onSent: vi.fn(), wakeAt: vi.fn(), learnRefusal });
    const first = await outbox.submit(draft, 'scc-AdminMFAV2');
    expect(first.state).toBe('failed');
    expect(first.error?.code).toBe('missing_fields');
    expect(learnRefusal).toHaveBeenCalledWith('change_request', ['Assignment group']);
    const [waiting] = await outbox.list();
    expect(waiting?.missingFields).toEqual(['assignment_group']);

    const done = await outbox.complete(first.outboxId, { assignment_group: 'a1b2c3' });
    expect(done.state).toBe('sent');
    expect(created).toHaveLength(1);
    expect(created[0]?.assignment_group).toBe('a1b2c3');
    expect((await outboxStore.all()).length).toBe(1);
    // Completing again does not send a second ticket.
    await outbox.complete(first.outboxId, { assignment_group: 'a1b2c3' });
    expect(created).toHaveLength(1);
  });
});
