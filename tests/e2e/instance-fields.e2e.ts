import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ciSysId, groupSysId } from '../servicenow/seed-reference';
import { startWorld, type World } from '../support/world';
import { connectWith, OptionsPage, PUBLIC_CLIENT, SVC } from './pages/options-page';
import { connect, openActionFlyout, openTaskFormFromFlyout } from './pages/portal-page';

// Issue 13 (F7) end to end: an instance whose data policies make assignment_group and category
// mandatory on change_request and assignment_group on incident; and a base instance.

interface TicketRecord {
  sys_id: string;
  number: string;
  correlation_id: string;
  assignment_group: string;
  category: string;
  cmdb_ci: string;
}

const records = (world: World, table: string) => world.admin<TicketRecord[]>('GET', `/records/${table}`);
const mine = async (world: World, table: string, actionId: string) =>
  (await records(world, table)).filter((r) => r.correlation_id === `m365ss-${actionId}`);

/** Types into a type-ahead and picks the option with this name, by keyboard or by click. */
async function pick(combobox: Locator, text: string, option: string, { keyboard = false } = {}) {
  await combobox.fill(text);
  const page = combobox.page();
  const listbox = page.getByRole('listbox').filter({ has: page.getByRole('option', { name: new RegExp(`^${option}`) }) });
  await listbox.waitFor();
  if (keyboard) {
    // Move until the wanted option is the active descendant, then Enter.
    const wanted = listbox.getByRole('option', { name: new RegExp(`^${option}`) });
    const id = await wanted.getAttribute('id');
    while ((await combobox.getAttribute('aria-activedescendant')) !== id) await combobox.press('ArrowDown');
    await combobox.press('Enter');
  } else {
    await listbox.getByRole('option', { name: new RegExp(`^${option}`) }).click();
  }
  await expect.poll(() => combobox.inputValue()).toBe(option);
}

