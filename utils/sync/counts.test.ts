import { describe, expect, test } from 'vitest';
import type { GroupCount } from '../servicenow/client';
import { fetchCounts } from './counts';
import { TASK_SOURCE, type SourceReader } from './source';

// Aggregate answers are ServiceNow text: only the table's state values may become keys, and the
// count objects have no prototype a hostile "__proto__" group could reach.

function readerAnswering(groups: GroupCount[]): SourceReader {
  return {
    source: TASK_SOURCE,
    list: () => Promise.reject(new Error('not used')),
    aggregate: () => Promise.resolve(groups),
    ticketOf: () => null,
  };
}

describe('fetchCounts with a hostile Aggregate answer', () => {
  test('keeps only known state values and never touches Object.prototype', async () => {
    const counts = await fetchCounts(
      readerAnswering([
        { values: ['incident', '1'], count: 2 },
        { values: ['incident', '__proto__'], count: 5 },
        { values: ['incident', 'constructor'], count: 7 },
        { values: ['change_request', '-5'], count: 3 },
        { values: ['change_request', '99'], count: 4 },
        { values: ['change_request', 'toString'], count: 1 },
      ]),
      false,
    );
    expect({ ...counts.incident }).toEqual({ '1': 2 });
    expect({ ...counts.change_request }).toEqual({ '-5': 3 });
    expect(Object.keys(counts.incident)).not.toContain('constructor');
    expect(Object.getPrototypeOf(counts.incident)).toBeNull();
    expect(Object.getPrototypeOf(counts)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("per-table counts drop the other table's state values", async () => {
    const counts = await fetchCounts(
      readerAnswering([
        { values: ['-5'], count: 1 },
        { values: ['6'], count: 2 },
      ]),
      true,
    );
    expect({ ...counts.incident }).toEqual({ '6': 2 });
    expect({ ...counts.change_request }).toEqual({ '-5': 1 });
  });
});
