import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ACTIONS } from '../portal/src/data/actions';
import { priorityFromScoreImpact } from '../../utils/domain/priority';
import { startWorld, type World } from '../support/world';
import { forEachMarkup, type Markup } from './pages/markup';
import { navLink, openActionFromList, shownTitle } from './pages/portal-dom';
import { connect, flyoutShareButton, portalPath, openActionFlyout, openFlyoutShareMenu, openRowShareSubmenu, openTaskFormFromFlyout, serviceNowItem, taskForm } from './pages/portal-page';

interface Record { sys_id: string; number: string; short_description: string; description: string; priority: string; impact: string; urgency: string; due_date: string; correlation_id: string; correlation_display: string; journal?: { element: string; value: string }[] }

let world: World;
beforeAll(async () => {
  world = await startWorld();
  await connect(world);
});
afterAll(() => world?.close());

const records = (table: string) => world.admin<Record[]>('GET', `/records/${table}`);

describe('Share → ServiceNow', () => {
  test('from the flyout: edit, send, exactly one change request with every field', async () => {
    const page = await openActionFlyout(world, 'AdminMFAV2');
    const form = await openTaskFormFromFlyout(page);
    await expect(form.getByLabel('Task name').inputValue()).resolves.toBe('Require MFA for administrative roles');
    await expect(form.getByLabel('Ticket type').inputValue()).resolves.toBe('change_request');
    await expect(form.getByLabel('Initiating user').inputValue()).resolves.toBe('Megan Bowen (megan.bowen@contoso.onmicrosoft.com)');
    await form.getByLabel('Task name').fill('Require MFA for admins (edited)');
    await form.getByLabel('Priority').selectOption('1');
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    const created = form.getByTestId('ticket-created');
    await created.waitFor();
    const text = await created.textContent();
    const number = /CHG\d+/.exec(text ?? '')?.[0];
    expect(number).toBeTruthy();
    const all = await records('change_request');
    expect(all).toHaveLength(1);
    const record = all[0]!;
    expect(record).toMatchObject({ number, short_description: 'Require MFA for admins (edited)', priority: '1', correlation_id: 'm365ss-AdminMFAV2', correlation_display: 'Microsoft 365 Security' });
    expect(record.description).toContain('https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2');
    expect(record.description).toContain('Recommendation source: Microsoft recommendation');
    expect(record.description).toContain('Category: Identity');
    expect(record.description).toContain('Initiated by: Megan Bowen');
    expect(record.due_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const link = form.getByRole('link', { name: `Open ${number} in ServiceNow` });
    expect(await link.getAttribute('href')).toBe(`https://contoso.service-now.com/nav_to.do?uri=change_request.do?sys_id=${record.sys_id}`);
  });
});

describe('in every language and under portal churn', () => {
  test.each([
    ['de', 'MFARegistrationV2'],
    ['ja', 'BlockLegacyAuthentication'],
  ])('portal in %s: the item is there and the ticket is created once', async (lang, actionId) => {
    const page = await openActionFlyout(world, actionId, { lang });
    const form = await openTaskFormFromFlyout(page);
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('ticket-created').waitFor();
    const mine = (await records('change_request')).filter((r) => r.correlation_id === `m365ss-${actionId}`);
    expect(mine).toHaveLength(1);
  });

  test('with constant re-rendering there is exactly one ServiceNow item at every check', async () => {
    const page = await openActionFlyout(world, 'IntegratedApps', { rerender: true, churn: true });
    await openFlyoutShareMenu(page);
    await serviceNowItem(page).waitFor();
    // Counted after each of 40 re-render mutations (the portal's own ticks), not on a timer.
    const most = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let max = 0;
          let batches = 0;
          const observer = new MutationObserver(() => {
            max = Math.max(max, document.querySelectorAll('[data-snt-item="servicenow"]').length);
            if (++batches >= 40) {
              observer.disconnect();
              resolve(max);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        }),
    );
    expect(most).toBeLessThanOrEqual(1);
    await expect.poll(() => page.locator('[data-snt-item="servicenow"]').count()).toBe(1);
    const sizes = await page.locator('[role="menu"] [role="menuitem"]').evaluateAll((items) => items.map((i) => i.getAttribute('aria-setsize')));
    expect(new Set(sizes)).toEqual(new Set(['5']));
    await serviceNowItem(page).click();
    const form = taskForm(page);
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('ticket-created').waitFor();
    expect((await records('change_request')).filter((r) => r.correlation_id === 'm365ss-IntegratedApps')).toHaveLength(1);
  });

  test('a slow flyout (spinner first, command bar later) still gets the item', async () => {
    const page = await world.openPortal(portalPath('/securescore?viewid=actions&actionId=scid_2010', { slow: 1500 }));
    await page.locator('.ms-Panel').waitFor();
    await openFlyoutShareMenu(page);
    await expect.poll(() => page.locator('[data-snt-item="servicenow"]').count()).toBe(1);
    await serviceNowItem(page).click();
    await expect(taskForm(page).getByLabel('Task name').inputValue()).resolves.not.toBe('');
  });

  test('from the row "…" → Share submenu', async () => {
    const page = await world.openPortal('/securescore?viewid=actions');
    await openRowShareSubmenu(page, 'OneAdmin');
    await serviceNowItem(page).click();
    const form = taskForm(page);
    await expect(form.getByLabel('Task name').inputValue()).resolves.toBe('Designate more than one global admin');
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('ticket-created').waitFor();
    expect((await records('change_request')).filter((r) => r.correlation_id === 'm365ss-OneAdmin')).toHaveLength(1);
  });

  test('the standalone Share button gets the item too, and the keyboard reaches it', async () => {
    const page = await openActionFlyout(world, 'RoleOverlap', { sharebutton: 'standalone' });
    await flyoutShareButton(page).focus();
    await page.keyboard.press('Enter');
    await serviceNowItem(page).waitFor();
    // Fluent focuses the menu a frame or two after it mounts; keys pressed before that are lost.
    await page.waitForFunction(() => !!document.activeElement?.closest('[role="menu"]'));
    const first = page.locator('[role="menu"] [role="menuitem"]').first();
    await first.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-snt-item]') !== null)).toBe(true);
    await page.keyboard.press('Enter');
    const form = taskForm(page);
    await form.getByLabel('Task name').waitFor();
    // Typing goes into the form although the flyout traps focus in its own panel.
    await form.getByLabel('Task name').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' now');
    await expect(form.getByLabel('Task name').inputValue()).resolves.toMatch(/ now$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => taskForm(page).count()).toBe(0);
    // Escape closed only our form, not the flyout around it.
    expect(await page.locator('.ms-Panel').isVisible()).toBe(true);
  });
});

