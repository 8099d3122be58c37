import type { Locator, Page } from 'playwright-core';
import type { World } from '../../support/world';
import { openActionFlyout, openTaskFormFromFlyout } from '../../e2e/pages/portal-page';
import { p95, median } from '../stats';
import { busyTime, isApi, type Traffic } from '../stand-in-traffic';
import { ms, type Section } from '../table';
import type { PortalWindow } from '../portal-window';

// Ticket creation through the task form on the portal, as a user does it: the time from the click
// on "Send to ServiceNow" (a capture listener the page puts on window, so it runs before ours) to
// "Created …" being in the form (a MutationObserver on the form's shadow root), minus the time
// the stand-in spent handling the requests of that creation (stand-in-traffic.ts: the ticket's
// POST and whatever went before it; the sync that follows a creation is not counted).

const WARM_UP = 2;

/** Wall-clock ms, high resolution (Date.now() when armed + performance.now() since), comparable with the stand-in's. */
interface PageTimes {
  clicked: number;
  shown: number;
}

async function armTimer(form: Locator): Promise<void> {
  await form.evaluate((dialog) => {
    const w = window as unknown as { __benchCreate?: Promise<PageTimes> };
    w.__benchCreate = new Promise<PageTimes>((resolve) => {
      let clicked = NaN;
      const anchor = Date.now() - performance.now();
      const root = dialog.getRootNode() as Document | ShadowRoot;
      window.addEventListener(
        'click',
        () => {
          clicked = anchor + performance.now();
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        if (!root.querySelector('[data-testid="ticket-created"]')) return;
        observer.disconnect();
        resolve({ clicked, shown: anchor + performance.now() });
      });
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    });
  });
}

interface Creation {
  client: number;
  handling: number;
  /** Click → the first request reaching the stand-in → the POST reaching it; its answer → "Created" shown. */
  firstRequest: number;
  /** The requests of the creation (the POST and what went before it). */
  requests: string[];
  beforePost: number;
  afterPost: number;
}

async function createOne(page: Page, traffic: Traffic, actionId: string): Promise<Creation> {
  await page.evaluate((id) => (window as unknown as PortalWindow).__portal.openAction(id), actionId);
  await page.locator(`.ms-Panel [data-action-id="${actionId}"]`).first().waitFor();
  const form = await openTaskFormFromFlyout(page);
  const again = form.getByRole('checkbox', { name: 'Create another ticket anyway' });
  if (await again.count()) await again.check();
  await armTimer(form);
  const mark = traffic.mark();
  await form.getByRole('button', { name: 'Send to ServiceNow' }).click();
  const times = (await page.evaluate('window.__benchCreate')) as PageTimes;
  const exchanges = mark.take().filter(isApi);
  const post = exchanges.find((e) => e.method === 'POST' && /^\/api\/now\/table\/(change_request|incident)$/.test(e.path));
  if (!post) throw new Error(`creating a ticket for ${actionId}: no POST reached the stand-in`);
  const ofCreation = exchanges.filter((e) => e.startedAt <= post.finishedAt);
  const handling = busyTime(ofCreation);
  await form.getByRole('button', { name: 'Close', exact: true }).first().click();
  await form.waitFor({ state: 'detached' });
  return {
    client: times.shown - times.clicked,
    handling,
    firstRequest: ofCreation[0]!.startedAt - times.clicked,
    requests: ofCreation.map((e) => `${e.method} ${e.path}`),
    beforePost: post.startedAt - times.clicked,
    afterPost: times.shown - post.finishedAt,
  };
}

/** Needs a connected extension. */
export async function measureTicketCreation(world: World, traffic: Traffic, tickets: number): Promise<Section> {
  const page = await openActionFlyout(world, 'AdminMFAV2');
  const actions = (await page.evaluate(() => (window as unknown as PortalWindow).__portal.actions.map((a) => a.id))).filter((id) => id !== 'XssProbe');
  const overhead: number[] = [];
  const handling: number[] = [];
  const client: number[] = [];
  const first: number[] = [];
  const before: number[] = [];
  const after: number[] = [];
  let requests: string[] = [];
  for (let i = 0; i < WARM_UP + tickets; i++) {
    const run = await createOne(page, traffic, actions[i % actions.length]!);
    if (i < WARM_UP) continue;
    overhead.push(run.client - run.handling);
    handling.push(run.handling);
    client.push(run.client);
    first.push(run.firstRequest);
    before.push(run.beforePost);
    after.push(run.afterPost);
    requests = run.requests;
  }
  await page.close();
  const value = p95(overhead);
  return {
    rows: [
      {
        id: 'ticket-client-overhead-p95',
        figure: `ticket creation: client time above the stand-in's handling, p95 of ${tickets}`,
        value,
        measured: ms(value),
        target: '≤ 30 ms',
        baseline: `stand-in handling p95 ${ms(p95(handling))}`,
        pass: value <= 30,
      },
    ],
    notes: [
      `ticket creation: click → "Created" median ${ms(median(client))}, p95 ${ms(p95(client))}; above handling median ${ms(median(overhead))}; ` +
        `medians from the click: first request at the stand-in ${ms(median(first))}, the POST ${ms(median(before))}; POST answered → "Created" shown ${ms(median(after))}; ` +
        `the last creation's requests: ${requests.join(', ')}`,
    ],
  };
}
