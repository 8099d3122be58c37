import { beforeEach, describe, expect, test, vi } from 'vitest';
import { AppError } from '../errors';
import type { ServiceNowClient } from '../servicenow/client';
import type { TicketDraft } from '../domain/ticket-draft';
import { createOutbox } from './outbox';
import { resetMemoryIdb } from '../../tests/support/idb-keyval-memory';
import { SAMPLE_DRAFT } from '../../tests/support/sample-draft';

vi.mock('idb-keyval', () => import('../../tests/support/idb-keyval-memory'));

// The outbox verifies every create: two records of one request (the browser resent the POST,
// or the instance finished a create after the client gave up) end as one live ticket.

const draft: TicketDraft = { ...SAMPLE_DRAFT, type: 'incident' };

function instance() {
  const rows: Record<string, string>[] = [];
  const insert = (fields: Record<string, string>) => {
    const n = rows.length + 1;
    const row = {
      ...fields,
      sys_id: `s${n}`,
      number: `INC00${n}`,
      state: '1',
      sys_created_on: `2099-01-01 00:00:0${n}`,
    };
    rows.push(row);
    return row;
  };
  const client = {
    origin: 'https://contoso.service-now.com',
    create: vi.fn(async (_t: string, fields: Record<string, string>) => insert(fields)),
    list: vi.fn(async (_t: string, o: { query?: string }) => {
      const id = /descriptionLIKE([^^]+)/.exec(o.query ?? '')![1]!;
      // Answer in reverse order: the plan must not trust the instance's order.
      const records = rows.filter((r) => r.description!.includes(id)).reverse();
      return { records, total: records.length };
    }),
    update: vi.fn(async (_t: string, sysId: string, fields: Record<string, string>) => {
      Object.assign(
        rows.find((r) => r.sys_id === sysId)!,
        fields,
      );
    }),
  };
  return { client: client as unknown as ServiceNowClient & typeof client, rows, insert };
}

let now = 1_000_000;
const deps = (client: ServiceNowClient) => ({
  client: async () => client,
  onSent: vi.fn(),
  wakeAt: vi.fn(),
  onDuplicatesRetired: vi.fn(),
  now: () => now,
});

beforeEach(() => {
  resetMemoryIdb();
  now = 1_000_000;
});

describe('outbox duplicates', () => {
  test("the browser's own resend made two records: the first is kept, the second canceled with a note", async () => {
    const sn = instance();
    sn.client.create.mockImplementationOnce(async (_t, fields) => {
      sn.insert(fields); // the first POST, whose answer never came
      return sn.insert(fields); // the browser's resend, whose answer fetch returns
    });
    const d = deps(sn.client);
    const outcome = await createOutbox(d).submit(draft, 'm365ss-AdminMFAV2');
    expect(outcome).toMatchObject({ state: 'sent', result: { number: 'INC001', sysId: 's1' } });
    expect(sn.rows.map((r) => r.state)).toEqual(['1', '8']);
    expect(sn.client.update).toHaveBeenCalledTimes(1);
    expect(sn.rows[1]!.work_notes).toContain('Duplicate of INC001');
    expect(d.onDuplicatesRetired).toHaveBeenCalledWith([
      { table: 'incident', number: 'INC002', sysId: 's2', keptNumber: 'INC001', keptSysId: 's1' },
    ]);
  });

  test('a late create after a timeout: the retry waits for it, finds it and creates nothing', async () => {
    const sn = instance();
    let late: Record<string, string> | undefined;
    sn.client.create.mockImplementationOnce(async (_t, fields) => {
      late = fields; // queued on the instance; the client times out
      throw new AppError('timeout', 'no answer in 30 s');
    });
    const d = deps(sn.client);
    const outbox = createOutbox(d);
    const first = await outbox.submit(draft, 'm365ss-AdminMFAV2');
    expect(first.state).toBe('pending');
    expect(first.nextAttemptAt! - now).toBeGreaterThanOrEqual(20_000);
    sn.insert(late!); // the instance completes the queued create
    now = first.nextAttemptAt!;
    expect(await outbox.send(first.outboxId)).toMatchObject({ state: 'sent', result: { number: 'INC001' } });
    expect(sn.rows).toHaveLength(1);
  });

  test('a late create landing between the lookup and the re-create is retired by the verify', async () => {
    const sn = instance();
    let late: Record<string, string> | undefined;
    sn.client.create
      .mockImplementationOnce(async (_t, fields) => {
        late = fields;
        throw new AppError('timeout', 'no answer in 30 s');
      })
      .mockImplementationOnce(async (_t, fields) => {
        sn.insert(late!); // the first attempt completes just before the re-create
        return sn.insert(fields);
      });
    const d = deps(sn.client);
    const outbox = createOutbox(d);
    const first = await outbox.submit(draft, 'm365ss-AdminMFAV2');
    const second = await outbox.send(first.outboxId);
    expect(second).toMatchObject({ state: 'sent', result: { number: 'INC001' } });
    expect(sn.rows.map((r) => [r.number, r.state])).toEqual([
      ['INC001', '1'],
      ['INC002', '8'],
    ]);
  });

  test('a verify that fails after a clean 201 still counts as sent with the created record', async () => {
    const sn = instance();
    sn.client.list.mockRejectedValueOnce(new AppError('network', 'gone'));
    const outcome = await createOutbox(deps(sn.client)).submit(draft, 'm365ss-AdminMFAV2');
    expect(outcome).toMatchObject({ state: 'sent', result: { number: 'INC001' } });
  });
});