describe('form behaviour', () => {
  test('an incident gets impact and urgency for the chosen priority', async () => {
    const page = await openActionFlyout(world, 'mcasFIMEnabled');
    const form = await openTaskFormFromFlyout(page);
    await form.getByLabel('Ticket type').selectOption('incident');
    await form.getByLabel('Priority').selectOption('2');
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('ticket-created').filter({ hasText: /INC\d+/ }).waitFor();
    const incident = (await records('incident')).find((r) => r.correlation_id === 'm365ss-mcasFIMEnabled');
    expect(incident).toMatchObject({ impact: '1', urgency: '2', priority: '2' });
  });

  test('an action that already has a ticket shows it and asks before creating another', async () => {
    const page = await openActionFlyout(world, 'AdminMFAV2');
    const form = await openTaskFormFromFlyout(page);
    const existing = form.getByTestId('existing-tickets');
    await existing.waitFor();
    expect(await existing.textContent()).toMatch(/CHG\d+ — New/);
    const sendButton = form.getByRole('button', { name: 'Send to ServiceNow' });
    expect(await sendButton.isDisabled()).toBe(true);
    await form.getByLabel('Create another ticket anyway').check();
    await sendButton.click();
    await form.getByTestId('ticket-created').waitFor();
    expect((await records('change_request')).filter((r) => r.correlation_id === 'm365ss-AdminMFAV2')).toHaveLength(2);
  });

  test('validation: a cleared required field says what to do and blocks Send', async () => {
    const page = await openActionFlyout(world, 'mdo_safelinksforOfficeApps');
    const form = await openTaskFormFromFlyout(page);
    await form.getByLabel('Task name').fill('');
    await form.getByLabel('Description').focus();
    await form.getByText('Enter a task name.').waitFor();
    expect(await form.getByRole('button', { name: 'Send to ServiceNow' }).isDisabled()).toBe(true);
    await form.getByLabel('Due date').fill('2020-01-01');
    await form.getByLabel('Task name').focus();
    await form.getByText('Choose a due date that is today or later.').waitFor();
    await form.getByLabel('Task name').fill('Safe Links for Office apps');
    await form.getByLabel('Due date').fill('2099-12-31');
    expect(await form.getByRole('button', { name: 'Send to ServiceNow' }).isEnabled()).toBe(true);
  });

  test('a closed form keeps its draft', async () => {
    const page = await openActionFlyout(world, 'mdo_atpprotection');
    let form = await openTaskFormFromFlyout(page);
    await form.getByLabel('Task name').fill('My own wording');
    // The draft is saved 250 ms after the last change: wait until the storage has it.
    const worker = await world.worker();
    await expect
      .poll(() => worker.evaluate(`chrome.storage.local.get('drafts:v1').then((s) => s['drafts:v1']?.mdo_atpprotection?.name)`))
      .toBe('My own wording');
    await form.getByRole('button', { name: 'Cancel' }).click();
    form = await openTaskFormFromFlyout(page);
    await expect(form.getByLabel('Task name').inputValue()).resolves.toBe('My own wording');
    await form.getByText('Your unsent draft was restored.').waitFor();
  });

  test('a failing send shows the error with Retry, keeps the form, and never creates twice', async () => {
    await world.admin('POST', '/faults', { match: '/api/now/table/change_request', method: 'POST', kind: 'drop-after', times: 1 });
    const page = await openActionFlyout(world, 'exo_mailboxaudit');
    const form = await openTaskFormFromFlyout(page);
    await form.getByLabel('Task name').fill('Mailbox auditing, typed by me');
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    const queued = form.getByTestId('ticket-queued');
    await queued.waitFor();
    expect(await queued.textContent()).toContain('Could not reach contoso.service-now.com');
    await expect(form.getByLabel('Task name').inputValue()).resolves.toBe('Mailbox auditing, typed by me');
    await form.getByRole('button', { name: 'Retry' }).waitFor();
    // The outbox tries again by itself (after a short backoff) and finds the record it made.
    await form.getByTestId('ticket-created').waitFor();
    const mine = (await records('change_request')).filter((r) => r.correlation_id === 'm365ss-exo_mailboxaudit');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.short_description).toBe('Mailbox auditing, typed by me');
  });

  test('a refusal that needs the admin is explained and kept for Retry', async () => {
    await world.admin('POST', '/cross-scope', { enabled: true });
    const page = await openActionFlyout(world, 'mip_dlppolicies');
    const form = await openTaskFormFromFlyout(page);
    // The form renders once its duplicate lookup answered: no earlier ticket of this action.
    expect(await form.getByLabel('Create another ticket anyway').count()).toBe(0);
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    const failed = form.getByTestId('ticket-queued');
    await failed.waitFor();
    expect(await failed.textContent()).toContain("has been refused due to the table's cross-scope access policy");
    await world.admin('POST', '/cross-scope', { enabled: false });
    await form.getByRole('button', { name: 'Retry' }).click();
    await form.getByTestId('ticket-created').waitFor();
  });

  test('hostile markup in an action title is shown and sent as text', async () => {
    const page = await openActionFlyout(world, 'XssProbe');
    const form = await openTaskFormFromFlyout(page);
    const title = await page.locator('.ms-Panel-headerText').textContent();
    await expect(form.getByLabel('Task name').inputValue()).resolves.toBe(title);
    expect(await form.locator('img').count()).toBe(0);
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('ticket-created').waitFor();
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    const record = (await records('change_request')).find((r) => r.correlation_id === 'm365ss-XssProbe');
    expect(record?.short_description).toBe(title);
  });
});

