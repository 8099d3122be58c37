import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startWorld, type World } from '../support/world';
import { OptionsPage } from './pages/options-page';
import { connect } from './pages/portal-page';
import { card, createTicket, syncSettled, type StandInRecord } from './pages/tracking';

// F3.5 in Chromium: each home card's chart (stacked bar, legend, overdue count) shows the synced
// tickets by state, and a state (segment by mouse, legend entry by keyboard) opens the list
// filtered to it.

describe('the cards\' chart', () => {
  let world: World;
  let assess: StandInRecord[];

  beforeAll(async () => {
    world = await startWorld({ extensionDir: process.env.SNT_EXTENSION_DIR });
    await createTicket(world, 'change_request', { correlation_id: 'm365ss-AdminMFAV2', short_description: 'Require MFA for administrative roles', state: '-5' });
    assess = [
      await createTicket(world, 'change_request', { correlation_id: 'm365ss-BlockLegacyAuthentication', short_description: 'Block legacy authentication', state: '-4', due_date: '2020-01-15 00:00:00' }),
      await createTicket(world, 'change_request', { correlation_id: 'm365ss-OneAdmin', short_description: 'Limit global admins', state: '-4', due_date: '2099-01-15 00:00:00' }),
    ];
    await createTicket(world, 'change_request', { correlation_id: 'm365ss-SelfServicePasswordReset', short_description: 'Enable SSPR', state: '3', due_date: '2020-01-15 00:00:00' });
    await createTicket(world, 'incident', { correlation_id: 'm365ss-MFARegistrationV2', short_description: 'Register users for MFA', state: '2', due_date: '2020-02-01 00:00:00' });
    await connect(world);
    await syncSettled(world);
  });
  afterAll(() => world?.close());

  const chart = (page: Page, table: 'change_request' | 'incident') => card(page, table).getByRole('img');
  const segment = (page: Page, state: string) => card(page, 'change_request').locator(`[data-testid="state-chart"] a[data-state="${state}"]`);

  async function home(): Promise<Page> {
    const page = await world.openPortal('/homepage');
    await card(page, 'change_request').locator('[data-testid="overdue-count"]').waitFor();
    return page;
  }

  test('the bar and the legend show the counts; screen readers get them as text', async () => {
    const page = await home();
    await expect(chart(page, 'change_request').getAttribute('aria-label')).resolves.toBe('Tickets by state — New: 1 ticket, Assess: 2 tickets, and Closed: 1 ticket');
    const widths = await card(page, 'change_request').locator('[data-testid="state-chart"] a').evaluateAll((segments) =>
      segments.map((a) => [a.getAttribute('data-state'), Math.round(a.querySelector('rect')!.getBoundingClientRect().width)] as const));
    expect(widths.map(([state]) => state)).toEqual(['-5', '-4', '3']);
    // Drawn widths follow the counts 1:2:1 (within a pixel of rounding and the 2px gaps' overlap).
    const [newWidth, assessWidth, closedWidth] = widths.map(([, width]) => width);
    expect(Math.abs(assessWidth! - 2 * newWidth!)).toBeLessThanOrEqual(2);
    expect(Math.abs(closedWidth! - newWidth!)).toBeLessThanOrEqual(1);
    // Overdue: the open Assess change past its date; the closed one does not count.
    await expect(card(page, 'change_request').getByTestId('overdue-count').textContent()).resolves.toBe('1 overdue');
    await expect(card(page, 'incident').getByTestId('overdue-count').textContent()).resolves.toBe('1 overdue');
    await expect(chart(page, 'incident').getAttribute('aria-label')).resolves.toBe('Tickets by state — In Progress: 1 ticket');
    // The accessibility tree names the image and the legend's links by their counts.
    await card(page, 'change_request').getByRole('link', { name: 'Assess: 2 tickets' }).waitFor();
    await page.close();
  });

  test('clicking a segment of the bar opens the list filtered to that state', async () => {
    const page = await home();
    await segment(page, '-4').click();
    await page.waitForURL(/\/servicenowTickets\?type=change_request&state=-4$/);
    const rows = page.getByTestId('ticket-list').locator('tbody tr');
    await page.getByTestId('ticket-list').locator(`tr[data-ticket="${assess[0]!.number}"]`).waitFor();
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-ticket')).sort())).toEqual(assess.map((r) => r.number).sort());
    await page.close();
  });

  test('a legend entry opens the filtered list from the keyboard; the bar adds no tab stops', async () => {
    const page = await home();
    const legendNew = card(page, 'change_request').getByRole('link', { name: 'New: 1 ticket' });
    await legendNew.focus();
    // Shift+Tab from the first legend entry leaves the chart: the segments are not focusable.
    await page.keyboard.press('Shift+Tab');
    const focused = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? `${el.tagName.toLowerCase()}${el.closest('svg') ? ' in svg' : ''}` : 'none';
    });
    expect(focused).not.toContain('in svg');
    await legendNew.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // the second entry: Assess
    await page.waitForURL(/\/servicenowTickets\?type=change_request&state=-4$/);
    await page.getByTestId('ticket-list').locator(`tr[data-ticket="${assess[1]!.number}"]`).waitFor();
    await page.close();
  });

  test('renamed states name the chart, its segments and its legend', async () => {
    const page = await home();
    const options = await OptionsPage.open(world);
    await options.page.getByRole('group', { name: 'Change request states' }).getByLabel('Assess').fill('Security review');
    await options.page.getByRole('button', { name: 'Save state names' }).click();
    await options.page.getByText('State names saved').waitFor();
    await card(page, 'change_request').getByRole('link', { name: 'Security review: 2 tickets' }).waitFor();
    await expect(chart(page, 'change_request').getAttribute('aria-label')).resolves.toBe('Tickets by state — New: 1 ticket, Security review: 2 tickets, and Closed: 1 ticket');
    await expect(segment(page, '-4').locator('title').textContent()).resolves.toBe('Security review: 2 tickets');
    await options.page.getByRole('button', { name: 'Reset to defaults' }).click();
    await card(page, 'change_request').getByRole('link', { name: 'Assess: 2 tickets' }).waitFor();
    await Promise.all([page.close(), options.page.close()]);
  });
});
