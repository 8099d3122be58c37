import type { Locator, Page } from 'playwright-core';
import type { Markup } from '../../portal/src/markup';

// Page objects for the imitation portal's own landmarks, the same on every markup (default, bare,
// alt: see tests/portal/README.md). They find things by roles, accessible names, Fluent classes
// and structure, plus the test hook window.__portal (action titles, card titles, render ticks):
// never by the imitation's data-testid, which bare and alt do not render.

/** What the page objects read from window.__portal (tests/portal/src/portalApi.ts). */
interface PortalHook {
  isReady: boolean;
  markup: Markup;
  renderTick: number;
  actions: readonly { id: string; shownTitle: string }[];
  homeCards: readonly { id: string; title: string }[];
}
type WithHook = { __portal?: PortalHook };

/** Waits until the portal has mounted and loaded its page data. */
export async function portalReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as WithHook).__portal?.isReady === true);
}

export async function currentMarkup(page: Page): Promise<Markup> {
  await portalReady(page);
  return page.evaluate(() => (window as WithHook).__portal!.markup);
}

/** The action's title as the list and flyout show it in the portal's current language. */
export async function shownTitle(page: Page, actionId: string): Promise<string> {
  await portalReady(page);
  const title = await page.evaluate((id) => (window as WithHook).__portal!.actions.find((a) => a.id === id)?.shownTitle, actionId);
  if (title === undefined) throw new Error(`the imitation portal has no action ${actionId}`);
  return title;
}

/**
 * The action's row in the Recommended actions list (a Fluent DetailsList row), by its title: in
 * markup=alt a row carries no action id at all (the title is a Link without href).
 */
export async function actionRow(page: Page, actionId: string): Promise<Locator> {
  const title = await shownTitle(page, actionId);
  return page.locator('.ms-DetailsRow').filter({ has: page.locator('.ms-Link').getByText(title, { exact: true }) });
}

/** The title of the action's row: a.ms-Link (default, bare) or button.ms-Link (alt). */
export async function actionTitleInList(page: Page, actionId: string): Promise<Locator> {
  const title = await shownTitle(page, actionId);
  return page.locator('.ms-DetailsRow .ms-Link').getByText(title, { exact: true });
}

/** Opens the action's flyout from its row title, as a user does; resolves with the flyout open. */
export async function openActionFromList(page: Page, actionId: string): Promise<void> {
  await (await actionTitleInList(page, actionId)).click();
  await page.waitForURL((url) => url.searchParams.get('actionId') === actionId);
  await page.locator('.ms-Panel').waitFor();
}

/** A link of the portal's left navigation (Fluent Nav), by its address, e.g. '/homepage'. */
export function navLink(page: Page, href: string): Locator {
  return page.locator(`nav.ms-Nav a.ms-Nav-link[href="${href}"]`);
}

/** The open flyout's title (Fluent Panel header text). */
export function flyoutTitle(page: Page): Locator {
  return page.locator('.ms-Panel .ms-Panel-headerText');
}

/**
 * A Pivot tab of the flyout (markup=alt only: Overview holds the facts, description and user
 * impact; Implementation the prerequisites and steps, in the DOM only while selected).
 */
export function flyoutTab(page: Page, tab: 'overview' | 'implementation'): Locator {
  return page.locator('.ms-Panel [role="tablist"] [role="tab"]').nth(tab === 'overview' ? 0 : 1);
}

const xpathLiteral = (text: string) =>
  !text.includes('"') ? `"${text}"` : !text.includes("'") ? `'${text}'` : `concat("${text.split('"').join(`", '"', "`)}")`;

const headingNamed = (title: string) =>
  `.//*[(self::h1 or self::h2 or self::h3 or self::h4 or @role="heading") and normalize-space(.)=${xpathLiteral(title)}]`;

/**
 * The home page's card grid in any markup: the element one of whose children holds the first native
 * card's heading and another child the second card's heading (and not the first's), i.e. the
 * cards' common parent. Resolves once the portal is ready; the grid itself may still be loading.
 */
export async function homeCardGrid(page: Page): Promise<Locator> {
  await portalReady(page);
  const cards = await page.evaluate(() => (window as WithHook).__portal!.homeCards);
  const [first, second] = cards;
  if (!first || !second) throw new Error('the imitation portal reports fewer than two home cards');
  return page.locator(`xpath=//main//*[*[${headingNamed(first.title)}] and *[${headingNamed(second.title)}][not(${headingNamed(first.title)})]]`);
}

/** Waits until the portal has re-rendered `count` more times (the `rerender` switch). */
export async function waitForRenderTicks(page: Page, count: number): Promise<void> {
  await portalReady(page);
  const start = await page.evaluate(() => (window as WithHook).__portal!.renderTick);
  await page.waitForFunction((target) => ((window as WithHook).__portal?.renderTick ?? -1) >= target, start + count);
}