describe('without an improvement action', () => {
  test('Create a ticket on the incident card opens an empty incident form and creates it', async () => {
    const page = await world.openPortal('/homepage');
    await page.locator('[data-testid="ticket-card-incident"]').getByRole('button', { name: 'Create a ticket' }).click();
    const form = taskForm(page);
    await form.getByLabel('Task name').waitFor();
    await expect(form.getByLabel('Ticket type').inputValue()).resolves.toBe('incident');
    await expect(form.getByLabel('Task name').inputValue()).resolves.toBe('');
    expect(await form.getByRole('button', { name: 'Send to ServiceNow' }).isDisabled()).toBe(true);
    await form.getByLabel('Task name').fill('Review break-glass accounts');
    await form.getByLabel('Description').fill('Check both emergency access accounts and their sign-in alerts.');
    await form.getByLabel('Category').selectOption('Identity');
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('ticket-created').filter({ hasText: /INC\d+/ }).waitFor();
    const manual = (await records('incident')).filter((r) => r.short_description === 'Review break-glass accounts');
    expect(manual).toHaveLength(1);
    expect(manual[0]!.correlation_id).toMatch(/^m365ss-manual-[0-9a-f-]{36}$/);
  });
});

describe('not connected', () => {
  test('the item still appears; the form explains and offers to connect', async () => {
    const fresh = await startWorld();
    try {
      const page = await openActionFlyout(fresh, 'AdminMFAV2');
      const form = await openTaskFormFromFlyout(page);
      await form.getByTestId('not-connected').waitFor();
      expect(await form.getByRole('link', { name: 'Connect to ServiceNow' }).getAttribute('href')).toBe('/ticketProvisioning');
      expect(await form.getByRole('button', { name: 'Send to ServiceNow' }).isDisabled()).toBe(true);
      await expect(form.getByLabel('Task name').inputValue()).resolves.toBe('Require MFA for administrative roles');
    } finally {
      await fresh.close();
    }
  });
});

