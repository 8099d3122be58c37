import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startWorld, type World } from '../support/world';
import { actionRow } from './pages/portal-dom';
import { closeMenusWithEscape, connect, openActionFlyout, openFlyoutShareMenu, serviceNowItem, taskForm } from './pages/portal-page';
import { actionBadge, card, createTicket, syncSettled } from './pages/tracking';

// F6.4 / issue 12 item 6: the extension is reloaded (as by an update) while portal tabs are open.
// The old overlay removes itself and the new one takes over those same tabs: exactly one Share
// item, one set of cards and one badge per row, and the new overlay works.

const SHARE_ITEM = '[data-snt-item="servicenow"]';
const CARDS = 'snt-ui[id^="snt-card-"]';

describe('extension reload with the portal open', () => {
  let world: World;
  let existing: string;

  beforeAll(async () => {
    world = await startWorld();
    ({ number: existing } = await createTicket(world, 'change_request', { correlation_id: 'm365ss-AdminMFAV2', short_description: 'Require MFA for administrative roles', state: '-5' }));
    await connect(world);
    await syncSettled(world);
  });
  afterAll(() => world?.close());

  /** The e2e bridge marks the page when a content script starts; cleared to see the next one. */
  const clearStartMark = (page: Page) => page.evaluate(() => delete document.documentElement.dataset.sntE2e);
  const startMark = (page: Page) => page.locator('html[data-snt-e2e="ready"]').waitFor({ state: 'attached' });

  test('the new overlay takes over open tabs once: one item, one card set, one badge, and it sends', async () => {
    const home = await world.openPortal('/homepage');
    await card(home, 'change_request').waitFor();
    await expect(home.locator(CARDS).count()).resolves.toBe(2);

    const actions = await openActionFlyout(world, 'AdminMFAV2');
    await actionBadge(actions, 'AdminMFAV2').first().waitFor();
    const row = await actionRow(actions, 'AdminMFAV2');
    await expect(row.locator('snt-ui[data-snt-action="AdminMFAV2"]').count()).resolves.toBe(1);
    await openFlyoutShareMenu(actions);
    await serviceNowItem(actions).waitFor();
    await expect(actions.locator(SHARE_ITEM).count()).resolves.toBe(1);
    await closeMenusWithEscape(actions);

    for (const page of [home, actions]) await clearStartMark(page);
    await world.reloadExtension();
    // A new content script started in each tab that was open (not a reload of the tab).
    for (const page of [home, actions]) await startMark(page);
    await expect(home.evaluate(() => performance.getEntriesByType('navigation').length)).resolves.toBe(1);

    // Home: the cards again, once (the old instance's are gone, the new one's filled from cache).
    await card(home, 'change_request').waitFor();
    await expect.poll(() => home.locator(CARDS).count()).toBe(2);
    await expect(home.locator('snt-ui').count()).resolves.toBe(2);

    // Actions list: one badge in the row, one in the flyout, one Share item.
    await actionBadge(actions, 'AdminMFAV2').first().waitFor();
    await expect.poll(() => row.locator('snt-ui[data-snt-action="AdminMFAV2"]').count()).toBe(1);
    await expect.poll(() => actions.locator('.ms-Panel snt-ui[data-snt-action="AdminMFAV2"]').count()).toBe(1);
    await openFlyoutShareMenu(actions);
    await serviceNowItem(actions).waitFor();
    await expect(actions.locator(SHARE_ITEM).count()).resolves.toBe(1);

    // The new overlay works: Share → ServiceNow opens the task form (which knows the existing
    // ticket and asks to confirm another), and it sends.
    await serviceNowItem(actions).click();
    const form = taskForm(actions);
    await expect(form.getByLabel('Task name').inputValue()).resolves.toBe('Require MFA for administrative roles');
    await expect(actions.getByRole('dialog', { name: 'Create a ServiceNow ticket' }).count()).resolves.toBe(1);
    await form.getByLabel('Task name').fill('Require MFA for admins (after reload)');
    const existingTickets = form.getByTestId('existing-tickets');
    await existingTickets.getByText(existing).waitFor();
    await existingTickets.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('ticket-created').waitFor();
    const records = await world.admin<{ short_description: string }[]>('GET', '/records/change_request');
    expect(records.filter((r) => r.short_description === 'Require MFA for admins (after reload)')).toHaveLength(1);

    // Still one of each once everything has settled (an old copy that failed to clean up puts
    // its UI back on the next DOM change, after the new one's appeared).
    await expect(home.locator(CARDS).count()).resolves.toBe(2);
    await expect(row.locator('snt-ui[data-snt-action="AdminMFAV2"]').count()).resolves.toBe(1);
  });
});
