import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startWorld, type World } from '../support/world';
import { sendAsContentScript } from './pages/bridge';
import { connectWith, OptionsPage, PUBLIC_CLIENT, SVC } from './pages/options-page';
import { openRowShareSubmenu, serviceNowItem, taskForm } from './pages/portal-page';
import { syncInWorker } from './pages/tracking';

// Hostile inputs (issue 11 item 2), through the real extension in Chromium: each case with the
// message the user sees, a check that nothing else changed, and a check that the worker keeps
// working (it answers, and the next ticket or sync goes through). The table below is the
// expectation; afterAll prints what the user saw, case by case, for the closing note.
// Also covered elsewhere, not repeated: markup in an action title (share.e2e.ts), markup in
// ServiceNow text (tracking.e2e.ts), messages from the page itself and from another extension
// (messaging-security.e2e.ts), each hostile answer's bytes (tests/servicenow/hostile-answers.test.ts).

const HOST = 'contoso.service-now.com';
const UNREACHABLE = `${HOST} did not answer like a ServiceNow instance`;

/** Server answers to the create (POST): the first message the form shows, then the end state. */
const SERVER_ANSWERS: { case: string; fault: Record<string, unknown>; first: RegExp }[] = [
  { case: '200 with an HTML page', fault: { kind: 'html' }, first: new RegExp(UNREACHABLE) },
  { case: '201 with malformed JSON', fault: { kind: 'malformed-json' }, first: /^Created CHG\d+ in ServiceNow\./ },
  { case: '201 without a body', fault: { kind: 'empty-body' }, first: /^Created CHG\d+ in ServiceNow\./ },
  { case: '201, fields of the wrong type', fault: { kind: 'wrong-types' }, first: /^Created CHG\d+ in ServiceNow\./ },
  {
    case: '201 with __proto__ / constructor keys',
    fault: { kind: 'proto-keys' },
    first: /^Created CHG\d+ in ServiceNow\./,
  },
  { case: '201 with a 5 MB body', fault: { kind: 'huge-body' }, first: /^Created CHG\d+ in ServiceNow\./ },
  { case: '302 to another host', fault: { kind: 'redirect' }, first: new RegExp(UNREACHABLE) },
];

/** Instance values in the options page: the message, and nothing saved. */
const INSTANCE_VALUES: { case: string; value: string; message: string }[] = [
  { case: 'IPv4 shorthand 127.1', value: '127.1', message: 'Enter a host name, not an IP address.' },
  { case: 'hex IPv4 0x7f.1', value: '0x7f.1', message: 'Enter a host name, not an IP address.' },
  { case: 'three-part IPv4 192.168.1', value: '192.168.1', message: 'Enter a host name, not an IP address.' },
  {
    case: 'user-info in the address',
    value: 'https://admin:pw@contoso.service-now.com',
    message: 'Remove the user name or password from the address: the extension signs in with OAuth.',
  },
  {
    case: 'a port',
    value: 'contoso.service-now.com:8443',
    message: 'Leave out the port: ServiceNow instances are reached on the standard HTTPS port.',
  },
  {
    case: 'IDN look-alike (Cyrillic о)',
    value: 'c\u043entoso.service-now.com',
    message: 'Enter the host name in plain ASCII letters (use its xn-- form for international names).',
  },
  {
    case: 'IDN look-alike in its xn-- form',
    value: 'xn--cntoso-wqf.service-now.com',
    message:
      'ServiceNow instance names are plain letters, digits and hyphens: "xn--cntoso-wqf.service-now.com" is an internationalized (xn--) name, which can imitate another instance\'s. Check the address your ServiceNow admin gave you.',
  },
];

const seen: [string, string][] = [];
let world: World;
let list: Page;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  const width = Math.max(...seen.map(([c]) => c.length));
  console.log(
    ['| case | what the user saw |', '|---|---|', ...seen.map(([c, s]) => `| ${c.padEnd(width)} | ${s} |`)].join('\n'),
  );
  await world?.close();
});

const records = (table = 'change_request') =>
  world.admin<{ short_description: string; description: string; state: string }[]>('GET', `/records/${table}`);

/** The worker answers and is still connected. */
async function workerWorks(page: Page): Promise<void> {
  expect(
    await sendAsContentScript(page, { channel: 'snt/1', name: 'getStatus', payload: { refresh: false } }),
  ).toMatchObject({
    ok: true,
    value: { state: 'connected' },
  });
}

async function openForm(actionId: string): Promise<Locator> {
  // A form left open by a failed case would cover the list: close it first.
  const open = taskForm(list);
  if ((await open.count()) > 0) await closeForm(open);
  await openRowShareSubmenu(list, actionId);
  await serviceNowItem(list).click();
  const form = taskForm(list);
  await form.getByLabel('Task name').waitFor();
  const another = form.getByLabel('Create another ticket anyway');
  if ((await another.count()) > 0) await another.check();
  return form;
}

async function closeForm(form: Locator): Promise<void> {
  await form
    .getByTestId('task-form')
    .getByRole('button', { name: /^(Close|Cancel)$/ })
    .click();
  await form.waitFor({ state: 'detached' });
}

test('instance values: each refused with what is wrong, nothing saved', async () => {
  const options = await OptionsPage.open(world);
  for (const c of INSTANCE_VALUES) {
    await options.fill({ instance: c.value, clientId: PUBLIC_CLIENT });
    await options.page.getByRole('button', { name: 'Connect' }).click();
    const alert = options.alert().filter({ hasText: c.message });
    await alert.waitFor();
    seen.push([`instance ${c.case}`, (await alert.textContent())!.trim()]);
    // Nothing saved: the worker still has no connection settings.
    const config = await (
      await world.worker()
    ).evaluate(
      `chrome.storage.local.get(null).then((all) => Object.keys(all).filter((k) => k.startsWith('connection')))`,
    );
    expect(config).toEqual([]);
  }
  // Then a real instance connects from the same page.
  await connectWith(world, options, { clientId: PUBLIC_CLIENT });
  await options.expectState(`Connected as ${SVC.name}`);
  await options.page.close();
  list = await world.openPortal('/securescore?viewid=actions');
  await list.locator('.ms-DetailsRow').first().waitFor();
});

