import type { TicketType } from '../domain/ticket-type';
import type { ServiceNowClient, ServiceNowRecord } from '../servicenow/client';
import { condition, encodedQuery } from '../servicenow/encoded-query';
import { planRetirement, retirementNote, CANCELED_STATE } from './duplicate-plan';

// The records of one request in ServiceNow, and the repair when there is more than one. A request
// is identified by the action's correlation_id (indexed, exact) and the outbox item's UUID in the
// description ("Reference: <id>"); no custom field is needed.

/** More records than this for one request is not a network fault: leave them to a person. */
const MAX_RECORDS = 10;
export const REQUEST_FIELDS = ['sys_id', 'number', 'sys_created_on', 'state'] as const;

export interface RetiredDuplicate {
  table: TicketType;
  number: string;
  sysId: string;
  keptNumber: string;
  keptSysId: string;
}

export interface RequestVerification {
  kept: ServiceNowRecord;
  retired: RetiredDuplicate[];
}

export function requestQuery(correlationId: string, outboxId: string): string {
  return encodedQuery(
    condition.equals('correlation_id', correlationId),
    condition.contains('description', outboxId),
    condition.orderBy('sys_created_on'),
  );
}

export async function requestRecords(
  client: ServiceNowClient,
  table: TicketType,
  correlationId: string,
  outboxId: string,
): Promise<ServiceNowRecord[]> {
  const { records } = await client.list(table, {
    query: requestQuery(correlationId, outboxId),
    fields: REQUEST_FIELDS,
    limit: MAX_RECORDS,
  });
  return records;
}

/** Cancels every live extra of one request's records, keeping the first; null if there is none. */
export async function retireExtras(
  client: ServiceNowClient,
  table: TicketType,
  records: readonly ServiceNowRecord[],
  reference: string,
): Promise<RequestVerification | null> {
  const plan = planRetirement(table, records);
  if (!plan) return null;
  const retired: RetiredDuplicate[] = [];
  const keptNumber = plan.kept.number ?? plan.kept.sys_id!;
  for (const extra of plan.retire) {
    await client.update(table, extra.sys_id!, {
      state: CANCELED_STATE[table],
      work_notes: retirementNote(keptNumber, reference),
    });
    retired.push({
      table,
      number: extra.number ?? extra.sys_id!,
      sysId: extra.sys_id!,
      keptNumber,
      keptSysId: plan.kept.sys_id!,
    });
  }
  return { kept: plan.kept, retired };
}

/** Looks up the request's records and retires extras: the one live ticket, or null if none exists. */
export async function verifyRequest(
  client: ServiceNowClient,
  table: TicketType,
  correlationId: string,
  outboxId: string,
): Promise<RequestVerification | null> {
  const records = await requestRecords(client, table, correlationId, outboxId);
  return retireExtras(client, table, records, outboxId);
}
