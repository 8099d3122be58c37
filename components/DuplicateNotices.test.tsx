import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import { useContainer } from '@/tests/support/preact-dom';
import { rememberRetired } from '@/utils/outbox/duplicate-notices';
import { duplicateNotices } from '@/utils/storage';
import { DuplicateNotices } from './DuplicateNotices';

const dom = useContainer();
const retired = {
  table: 'change_request' as const,
  number: 'CHG0030012',
  sysId: 's12',
  keptNumber: 'CHG0030011',
  keptSysId: 's11',
};

describe('DuplicateNotices', () => {
  test('lists each canceled duplicate once, with the ticket kept, until dismissed', async () => {
    await rememberRetired([retired]);
    await rememberRetired([retired]); // the same retirement reported again (sync and outbox)
    await dom.mount(<DuplicateNotices />);
    const notice = dom.el.querySelector('[data-testid="duplicate-notices"]')!;
    expect(notice.querySelectorAll('li')).toHaveLength(1);
    expect(notice.textContent).toContain('CHG0030012 was a duplicate of CHG0030011 and was canceled.');
    await act(() => (notice.querySelector('button') as HTMLButtonElement).click());
    await dom.flush();
    expect(await duplicateNotices.get()).toEqual([]);
    expect(dom.el.querySelector('[data-testid="duplicate-notices"]')).toBeNull();
  });

  test('shows nothing without notices, and text stays text', async () => {
    await dom.mount(<DuplicateNotices />);
    expect(dom.el.innerHTML).toBe('');
    await rememberRetired([{ ...retired, number: '<b>X</b>', sysId: 'x' }]);
    await dom.flush();
    expect(dom.el.querySelector('b')).toBeNull();
    expect(dom.el.textContent).toContain('<b>X</b>');
  });
});