// The portal as it may really render (tests/portal/README.md "Markups"): every field read by
// structure and localized names. One action per markup, none of them sent by the tests above.
const ON_MARKUP: { [m in Markup]: string } = { default: 'aad_admin_accounts_separate_unassigned_cloud_only', bare: 'azure_mfa_subscription_owners', alt: 'scid_91' };

/** What the form must show for an action of the imitation's data. */
function expected(actionId: string) {
  const action = ACTIONS.find((a) => a.id === actionId)!;
  const category = action.controlCategory === 'Device' ? 'Devices' : action.controlCategory;
  return { action, category, priority: priorityFromScoreImpact(Number.parseFloat(action.scoreImpact)) };
}

forEachMarkup(() => world, (markup) => {
  const actionId = ON_MARKUP[markup];

  test('the flyout form holds the description, the implementation steps, category and priority; sent once', async () => {
    const { action, category, priority } = expected(actionId);
    const page = await openActionFlyout(world, actionId);
    const form = await openTaskFormFromFlyout(page);
    const description = await form.getByLabel('Description').inputValue();
    expect(description).toContain(action.description);
    for (const step of action.steps) expect(description).toContain(step);
    await expect(form.getByLabel('Category').inputValue()).resolves.toBe(category);
    await expect(form.getByLabel('Priority').inputValue()).resolves.toBe(priority);
    await expect(form.getByLabel('Task name').inputValue()).resolves.toBe(await shownTitle(page, actionId));
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('ticket-created').waitFor();
    const mine = (await records('change_request')).filter((r) => r.correlation_id === `m365ss-${actionId}`);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.description).toContain(action.steps.at(-1));
    expect(mine[0]!.description).toContain(`Category: ${category}`);
    expect(mine[0]!.priority).toBe(priority);
    await page.close();
  });

  test('from the row "…" → Share: the row\'s action, its category and priority', async () => {
    const { category, priority } = expected(actionId);
    const page = await world.openPortal('/securescore?viewid=actions');
    await openRowShareSubmenu(page, actionId);
    await serviceNowItem(page).click();
    const form = taskForm(page);
    await expect(form.getByLabel('Task name').inputValue()).resolves.toBe(await shownTitle(page, actionId));
    await expect(form.getByLabel('Category').inputValue()).resolves.toBe(category);
    await expect(form.getByLabel('Priority').inputValue()).resolves.toBe(priority);
    // Its ticket from the test above: the row was matched to its action (in alt by its title).
    await form.getByTestId('existing-tickets').waitFor();
    await page.close();
  });

  test('after in-app navigation away and back, the item still works and is not doubled', async () => {
    const page = await world.openPortal('/securescore?viewid=actions');
    await navLink(page, '/homepage').click();
    await page.waitForURL(/\/homepage/);
    await page.goBack();
    await page.waitForURL(/viewid=actions/);
    await openActionFromList(page, 'SelfServicePasswordReset');
    await openFlyoutShareMenu(page);
    await expect.poll(() => page.locator('[data-snt-item="servicenow"]').count()).toBe(1);
    await serviceNowItem(page).click();
    await expect(taskForm(page).getByLabel('Task name').inputValue()).resolves.toBe(await shownTitle(page, 'SelfServicePasswordReset'));
    await page.close();
  });
});
