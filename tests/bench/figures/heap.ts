import type { CDPSession, Page } from 'playwright-core';
import type { World } from '../../support/world';
import { PORTAL } from '../../support/world';
import { closeMenusWithEscape, flyoutShareButton, openFlyoutShareMenu } from '../../e2e/pages/portal-page';
import type { PortalWindow } from '../portal-window';
import { mb, type Section } from '../table';

// JS heap the extension adds to a portal tab: two tabs run the same scripted session in lockstep
// (Share menu openings in the flyout, and in-app navigations to the home page and back to an
// action), one at https://security.microsoft.com (our content script runs) and one at the same
// portal server's own address https://127.0.0.1:<port> (no content script: it matches only the
// portal's host). Each site has its own renderer process, so Runtime.getHeapUsage, after
// HeapProfiler.collectGarbage, is that tab's heap alone; the difference is what we add.

export interface HeapCounts {
  openings: number;
  navigations: number;
}

/**
 * Two heaps measured after GC differ by up to ~100 KB from run to run (the same session gave
 * -0.08 and +0.08 MB): "no growth" is judged at this resolution, so a leak of about 5 KB or more
 * per opening shows. DOM nodes and listeners are counted exactly.
 */
const GROWTH_RESOLUTION = 256 * 1024;

interface Tab {
  page: Page;
  cdp: CDPSession;
  ours: boolean;
}

interface Sample {
  heap: number;
  nodes: number;
  listeners: number;
}

async function openTab(world: World, origin: string, ours: boolean): Promise<Tab> {
  const page = await world.context.newPage();
  await page.goto(`${origin}/securescore?viewid=actions&actionId=AdminMFAV2`);
  await page.locator('.ms-Panel').waitFor();
  return { page, cdp: await world.context.newCDPSession(page), ours };
}

/** Openings whose menu a second click on Share did not close (closed with Escape instead), by tab. */
const escapeCloses = { ours: 0, without: 0 };

async function openAndClose(tab: Tab): Promise<void> {
  // Each tab is brought to the front before it is used, as a user's would be. In a background
  // tab (no focus) the first menu after an in-app navigation closes itself before the second
  // click, which then opens it again: with or without the extension, whichever tab was behind
  // (5 of 40 with it behind, 3 of 40 without it behind, 0 of 40 in front).
  await tab.page.bringToFront();
  await openFlyoutShareMenu(tab.page);
  if (tab.ours) await tab.page.locator('[role="menu"] [data-snt-item]').waitFor();
  await flyoutShareButton(tab.page).click();
  // Should a second click still leave the menu open, Escape closes it and the notes count it.
  const closed = await tab.page
    .locator('[role="menu"]')
    .waitFor({ state: 'detached', timeout: 5000 })
    .then(
      () => true,
      () => false,
    );
  if (!closed) {
    escapeCloses[tab.ours ? 'ours' : 'without']++;
    await closeMenusWithEscape(tab.page);
  }
}

/** Two in-app navigations (History API, as the portal's own links do): home, and back to an action's flyout. */
async function roundTrip(tab: Tab, actionId: string): Promise<void> {
  await tab.page.evaluate(() => (window as unknown as PortalWindow).__portal.navigate('/homepage'));
  await tab.page.locator('main[data-page="home"]').waitFor();
  await tab.page.evaluate((id) => (window as unknown as PortalWindow).__portal.openAction(id), actionId);
  await tab.page.locator(`.ms-Panel [data-action-id="${actionId}"]`).first().waitFor();
}

async function sample(tab: Tab): Promise<Sample> {
  // Twice: the first collection can leave garbage that only the second frees (weak refs, finalizers).
  await tab.cdp.send('HeapProfiler.collectGarbage');
  await tab.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await tab.cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await tab.cdp.send('Memory.getDOMCounters');
  return { heap: usedSize, nodes, listeners: jsEventListeners };
}

export async function measureHeap(world: World, counts: HeapCounts): Promise<Section> {
  // Other portal tabs would share a renderer process (and its heap) with the measured ones.
  for (const page of world.context.pages()) if (page.url().startsWith(PORTAL)) await page.close();
  const tabs = [await openTab(world, PORTAL, true), await openTab(world, world.portal.url, false)];
  try {
    const actions = ['MFARegistrationV2', 'AdminMFAV2'];
    const tripEvery = Math.max(1, Math.floor(counts.openings / Math.max(1, counts.navigations / 2)));
    const half = Math.floor(counts.openings / 2);
    const at: Record<'half' | 'end', Sample[]> = { half: [], end: [] };
    let trips = 0;
    for (let opening = 1; opening <= counts.openings; opening++) {
      for (const tab of tabs) await openAndClose(tab);
      if (opening % tripEvery === 0 && trips * 2 < counts.navigations) {
        for (const tab of tabs) await roundTrip(tab, actions[trips % actions.length]!);
        trips++;
      }
      if (opening === half) at.half = await Promise.all(tabs.map(sample));
    }
    at.end = await Promise.all(tabs.map(sample));
    const [withHalf, withoutHalf] = at.half as [Sample, Sample];
    const [withEnd, withoutEnd] = at.end as [Sample, Sample];
    const added = withEnd.heap - withoutEnd.heap;
    // What the extension adds, at the end minus at half-time: heap, DOM nodes, JS listeners.
    const growth = added - (withHalf.heap - withoutHalf.heap);
    const nodeGrowth = withEnd.nodes - withoutEnd.nodes - (withHalf.nodes - withoutHalf.nodes);
    const listenerGrowth = withEnd.listeners - withoutEnd.listeners - (withHalf.listeners - withoutHalf.listeners);
    return {
      rows: [
        {
          id: 'heap-added',
          figure: `JS heap the extension adds to a portal tab after ${counts.openings} openings and ${trips * 2} navigations`,
          value: added / 1024 / 1024,
          measured: mb(added),
          target: '≤ 3.00 MB',
          baseline: `tab without it ${mb(withoutEnd.heap)}`,
          pass: added <= 3 * 1024 * 1024,
        },
        {
          id: 'heap-growth',
          figure: `growth of that between opening ${half} and ${counts.openings} (heap, DOM nodes, JS listeners)`,
          value: growth / 1024 / 1024,
          measured: `${mb(growth)}, ${nodeGrowth} nodes, ${listenerGrowth} listeners`,
          target: `none (heap ≤ ${mb(GROWTH_RESOLUTION)}, 0, 0)`,
          baseline: `tab without it ${mb(withoutEnd.heap - withoutHalf.heap)}`,
          pass: growth <= GROWTH_RESOLUTION && nodeGrowth <= 0 && listenerGrowth <= 0,
        },
      ],
      notes: [
        `heap at opening ${half} / ${counts.openings}: with the extension ${mb(at.half[0]!.heap)} / ${mb(at.end[0]!.heap)}, without ${mb(at.half[1]!.heap)} / ${mb(at.end[1]!.heap)}; ` +
          `DOM nodes ${at.half[0]!.nodes} / ${at.end[0]!.nodes} vs ${at.half[1]!.nodes} / ${at.end[1]!.nodes}; ` +
          `JS event listeners ${at.half[0]!.listeners} / ${at.end[0]!.listeners} vs ${at.half[1]!.listeners} / ${at.end[1]!.listeners}; ` +
          `openings whose menu a second Share click left open (closed with Escape): with the extension ${escapeCloses.ours}, without ${escapeCloses.without}`,
      ],
    };
  } finally {
    for (const tab of tabs) await tab.page.close();
  }
}
