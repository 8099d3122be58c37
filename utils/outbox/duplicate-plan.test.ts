import { describe, expect, test } from 'vitest';
import { planRetirement, retirementNote } from './duplicate-plan';

const rec = (number: string, created: string, state = '-5') => ({
  sys_id: `id-${number}`,
  number,
  sys_created_on: created,
  state,
});

describe('planRetirement', () => {
  test('keeps the earliest created record and retires the others', () => {
    const plan = planRetirement('change_request', [
      rec('CHG0030012', '2026-12-01 10:00:01'),
      rec('CHG0030011', '2026-12-01 10:00:00'),
      rec('CHG0030013', '2026-12-01 10:00:05'),
    ])!;
    expect(plan.kept.number).toBe('CHG0030011');
    expect(plan.retire.map((r) => r.number)).toEqual(['CHG0030012', 'CHG0030013']);
  });

  test('the same second: the lowest number wins, also across a padding boundary', () => {
    const plan = planRetirement('incident', [
      rec('INC10000000', '2026-12-01 10:00:00'),
      rec('INC9999999', '2026-12-01 10:00:00'),
    ])!;
    expect(plan.kept.number).toBe('INC9999999');
    expect(plan.retire.map((r) => r.number)).toEqual(['INC10000000']);
  });

  test('a retired duplicate is never retired twice, and the kept one never', () => {
    const plan = planRetirement('change_request', [
      rec('CHG0030011', '2026-12-01 10:00:00', '4'),
      rec('CHG0030012', '2026-12-01 10:00:01', '4'),
    ])!;
    expect(plan.kept.number).toBe('CHG0030011');
    expect(plan.retire).toEqual([]);
    expect(plan.alreadyRetired.map((r) => r.number)).toEqual(['CHG0030012']);
  });

  test('one record: nothing to retire; none: no plan; records without sys_id are ignored', () => {
    expect(planRetirement('incident', [rec('INC1', '2026-12-01 10:00:00', '8')])!.retire).toEqual([]);
    expect(planRetirement('incident', [])).toBeNull();
    expect(planRetirement('incident', [{ number: 'X' }])).toBeNull();
  });

  test('incident canceled is 8, change canceled is 4', () => {
    const records = [rec('A1', '2026-12-01 10:00:00'), rec('A2', '2026-12-01 10:00:01', '4')];
    expect(planRetirement('change_request', records)!.retire).toEqual([]);
    expect(planRetirement('incident', records)!.retire.map((r) => r.number)).toEqual(['A2']);
  });

  test('the work note names the ticket kept', () => {
    expect(retirementNote('CHG0030011', 'abc')).toMatch(/^Duplicate of CHG0030011: .*reference abc/);
  });
});
