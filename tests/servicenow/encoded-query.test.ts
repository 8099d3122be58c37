// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { QueryError, parseEncodedQuery, runQuery } from './encoded-query.ts';
import { SCHEMAS } from './schema.ts';

const ctx = { userName: 'jane.admin', userSysId: 'a'.repeat(32) };
const schema = SCHEMAS.change_request;
const rows = [
  { number: 'CHG1', state: '-5', priority: '4', short_description: 'Require MFA', sys_updated_on: '2026-11-23 10:00:00', correlation_id: 'm365ss-a' },
  { number: 'CHG2', state: '-4', priority: '2', short_description: 'Block legacy auth', sys_updated_on: '2026-11-23 10:00:05', correlation_id: 'm365ss-b' },
  { number: 'CHG3', state: '3', priority: '10', short_description: 'Other', sys_updated_on: '2026-11-22 09:00:00', correlation_id: '' },
];
const numbers = (q: string) => runQuery(rows, parseEncodedQuery(q, schema, ctx), schema).map((r) => r.number);

describe('encoded query', () => {
  it('AND, OR (binding tighter than AND), NQ', () => {
    expect(numbers('state=-5^ORstate=-4^priority=2')).toEqual(['CHG2']);
    expect(numbers('state=-5^NQstate=3')).toEqual(['CHG1', 'CHG3']);
    expect(numbers('')).toEqual(['CHG1', 'CHG2', 'CHG3']);
    expect(numbers('state!=-5^EQ')).toEqual(['CHG2', 'CHG3']);
  });

  it('IN, NOT IN, STARTSWITH, ENDSWITH, LIKE (case-insensitive), ISEMPTY', () => {
    expect(numbers('stateIN-5,3')).toEqual(['CHG1', 'CHG3']);
    expect(numbers('stateNOT IN-5,3')).toEqual(['CHG2']);
    expect(numbers('correlation_idSTARTSWITHM365SS-')).toEqual(['CHG1', 'CHG2']);
    expect(numbers('short_descriptionENDSWITHauth')).toEqual(['CHG2']);
    expect(numbers('short_descriptionLIKEmfa')).toEqual(['CHG1']);
    expect(numbers('short_descriptionNOT LIKEmfa')).toEqual(['CHG2', 'CHG3']);
    expect(numbers('correlation_idISEMPTY')).toEqual(['CHG3']);
    expect(numbers('correlation_idISNOTEMPTY')).toEqual(['CHG1', 'CHG2']);
  });

  it('comparisons on dates and numbers; ordering', () => {
    expect(numbers('sys_updated_on>=2026-11-23 10:00:00')).toEqual(['CHG1', 'CHG2']);
    expect(numbers('sys_updated_on>2026-11-23 10:00:00')).toEqual(['CHG2']);
    expect(numbers('sys_updated_on<2026-11-23')).toEqual(['CHG3']);
    expect(numbers('priority<=4')).toEqual(['CHG1', 'CHG2']); // numeric, not "10" < "4"
    expect(numbers('ORDERBYpriority')).toEqual(['CHG2', 'CHG1', 'CHG3']);
    expect(numbers('ORDERBYDESCsys_updated_on')).toEqual(['CHG2', 'CHG1', 'CHG3']);
    expect(numbers('ORDERBYstate^ORDERBYDESCnumber')).toEqual(['CHG1', 'CHG2', 'CHG3']);
  });

  it('javascript:gs.getUserName() and gs.getUserID() resolve to the caller', () => {
    const q = parseEncodedQuery('user_name=javascript:gs.getUserName()^ORsys_id=javascript:gs.getUserID()', SCHEMAS.sys_user, ctx);
    expect(q.groups[0]![0]!.map((c) => c.value)).toEqual(['jane.admin', 'a'.repeat(32)]);
  });

  it('rejects unknown fields, operators and ill-typed values', () => {
    for (const q of ['nope=1', 'stateBETWEEN1', 'state=New', 'sys_updated_on>=2026-13-01', 'short_description>b', '^ORstate=1', 'ORDERBYnope', 'stateISEMPTYx', 'work_notesLIKEx', 'sys_id=javascript:gs.nowDateTime()', 'Statexyz']) {
      expect(() => parseEncodedQuery(q, schema, ctx), q).toThrow(QueryError);
    }
  });
});