describe('an instance with mandatory fields', () => {
  let world: World;
  let options: OptionsPage;
  beforeAll(async () => {
    world = await startWorld();
    // The integration user may read the policies here, so the connection learns them up front.
    await world.admin('POST', '/settings', { readAccess: { sys_data_policy_rule: 'itil', sys_data_policy2: 'itil' } });
    await world.admin('POST', '/data-policies', { table: 'change_request', fields: ['assignment_group', 'category'] });
    await world.admin('POST', '/data-policies', { table: 'incident', fields: ['assignment_group'] });
  });
  afterAll(() => world?.close());

  test('connecting names the required fields in the checklist', async () => {
    options = await OptionsPage.open(world);
    await connectWith(world, options, { clientId: PUBLIC_CLIENT });
    await options.expectState(`Connected as ${SVC.name}`);
    await options.step('fields').filter({ hasText: 'Fields this instance requires: assignment group, category' }).waitFor();
  });

  test('options offer the groups by type-ahead; a portal ticket carries the group sys_id and category', async () => {
    const change = options.page.locator('[data-field-defaults="change_request"]');
    const group = change.getByRole('combobox', { name: 'Assignment group' });
    // Name and description of each group are shown.
    await group.fill('netw');
    await change.getByRole('option', { name: 'Network Routing, firewalls, VPN and DNS' }).waitFor();
    await pick(group, 'netw', 'Network');
    await change.getByLabel('ServiceNow category').selectOption('software');
    await change.getByRole('button', { name: 'Save Change request defaults' }).click();
    await change.getByRole('status').filter({ hasText: 'Checked against ServiceNow and saved.' }).waitFor();

    const page = await openActionFlyout(world, 'AdminMFAV2');
    const form = await openTaskFormFromFlyout(page);
    await expect.poll(() => form.getByRole('combobox', { name: 'Assignment group' }).inputValue()).toBe('Network');
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('ticket-created').waitFor();
    const [record, ...more] = await mine(world, 'change_request', 'AdminMFAV2');
    expect(more).toHaveLength(0);
    expect(record).toMatchObject({ assignment_group: groupSysId('Network'), category: 'software' });
    await page.close();
  });

  test('a deleted default group is reported on its field when the defaults are saved', async () => {
    const incident = options.page.locator('[data-field-defaults="incident"]');
    await pick(incident.getByRole('combobox', { name: 'Assignment group' }), 'datab', 'Database');
    await world.admin('DELETE', `/records/sys_user_group/${groupSysId('Database')}`);
    await incident.getByRole('button', { name: 'Save Incident defaults' }).click();
    await incident
      .getByRole('alert')
      .filter({ hasText: 'The default assignment group no longer exists in ServiceNow. Choose another one.' })
      .waitFor();
    await options.page.close();
  });

  test('with no default set, the form asks for the field before Send (picked by keyboard in the portal)', async () => {
    const page = await openActionFlyout(world, 'RoleOverlap');
    const form = await openTaskFormFromFlyout(page);
    await form.getByLabel('Ticket type').selectOption('incident');
    const group = form.getByRole('combobox', { name: 'Assignment group' });
    // The change request's default group does not come along to an incident.
    await expect.poll(() => group.inputValue()).toBe('');
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('fields-missing').filter({ hasText: 'Your ServiceNow instance requires Assignment group.' }).waitFor();
    expect(await group.getAttribute('aria-invalid')).toBe('true');
    expect(await mine(world, 'incident', 'RoleOverlap')).toHaveLength(0);

    await pick(group, 'security', 'Security Operations', { keyboard: true });
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('ticket-created').waitFor();
    const sent = await mine(world, 'incident', 'RoleOverlap');
    expect(sent.map((r) => r.assignment_group)).toEqual([groupSysId('Security Operations')]);
    await page.close();
  });

  test('a queued ticket the instance refuses for a missing field is completed from the popup: exactly one ticket', async () => {
    // A policy added after the connection learned its requirements: only the refusal tells.
    await world.admin('POST', '/data-policies', { table: 'incident', fields: ['cmdb_ci'] });
    const page = await openActionFlyout(world, 'mcasFIMEnabled');
    const form = await openTaskFormFromFlyout(page);
    await form.getByLabel('Ticket type').selectOption('incident');
    await pick(form.getByRole('combobox', { name: 'Assignment group' }), 'service', 'Service Desk');
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('ticket-queued').filter({ hasText: 'Configuration item' }).waitFor();
    // The form keeps the ticket and marks the field it can fill.
    await form.getByRole('combobox', { name: 'Configuration item' }).waitFor();
    await page.close();

    const popup: Page = await world.openExtensionPage('popup.html');
    const outbox = popup.getByTestId('outbox');
    await outbox.getByText('ServiceNow needs: Configuration item.').waitFor();
    await outbox.getByRole('button', { name: /^Complete and send / }).click();
    await pick(outbox.getByRole('combobox', { name: 'Configuration item' }), 'entra', 'Microsoft Entra ID');
    await outbox.getByTestId('complete-ticket').getByRole('button', { name: 'Complete and send' }).click();
    await popup.getByTestId('outbox-completed').waitFor();
    await popup.getByTestId('outbox-count').filter({ hasText: '0' }).waitFor();
    const sent = await mine(world, 'incident', 'mcasFIMEnabled');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ assignment_group: groupSysId('Service Desk'), cmdb_ci: ciSysId('Microsoft Entra ID') });
    await popup.close();
  });
});

describe('a base instance', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
    await connect(world);
  });
  afterAll(() => world?.close());

  test('requires nothing: no extra fields, the ticket is sent as today', async () => {
    const options = await OptionsPage.open(world);
    await options.step('fields').filter({ hasText: 'This instance requires no extra fields.' }).waitFor();
    await options.page.close();
    const page = await openActionFlyout(world, 'AdminMFAV2');
    const form = await openTaskFormFromFlyout(page);
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    await form.getByTestId('ticket-created').waitFor();
    expect(await form.getByTestId('instance-fields').count()).toBe(0);
    const [record, ...more] = await mine(world, 'change_request', 'AdminMFAV2');
    expect(more).toHaveLength(0);
    expect(record).toBeDefined();
    expect(record?.assignment_group ?? '').toBe('');
  });
});
