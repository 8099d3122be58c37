import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useContainer } from '@/tests/support/preact-dom';
import type { ConnectionStatus } from '@/utils/domain/connection-status';
import { cachedStatus } from '@/utils/storage';
import { Popup } from './Popup';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/utils/messaging', () => ({ send }));

const base: ConnectionStatus = {
  state: 'connected',
  instanceOrigin: 'https://contoso.service-now.com',
  instanceHost: 'contoso.service-now.com',
  clientId: 'c',
  hasClientSecret: false,
  redirectUrl: 'https://id.chromiumapp.org/',
  user: { sysId: '1', userName: 'svc_m365', name: 'SVC M365 Integration', dedicated: true },
  checklist: [
    { id: 'instance', state: 'ok' },
    { id: 'read', state: 'failed', detail: 'Give the user the itil role.' },
  ],
  outboxCount: 2,
  updatedAt: 0,
};

const dom = useContainer();
let container: HTMLElement;
beforeEach(() => {
  container = dom.el;
  send.mockReset();
});

const flush = dom.flush;

describe('Popup', () => {
  test('paints the cached status before the worker answers', async () => {
    await cachedStatus.set(base);
    send.mockReturnValue(new Promise(() => undefined)); // the worker never answers
    await act(() => render(<Popup />, container));
    await flush();
    expect(container.querySelector('[data-testid="connection-state"]')?.textContent).toBe(
      'Connected as SVC M365 Integration to contoso.service-now.com',
    );
    expect(container.querySelector('[data-testid="outbox-count"]')?.textContent).toBe('2');
    const failed = container.querySelector('[data-step="read"]');
    expect(failed?.getAttribute('data-state')).toBe('failed');
    expect(failed?.textContent).toContain('Give the user the itil role.');
    expect(container.querySelector('button')?.textContent).toBe('Disconnect');
  });

  test('shows a status read before the first render in that very render, before any effect or message', () => {
    send.mockReturnValue(new Promise(() => undefined));
    // No act(): effects have not run, nothing has been asked; this is the first frame's DOM.
    render(<Popup initialStatus={base} />, container);
    expect(container.querySelector('[data-testid="connection-state"]')?.textContent).toBe(
      'Connected as SVC M365 Integration to contoso.service-now.com',
    );
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    render(null, container);
  });

  test("shows Reconnect and the worker's error when a connect fails", async () => {
    send.mockImplementation(async (name: string) => {
      if (name === 'getStatus') return { ...base, state: 'reconnect_needed', user: undefined };
      if (name === 'listOutbox') return [];
      throw Object.assign(new Error('Access was denied in ServiceNow.'), { code: 'access_denied' });
    });
    await act(() => render(<Popup />, container));
    await flush();
    const button = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Reconnect')!;
    expect(button).toBeTruthy();
    await act(() => button.click());
    await flush();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Access was denied');
  });

  test('every button has an accessible name', async () => {
    send.mockImplementation(async (name: string) => (name === 'getStatus' ? { ...base, state: 'not_connected' } : []));
    await act(() => render(<Popup />, container));
    await flush();
    for (const button of container.querySelectorAll('button')) expect(button.textContent?.trim()).not.toBe('');
  });

  test('tickets not yet in ServiceNow are listed with why, Retry and Discard', async () => {
    send.mockImplementation(async (name: string) => {
      if (name === 'getStatus') return { ...base, state: 'reconnect_needed', outboxCount: 1 };
      if (name === 'listOutbox') {
        return [
          {
            id: '1',
            state: 'failed',
            name: 'Require MFA',
            type: 'change_request',
            actionId: 'AdminMFAV2',
            correlationId: 'm365ss-AdminMFAV2',
            attempts: 1,
            nextAttemptAt: 0,
            lastError: { code: 'missing_role', message: 'Give the user the itil role.' },
          },
        ];
      }
      return [];
    });
    await act(() => render(<Popup />, container));
    await flush();
    await flush();
    const outbox = container.querySelector('[data-testid="outbox"]')!;
    expect(outbox.textContent).toContain('Require MFA');
    expect(outbox.textContent).toContain('Not sent — Give the user the itil role.');
    expect([...outbox.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'Retry sending Require MFA',
      'Discard Require MFA',
    ]);
  });
});
