import { beforeEach, expect, test, vi } from 'vitest';
import { SAMPLE_DRAFT } from '../../tests/support/sample-draft';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ConnectionService } from '../connection/connection-service';
import { AppError } from '../errors';
import { createOutbox } from '../outbox/outbox';
import type { ServiceNowClient } from '../servicenow/client';
import { resetMemoryIdb } from '../../tests/support/idb-keyval-memory';
import { createTicketService } from './ticket-service';

vi.mock('idb-keyval', () => import('../../tests/support/idb-keyval-memory'));

const draft = SAMPLE_DRAFT;

function world(state = 'connected') {
  const records: Record<string, string>[] = [];
  const client = {
    origin: 'https://contoso.service-now.com',
    list: vi.fn(async (_table: string, o: { query?: string }) => {
      const cid = /correlation_id=([^^]+)/.exec(o.query ?? '')?.[1];
      const hits = records.filter((r) => r.correlation_id === cid && _table === 'change_request');
      return { records: hits.map((r, i) => ({ sys_id: `s${i}`, number: r.number!, state: '-5' })), total: hits.length };
    }),
    create: vi.fn(async (_table: string, fields: Record<string, string>) => {
      await new Promise((r) => setTimeout(r, 20)); // ServiceNow takes a moment
      const record = { ...fields, number: `CHG00${records.length + 1}`, sys_id: `s${records.length}` };
      records.push(record);
      return record;
    }),
  } as unknown as ServiceNowClient;
  const connection = {
    status: async () => ({ state, instanceOrigin: client.origin }),
    client: async () => client,
  } as unknown as ConnectionService;
  const outbox = createOutbox({ client: async () => client, onSent: () => undefined, wakeAt: () => undefined });
  return { records, client, service: createTicketService(connection, outbox) };
}

beforeEach(() => {
  fakeBrowser.reset();
  resetMemoryIdb();
});

test('two forms sending the same action at once make one ticket; the second is asked to confirm', async () => {
  const { records, service } = world();
  const [a, b] = await Promise.allSettled([service.create(draft), service.create(draft)]);
  expect(a).toMatchObject({ status: 'fulfilled', value: { state: 'sent' } });
  expect(b).toMatchObject({ status: 'rejected', reason: { code: 'duplicate' } });
  expect(records).toHaveLength(1);
});

test('while offline, a ticket still waiting in the outbox counts as existing', async () => {
  const { records, service, client } = world('offline');
  vi.mocked(client.create).mockRejectedValueOnce(new AppError('network', 'offline'));
  const first = await service.create(draft);
  expect(first.state).toBe('pending');
  await expect(service.create(draft)).rejects.toMatchObject({ code: 'duplicate' });
  expect(records).toHaveLength(0);
});

test('an invalid draft is refused before anything is stored', async () => {
  const { records, service } = world();
  await expect(service.create({ ...draft, name: '' })).rejects.toMatchObject({ code: 'invalid_input' });
  expect(records).toHaveLength(0);
});
