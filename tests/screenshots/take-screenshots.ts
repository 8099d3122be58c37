import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { connectWith, OptionsPage, PUBLIC_CLIENT, SVC } from '../e2e/pages/options-page';
import { openActionFlyout, openFlyoutShareMenu, serviceNowItem, taskForm } from '../e2e/pages/portal-page';
import { card, createTicket } from '../e2e/pages/tracking';
import { PROJECT_ROOT } from '../support/certs';
import { buildPortal } from '../portal/build';
import { PORTAL, startWorld, type World } from '../support/world';
import { SCREENSHOT_DIR, SHOTS, type ShotName } from './shots';

// `npm run screenshots`: the production build (.output/chrome-mv3, built by the npm script) in
// headless Chromium against the local portal and ServiceNow stand-in (tests/support/world), driven
// by the e2e page objects, writes the README's pictures. Every step waits on what it shows.

const OUT = join(PROJECT_ROOT, SCREENSHOT_DIR);
const MARGIN = 16;

/** Saves the smallest rectangle around the parts (plus a margin), cut at `maxHeight`. */
async function save(page: Page, name: ShotName, parts: Locator[], { maxHeight = Infinity } = {}): Promise<void> {
  const boxes = await Promise.all(parts.map(async (part) => (await part.boundingBox())!));
  const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - MARGIN);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - MARGIN);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + MARGIN;
  const bottom = Math.min(Math.max(...boxes.map((b) => b.y + b.height)) + MARGIN, top + maxHeight);
  const path = join(OUT, SHOTS[name]);
  await page.screenshot({
    path,
    clip: { x: left, y: top, width: right - left, height: bottom - top },
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
  console.log(`${SCREENSHOT_DIR}/${SHOTS[name]}  ${Math.round(statSync(path).size / 1024)} kB`);
}

/** Tickets in several states, one of them overdue, as if the extension had created them. */
async function seedTickets(world: World): Promise<void> {
  const change = [
    ['AdminMFAV2', 'Require MFA for administrative roles', '-5', '2099-01-31 00:00:00'],
    ['BlockLegacyAuthentication', 'Block legacy authentication', '-4', '2020-01-15 00:00:00'],
    ['OneAdmin', 'Designate more than one global admin', '-4', ''],
    ['SelfServicePasswordReset', 'Enable self-service password reset', '-1', '2099-03-01 00:00:00'],
    ['PWAgePolicyNew', 'Set passwords to never expire', '3', ''],
  ] as const;
  for (const [action, name, state, due] of change) {
    await createTicket(world, 'change_request', { correlation_id: `m365ss-${action}`, short_description: name, state, due_date: due });
  }
  await createTicket(world, 'incident', { correlation_id: 'm365ss-MFARegistrationV2', short_description: 'Register all users for MFA', state: '2' });
  await createTicket(world, 'incident', { correlation_id: 'm365ss-SigninRiskPolicy', short_description: 'Turn on sign-in risk policy', state: '1' });
}

async function extensionPage(world: World, path: 'popup.html' | 'options.html', width: number): Promise<Page> {
  const page = await world.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${world.extensionId}/${path}`);
  return page;
}

mkdirSync(OUT, { recursive: true });
await buildPortal();
const world = await startWorld({ extensionDir: join(PROJECT_ROOT, '.output', 'chrome-mv3') });
try {
  await seedTickets(world);
  const options = await OptionsPage.open(world);
  await connectWith(world, options, { clientId: PUBLIC_CLIENT });
  await options.expectState(`Connected as ${SVC.name}`);
  await options.page.close();

  // The home page once the first sync has brought all seven tickets.
  // Tall enough for both cards without scrolling the portal's content area.
  const home = await world.context.newPage();
  await home.setViewportSize({ width: 1400, height: 1500 });
  await home.goto(`${PORTAL}/homepage`);
  await card(home, 'change_request').getByTestId('ticket-total').getByText('ServiceNow · 5 tickets').waitFor();
  await card(home, 'incident').getByTestId('ticket-total').getByText('ServiceNow · 2 tickets').waitFor();
  await card(home, 'change_request').getByText(/^Synced /).waitFor();
  await save(home, 'homeCards', [card(home, 'change_request'), card(home, 'incident')]);
  await home.close();

  // An action without a ticket yet: the form as a first-time user sees it.
  const flyout = await openActionFlyout(world, 'RoleOverlap');
  await openFlyoutShareMenu(flyout);
  await serviceNowItem(flyout).waitFor();
  const menu = (await flyout.locator('[role="menu"]').last().boundingBox())!;
  const panel = (await flyout.locator('.ms-Panel-main').boundingBox())!;
  await save(flyout, 'shareMenu', [flyout.locator('.ms-Panel-main')], { maxHeight: menu.y + menu.height - panel.y + 2 * MARGIN });
  await serviceNowItem(flyout).click();
  await taskForm(flyout).getByLabel('Task name').waitFor();
  await save(flyout, 'taskForm', [taskForm(flyout)]);
  await flyout.close();

  const popup = await extensionPage(world, 'popup.html', 400);
  await popup.locator('[data-step]').first().waitFor();
  await popup.locator('[data-step][data-state="pending"]').first().waitFor({ state: 'detached' });
  await save(popup, 'popupChecklist', [popup.locator('main.snt-root')]);
  await popup.close();

  const settings = await extensionPage(world, 'options.html', 900);
  await settings.getByTestId('connection-state').filter({ hasText: 'Connected as' }).waitFor();
  // The connection and the task form defaults; the state names below are plain fields.
  await save(settings, 'options', [settings.locator('main.snt-root')], { maxHeight: 960 });
  await settings.close();

  // A step that fails, with its fix: the instance's cross-scope policy refuses the OAuth table.
  await world.admin('POST', '/cross-scope', { enabled: true });
  const failing = await extensionPage(world, 'popup.html', 400);
  await failing.locator('[data-step="read"][data-state="failed"]').waitFor();
  await save(failing, 'failingStep', [failing.locator('main.snt-root')]);
  await failing.close();
} finally {
  await world.close();
}
