import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world';
import { PUBLIC_CLIENT, signIn, SVC } from './pages/options-page';

// F1.3 and F1.7 in the portal: the "Do you use ServiceNow?" card and /ticketProvisioning.

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

test('not connected: the home page offers ServiceNow, and the provisioning page connects', async () => {
  const home = await world.openPortal('/homepage');
  const card = home.getByRole('region', { name: 'Do you use ServiceNow?' });
  await card.waitFor();
  await card.getByRole('link', { name: 'Connect to ServiceNow' }).click();
  await home.waitForURL(/\/ticketProvisioning$/);

  const view = home.getByRole('region', { name: 'ServiceNow ticketing provisioning' });
  await view.waitFor();
  // The portal's own "page isn't available" content is hidden behind our view.
  await expect.poll(() => home.locator('main [data-page="unavailable"], main >> text=/isn.t available/').first().isVisible().catch(() => false)).toBe(false);
  await view.locator('[data-step="instance"][data-state="failed"]').waitFor();

  // First-time setup is not offered in the portal (its page scripts can reach our shadow root):
  // the page sends the user to the extension options.
  expect(await view.getByLabel('ServiceNow instance').count()).toBe(0);
  expect(await view.getByRole('button', { name: 'Authorize' }).isDisabled()).toBe(true);
  const optionsOpened = world.context.waitForEvent('page');
  await view.getByRole('button', { name: 'Open options' }).click();
  const options = await optionsOpened;
  await options.waitForURL(/options\.html/);
  await options.getByLabel('ServiceNow instance').fill('contoso');
  await options.getByLabel('OAuth client ID').fill(PUBLIC_CLIENT);
  await options.getByRole('form', { name: 'Connection' }).getByRole('button', { name: 'Save' }).click();
  await options.locator('[data-step="instance"][data-state="ok"]').waitFor();
  await options.close();

  // Back in the portal, the configured instance is authorized from the provisioning page.
  await view.getByRole('button', { name: 'Check again' }).click();
  await view.locator('[data-step="instance"][data-state="ok"]').waitFor();
  expect(await view.locator('[data-step="authorized"]').textContent()).toContain('Select Connect');

  const auth = world.context.waitForEvent('page');
  await view.getByRole('button', { name: 'Authorize' }).click();
  await signIn(await auth);
  await view.getByText(`Connected as ${SVC.name} to contoso.service-now.com`).waitFor();
  await view.locator('[data-step="ready"][data-state="ok"]').waitFor();

  // Connected: the offer is gone from the home page.
  await home.goto('https://security.microsoft.com/homepage');
  // The connected overlay's signal: our two ticket cards in the grid (the offer would be a third).
  const grid = home.locator('[data-testid="homepage-cards-grid"]');
  await grid.locator(':scope > snt-ui#snt-card-incident').waitFor();
  await expect.poll(() => grid.locator(':scope > snt-ui').count()).toBe(2);
  expect(await home.locator('#snt-connect-card').count()).toBe(0);
  expect(await home.getByRole('region', { name: 'Do you use ServiceNow?' }).count()).toBe(0);
});

test('the portal page never asks for the client secret', async () => {
  const page = await world.openPortal('/ticketProvisioning');
  await page.getByRole('region', { name: 'ServiceNow ticketing provisioning' }).waitFor();
  expect(await page.locator('input[type="password"]').count()).toBe(0);
});

test('options → task form defaults set the type and due date the form starts with', async () => {
  const options = await world.openExtensionPage('options.html');
  await options.getByLabel('Default ticket type').selectOption('incident');
  await options.getByLabel('Due date, days from today').fill('10');
  await options.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
  await options.getByLabel('Due date, days from today').fill('1000');
  await options.getByText('Enter a whole number of days from 0 to 365.').waitFor();
  await options.getByLabel('Due date, days from today').fill('10');

  const page = await world.openPortal('/securescore?viewid=actions&actionId=AdminMFAV2');
  await page.locator('.ms-Panel button[aria-haspopup="true"]:has([data-icon-name="Share"])').click();
  await page.getByRole('menuitem', { name: 'ServiceNow' }).click();
  const form = page.getByRole('dialog', { name: 'Create a ServiceNow ticket' });
  await form.getByLabel('Task name').waitFor();
  await expect(form.getByLabel('Ticket type').inputValue()).resolves.toBe('incident');
  const expected = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 10);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await expect(form.getByLabel('Due date').inputValue()).resolves.toBe(expected);
});
