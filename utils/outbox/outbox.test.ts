import { beforeEach, describe, expect, test, vi } from 'vitest';
import { SAMPLE_DRAFT } from '../../tests/support/sample-draft';
import { AppError } from '../errors';
import type { ServiceNowClient } from '../servicenow/client';
import { createOutbox } from './outbox';
import { outboxStore } from './outbox-store';
import { resetMemoryIdb } from '../../tests/support/idb-keyval-memory';

vi.mock('idb-keyval', () => import('../../tests/support/idb-keyval-memory'));

const draft = SAMPLE_DRAFT;

/** An in-memory instance: records with creation times, found by correlation_id and description. */
function fakeClient() {
  const created: Record<string, string>[] = [];
  const numberOf = (i: number) => `CHG00${i + 1}`;
  const rowOf = (f: Record<string, string>, i: number) => ({
    sys_id: `id${i + 1}`,
    number: numberOf(i),
    sys_created_on: `2099-01-01 00:00:${String(i).padStart(2, '0')}`,
    state: f.state ?? '-5',
  });
  const client = {
    origin: 'https://contoso.service-now.com',
    create: vi.fn(async (_table: string, fields: Record<string, string>) => {
      created.push({ ...fields });
      return { sys_id: `id${created.length}`, number: numberOf(created.length - 1) };
    }),
    list: vi.fn(async (_table: string, options: { query?: string }) => {
      const id = /descriptionLIKE([^^]+)/.exec(options.query ?? '')?.[1] ?? '';
      const records = created.map(rowOf).filter((_r, i) => created[i]!.description!.includes(id));
      return { records, total: records.length };
    }),
    update: vi.fn(async (_table: string, sysId: string, fields: Record<string, string>) => {
      Object.assign(created[Number(sysId.slice(2)) - 1]!, fields);
    }),
  };
  return { client: client as unknown as ServiceNowClient & typeof client, created };
}

let t = 1_000_000;
const deps = (client: ServiceNowClient) => ({
  client: async () => client,
  onSent: vi.fn(),
  wakeAt: vi.fn(),
  now: () => t,
});

beforeEach(() => {
  resetMemoryIdb();
  t = 1_000_000;
});

describe('outbox', () => {
  test('persists the ticket before calling ServiceNow, then sends it once', async () => {
    const { client, created } = fakeClient();
    client.create.mockImplementationOnce(async (_table, fields) => {
      expect((await outboxStore.all()).map((i) => i.state)).toEqual(['sending']);
      created.push(fields);
      return { sys_id: 'id1', number: 'CHG001' };
    });
    const d = deps(client);
    const outcome = await createOutbox(d).submit(draft, 'm365ss-AdminMFAV2');
    expect(outcome).toMatchObject({
      state: 'sent',
      result: { number: 'CHG001', url: 'https://contoso.service-now.com/nav_to.do?uri=change_request.do?sys_id=id1' },
    });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      correlation_id: 'm365ss-AdminMFAV2',
      short_description: 'Require MFA',
      priority: '2',
    });
    expect(d.onSent).toHaveBeenCalledTimes(1);
  });

  test('an answer lost after ServiceNow created the record never leads to a second record', async () => {
    const { client, created } = fakeClient();
    client.create.mockImplementationOnce(async (_table, fields) => {
      created.push(fields); // carried out…
      throw new AppError('network', 'Could not reach contoso'); // …but the answer was lost
    });
    const d = deps(client);
    const outbox = createOutbox(d);
    const first = await outbox.submit(draft, 'm365ss-AdminMFAV2');
    expect(first).toMatchObject({ state: 'pending', error: { code: 'network' } });
    expect(d.wakeAt).toHaveBeenCalledWith(first.nextAttemptAt);
    const second = await outbox.send(first.outboxId);
    expect(second).toMatchObject({ state: 'sent', result: { number: 'CHG001' } });
    expect(created).toHaveLength(1);
  });

  test('429 waits for Retry-After and does not look for a record first', async () => {
    const { client } = fakeClient();
    client.create.mockRejectedValueOnce(new AppError('rate_limited', 'slow down', { retryAfter: 30, status: 429 }));
    const d = deps(client);
    const outbox = createOutbox(d);
    const first = await outbox.submit(draft, 'm365ss-AdminMFAV2');
    expect(first.state).toBe('pending');
    expect(first.nextAttemptAt! - t).toBeGreaterThanOrEqual(30_000);
    expect(first.nextAttemptAt! - t).toBeLessThan(31_000);
    await outbox.send(first.outboxId);
    // Only the verify after the successful create looks; nothing before the POST.
    expect(client.list).toHaveBeenCalledTimes(1);
    expect(client.list.mock.invocationCallOrder[0]).toBeGreaterThan(client.create.mock.invocationCallOrder[1]!);
  });

  test('errors that need the user stay visible as failed, with retry and discard', async () => {
    const { client } = fakeClient();
    client.create.mockRejectedValueOnce(new AppError('missing_role', 'needs itil', { status: 403 }));
    const d = deps(client);
    const outbox = createOutbox(d);
    const first = await outbox.submit(draft, 'm365ss-AdminMFAV2');
    expect(first).toMatchObject({ state: 'failed', error: { code: 'missing_role' } });
    expect(d.wakeAt).not.toHaveBeenCalled();
    expect(await outbox.waitingCount()).toBe(1);
    expect(await outbox.retry(first.outboxId)).toMatchObject({ state: 'sent' });
    expect(await outbox.waitingCount()).toBe(0);
  });

  test('concurrent sends of one item share a single attempt', async () => {
    const { client, created } = fakeClient();
    const outbox = createOutbox(deps(client));
    client.create.mockRejectedValueOnce(new AppError('server_error', '503', { status: 503 }));
    const first = await outbox.submit(draft, 'm365ss-AdminMFAV2');
    const results = await Promise.all([
      outbox.send(first.outboxId),
      outbox.send(first.outboxId),
      outbox.retry(first.outboxId),
    ]);
    expect(results.every((r) => r.state === 'sent')).toBe(true);
    expect(created).toHaveLength(1);
  });

  test('after a worker restart an item caught mid-send is checked before it is sent again', async () => {
    const { client, created } = fakeClient();
    const outbox = createOutbox(deps(client));
    const first = await outbox.submit(draft, 'm365ss-AdminMFAV2');
    const item = (await outboxStore.get(first.outboxId))!;
    await outboxStore.put({ ...item, state: 'sending', result: undefined }); // the worker died mid-request
    const restarted = createOutbox(deps(client));
    await restarted.resume();
    await vi.waitFor(async () => expect((await outboxStore.get(first.outboxId))?.state).toBe('sent'));
    expect(client.list).toHaveBeenCalled();
    expect(created).toHaveLength(1);
  });

  test('discard removes a waiting ticket', async () => {
    const { client } = fakeClient();
    client.create.mockRejectedValueOnce(new AppError('reconnect_needed', 'reconnect'));
    const outbox = createOutbox(deps(client));
    const first = await outbox.submit(draft, 'm365ss-AdminMFAV2');
    await outbox.discard(first.outboxId);
    expect(await outbox.list()).toEqual([]);
  });
});

