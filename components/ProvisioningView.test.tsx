import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { useContainer, userClick } from '@/tests/support/preact-dom';
import type { ConnectionStatus } from '@/utils/domain/connection-status';
import { ProvisioningView } from './ProvisioningView';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/utils/messaging', () => ({ send }));

const status: ConnectionStatus = {
  state: 'not_connected',
  instanceOrigin: 'https://contoso.service-now.com',
  instanceHost: 'contoso.service-now.com',
  clientId: 'c',
  hasClientSecret: false,
  redirectUrl: 'https://id.chromiumapp.org/',
  checklist: [{ id: 'instance', state: 'ok' }],
  outboxCount: 0,
  updatedAt: 0,
};

const dom = useContainer();
beforeEach(() => {
  send.mockReset();
  send.mockImplementation(async (name: string) => (name === 'openOptions' ? true : status));
});
const button = (name: string) => [...dom.el.querySelectorAll('button')].find((b) => b.textContent === name)!;
const asked = () => send.mock.calls.map(([name, payload]) => `${name} ${JSON.stringify(payload)}`);

describe('ProvisioningView', () => {
  test("a page script's clicks on Open options, Authorize and Check again do nothing; the user's do", async () => {
    await dom.mount(<ProvisioningView />);
    const onMount = asked();
    for (const name of ['Open options', 'Authorize', 'Check again']) {
      await act(() => button(name).click());
      await act(() => void button(name).dispatchEvent(new MouseEvent('click', { bubbles: true })));
    }
    await dom.flush();
    expect(asked()).toEqual(onMount);

    for (const name of ['Open options', 'Authorize', 'Check again']) {
      await act(() => userClick(button(name)));
      await dom.flush();
    }
    expect(asked().slice(onMount.length)).toEqual(['openOptions {}', 'connect {}', 'getStatus {"refresh":true}']);
  });
});