test('server answers to a create: the message, exactly one ticket, the worker keeps working', async () => {
  for (const [i, c] of SERVER_ANSWERS.entries()) {
    await world.admin('POST', '/faults', {
      match: '/api/now/table/change_request',
      method: 'POST',
      times: 1,
      ...c.fault,
    });
    const name = `Hostile answer ${i}: ${c.case}`;
    const form = await openForm('OneAdmin');
    await form.getByLabel('Task name').fill(name);
    await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
    const first = form.getByTestId('ticket-created').or(form.getByTestId('ticket-queued')).first();
    await first.waitFor();
    const text = (await first.textContent())!.trim();
    seen.push([`answer: ${c.case}`, text]);
    expect(text).toMatch(c.first);
    // Whatever came first, the outbox ends with the ticket (a retry, or the lookup of a 201).
    await form.getByTestId('ticket-created').waitFor({ timeout: 60_000 });
    const mine = (await records()).filter((r) => r.short_description === name);
    expect(mine.map((r) => r.state)).toHaveLength(1);
    expect(
      await (
        await world.worker()
      ).evaluate(`({}).polluted === undefined && Object.keys(Object.prototype).length === 0`),
    ).toBe(true);
    await closeForm(form);
    await workerWorks(list);
  }
});

test('a list that never ends: the sync gives up with a message, the next sync works', async () => {
  await world.admin('POST', '/faults', { match: '/api/now/table/task', method: 'GET', kind: 'endless-list', times: 1 });
  const { state } = await syncInWorker(world);
  expect(state.error?.code).toBe('timeout');
  const popup = await world.openExtensionPage('popup.html');
  const error = popup.getByTestId('sync-error');
  await error.waitFor();
  seen.push(['answer: a list that never ends (sync)', (await error.textContent())!.trim()]);
  await expect(error.textContent()).resolves.toContain(`${HOST} did not answer in time`);
  expect((await syncInWorker(world)).state.error).toBeUndefined();
  await popup.getByTestId('sync-error').waitFor({ state: 'detached' });
  await popup.close();
});

test('portal content: RTL, zero-width, emoji and markup are sent exactly; 100 KB is refused with the limit', async () => {
  const name = '\u202eRTL \u05e2\u05d1\u05e8\u05d9\u05ea\u200b\u200d zero\u2060width 🔐👩‍💻 <b>&amp;</b>';
  const form = await openForm('RoleOverlap');
  await form.getByLabel('Description').fill('x'.repeat(100 * 1024));
  await form.getByLabel('Task name').focus();
  const tooLong = form.getByText('Shorten the description to 3500 characters (it has 102400).');
  await tooLong.waitFor();
  seen.push(['portal: 100 KB description', (await tooLong.textContent())!.trim()]);
  expect(await form.getByRole('button', { name: 'Send to ServiceNow' }).isDisabled()).toBe(true);
  const description = `<img src=x onerror="window.__xss=1"> \u200f\u05e9\u05dc\u05d5\u05dd\u200e ✅`;
  await form.getByLabel('Task name').fill(name);
  await form.getByLabel('Description').fill(description);
  await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
  const created = form.getByTestId('ticket-created');
  await created.waitFor();
  seen.push(['portal: RTL, zero-width, emoji, markup', (await created.textContent())!.trim()]);
  const mine = (await records()).filter((r) => r.short_description === name);
  expect(mine).toHaveLength(1);
  expect(mine[0]!.description.startsWith(`${description}\n\n---\n`)).toBe(true);
  expect(await list.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await closeForm(form);
});

test('runtime messages from the portal that are not ours: refused, nothing changed, the worker keeps working', async () => {
  const before = (await records()).length;
  // 'ignored': not on our channel, so not for us: no listener answers (another part of the
  // extension may use runtime messages too). 'refused': answered with an error, nothing done.
  const hostile: [string, unknown, 'ignored' | 'refused'][] = [
    ['unknown message name', { channel: 'snt/1', name: 'deleteEverything', payload: {} }, 'refused'],
    ['other channel', { channel: 'other/1', name: 'getStatus', payload: {} }, 'ignored'],
    ['not an object', 'createTicket', 'ignored'],
    [
      '__proto__ payload',
      JSON.parse('{"channel":"snt/1","name":"createTicket","payload":{"__proto__":{"polluted":1}}}'),
      'refused',
    ],
    [
      'createTicket with wrong types',
      { channel: 'snt/1', name: 'createTicket', payload: { type: 1, name: ['x'] } },
      'refused',
    ],
    [
      'createTicket with a 1 MB name',
      { channel: 'snt/1', name: 'createTicket', payload: { type: 'incident', name: 'x'.repeat(1 << 20) } },
      'refused',
    ],
  ];
  for (const [what, envelope, expected] of hostile) {
    const reply = (await sendAsContentScript(list, envelope)) as
      { ok: boolean; error?: { code: string; message: string } } | undefined;
    if (expected === 'ignored') expect(reply, what).toBeUndefined();
    else expect(reply, what).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    seen.push([`message: ${what}`, reply ? `${reply.error?.code}: ${reply.error?.message}` : 'no answer (ignored)']);
  }
  expect((await records()).length).toBe(before);
  expect(await (await world.worker()).evaluate(`({}).polluted === undefined`)).toBe(true);
  await workerWorks(list);
});