describe('outbox: review cases', () => {
  test('a Retry that wakes a worker which died mid-send looks before it posts', async () => {
    const { client, created } = fakeClient();
    const outbox = createOutbox(deps(client));
    const first = await outbox.submit(draft, 'm365ss-AdminMFAV2');
    const item = (await outboxStore.get(first.outboxId))!;
    await outboxStore.put({ ...item, state: 'sending', result: undefined, uncertain: false });
    const restarted = createOutbox(deps(client));
    expect(await restarted.retry(first.outboxId)).toMatchObject({ state: 'sent' });
    expect(client.list).toHaveBeenCalled();
    expect(created).toHaveLength(1);
  });

  test('a 201 without a usable body is "created, number pending", resolved by lookup', async () => {
    const { client, created } = fakeClient();
    client.create.mockImplementationOnce(async (_table, fields) => {
      created.push(fields);
      throw new AppError('bad_response', 'no sys_id');
    });
    const outbox = createOutbox(deps(client));
    const first = await outbox.submit(draft, 'm365ss-AdminMFAV2');
    expect(first).toMatchObject({ state: 'sent', result: { number: 'CHG001' } });
    expect(created).toHaveLength(1);
  });

  test('a 201 without a usable body and no record found waits and looks again, never "failed"', async () => {
    const { client, created } = fakeClient();
    client.create.mockRejectedValueOnce(new AppError('bad_response', 'no sys_id'));
    const outbox = createOutbox(deps(client));
    const first = await outbox.submit(draft, 'm365ss-AdminMFAV2');
    expect(first).toMatchObject({ state: 'pending', error: { code: 'bad_response' } });
    expect(await outbox.send(first.outboxId)).toMatchObject({ state: 'sent' });
    expect(created).toHaveLength(1);
  });

  test('a ticket meant for another instance is never sent to the new one', async () => {
    const { client, created } = fakeClient();
    const outbox = createOutbox(deps(client));
    const outcome = await outbox.submit(draft, 'm365ss-AdminMFAV2', 'https://old.service-now.com');
    expect(outcome).toMatchObject({
      state: 'failed',
      error: { message: expect.stringContaining('old.service-now.com') },
    });
    expect(created).toHaveLength(0);
  });
});
