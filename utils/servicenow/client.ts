import type { TicketType } from '../domain/ticket-type';
import { isObject, isSysId } from '../domain/guards';
import { t } from '../i18n';
import { AppError } from '../errors';
import { badResponse, serviceNowFetch, type HttpRequest } from './http';

// The one ServiceNow REST client every feature uses: Table API and Aggregate API with the
// bearer token, one refresh-and-retry on 401, and typed results.
// https://developer.servicenow.com/dev.do#!/reference/api/latest/rest/c_TableAPI

/** The ticket tables' parent: read only, the sync reads both ticket types in one request. */
export const PARENT_TABLE = 'task';
/** Tables the extension reads: the ticket types, their parent, and users (who the token belongs to). */
export type ReadableTable =
  | TicketType
  | typeof PARENT_TABLE
  | 'sys_user'
  // What a customized instance requires, and the records and choices to fill it with (F7).
  | 'sys_dictionary'
  | 'sys_dictionary_override'
  | 'sys_data_policy2'
  | 'sys_data_policy_rule'
  | 'sys_user_group'
  | 'cmdb_ci'
  | 'sys_choice';
export type ServiceNowRecord = Record<string, string>;

/** Bearer tokens for the client (the auth layer's token manager provides them). */
export interface AccessTokens {
  accessToken(): Promise<string>;
  /** After a 401 with `rejected`: a renewed token, unless another caller already renewed it. */
  renewAfterRejection(rejected: string): Promise<string>;
  /** A renewed token was refused too: the session is over. */
  rejectSession(): Promise<void>;
}

export interface ListOptions {
  query?: string;
  fields?: readonly string[];
  limit?: number;
  offset?: number;
  signal?: AbortSignal;
}

export interface ListResult {
  records: ServiceNowRecord[];
  /** X-Total-Count: all matches, before paging. */
  total: number;
  /** Whether `total` came from X-Total-Count (else it is only this page's length). */
  totalKnown?: boolean;
  /** The instance's clock when it answered (HTTP Date header, ms), if it sent one. */
  serverDate?: number;
}

export interface StateCount {
  value: string;
  count: number;
}

export interface AggregateOptions {
  /** sysparm_group_by, in this order (e.g. sys_class_name, state). */
  groupBy: readonly string[];
  query?: string;
  signal?: AbortSignal;
}

/** One group of an Aggregate answer: the group values in the order of `groupBy`, and its count. */
export interface GroupCount {
  values: string[];
  count: number;
}

type AggregateRow = { stats?: { count?: unknown }; groupby_fields?: { field?: unknown; value?: unknown }[] };

const isRecord = (v: unknown): v is ServiceNowRecord => isObject(v);

/** The path segment of one record; a sys_id from an answer or a message is checked before it shapes a URL. */
function recordPath(table: string, sysId: string): string {
  if (!isSysId(sysId)) throw badResponse(t('badResponseSysId'));
  return `/api/now/table/${table}/${sysId}`;
}

function resultOf(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('result' in body)) throw badResponse('no "result"');
  return (body as { result: unknown }).result;
}

/** Renewed tokens a request may try after a 401 before the session counts as refused. */
const RENEWALS = 2;

export function createServiceNowClient(origin: string, tokens: AccessTokens) {
  async function call(path: string, req: Omit<HttpRequest, 'bearer'> = {}) {
    let bearer = await tokens.accessToken();
    // A 401 renews the token and tries again. Fresh tokens refused RENEWALS times in a row end the
    // session (the status must say Reconnect needed, not Connected); more than once, because the
    // instance can expire tokens while a parallel request's refresh is under way.
    for (let renewals = 0; ; renewals++) {
      try {
        return await serviceNowFetch(origin, path, { ...req, bearer });
      } catch (error) {
        if (!(error instanceof AppError && error.extra.status === 401)) throw error;
        if (renewals === RENEWALS) {
          await tokens.rejectSession();
          throw error;
        }
        bearer = await tokens.renewAfterRejection(bearer);
      }
    }
  }

  const listQuery = (o: ListOptions) => ({
    sysparm_query: o.query,
    sysparm_fields: o.fields?.join(','),
    sysparm_limit: o.limit,
    sysparm_offset: o.offset,
    sysparm_exclude_reference_link: true,
    // We page by offset and X-Total-Count; the Link header (first/next/last URLs, each repeating
    // the whole query) was most of an unchanged sync's bytes.
    sysparm_suppress_pagination_header: true,
  });

  /** Aggregate API: record counts grouped by one or more fields. */
  async function aggregate(table: ReadableTable, options: AggregateOptions): Promise<GroupCount[]> {
    const { groupBy, query, signal } = options;
    const result = resultOf(
      (
        await call(`/api/now/stats/${table}`, {
          query: { sysparm_count: true, sysparm_group_by: groupBy.join(','), sysparm_query: query },
          signal,
        })
      ).body,
    );
    if (!Array.isArray(result)) return [];
    return result
      .filter((row): row is AggregateRow => typeof row === 'object' && row !== null)
      .map((row) => {
        const fields = Array.isArray(row.groupby_fields) ? row.groupby_fields : [];
        return {
          // By field name when the answer names them, else by position.
          values: groupBy.map((field, i) => String((fields.find((f) => f?.field === field) ?? fields[i])?.value ?? '')),
          count: Number(row.stats?.count ?? 0),
        };
      });
  }

  return {
    origin,

    async list(table: ReadableTable, options: ListOptions = {}): Promise<ListResult> {
      const { body, headers } = await call(`/api/now/table/${table}`, {
        query: listQuery(options),
        signal: options.signal,
      });
      const result = resultOf(body);
      if (!Array.isArray(result) || !result.every(isRecord)) throw badResponse('the list is not a list of records');
      const total = Number(headers.get('x-total-count') ?? Number.NaN);
      const serverDate = Date.parse(headers.get('date') ?? '');
      return {
        records: result,
        total: Number.isFinite(total) ? total : result.length,
        totalKnown: Number.isFinite(total),
        ...(Number.isFinite(serverDate) ? { serverDate } : {}),
      };
    },

    async get(table: ReadableTable, sysId: string, fields?: readonly string[]): Promise<ServiceNowRecord> {
      const result = resultOf(
        (
          await call(recordPath(table, sysId), {
            query: { sysparm_fields: fields?.join(',') },
          })
        ).body,
      );
      if (!isRecord(result)) throw badResponse('the record is not an object');
      return result;
    },

    async create(table: TicketType, fields: Record<string, string>): Promise<ServiceNowRecord> {
      const result = resultOf((await call(`/api/now/table/${table}`, { method: 'POST', json: fields })).body);
      if (!isRecord(result) || typeof result.sys_id !== 'string') throw badResponse('the created record has no sys_id');
      return result;
    },

    /** PATCH of a ticket (retiring a duplicate); the answer's body is not needed. */
    async update(table: TicketType, sysId: string, fields: Record<string, string>): Promise<void> {
      await call(recordPath(table, sysId), {
        method: 'PATCH',
        json: fields,
        query: { sysparm_fields: 'sys_id' },
      });
    },

    aggregate,

    /** Aggregate API: record counts grouped by state. */
    async countByState(table: TicketType, query?: string): Promise<StateCount[]> {
      const rows = await aggregate(table, { groupBy: ['state'], query });
      return rows.map(({ values, count }) => ({ value: values[0]!, count }));
    },
  };
}

export type ServiceNowClient = ReturnType<typeof createServiceNowClient>;
