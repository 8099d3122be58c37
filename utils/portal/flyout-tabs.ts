import type { ActionDetails } from './action-reader';

// A flyout that splits its content into Pivot tabs renders only the selected tab (Fluent's
// default): the Implementation steps are not in the DOM while Overview shows. When the user asks
// for a ticket, the missing section's tab is selected for a moment, read, and the user's tab is
// selected again: the same as the user clicking there and back, so the form is complete.

/** Upper bound for the portal to render a selected tab; a normal render takes a frame or two. */
const RENDER_BOUND_MS = 1_000;

const TAB = '[role="tab"]';

const isSelected = (tab: Element) => tab.getAttribute('aria-selected') === 'true';

/** Resolves once `done()` holds (checked on every DOM change in `root`), or false after the bound. */
function until(root: Element, done: () => boolean): Promise<boolean> {
  if (done()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (result: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(result);
    };
    const observer = new MutationObserver(() => done() && finish(true));
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    const timer = setTimeout(() => finish(done()), RENDER_BOUND_MS);
  });
}

/** Fields worth a look in another tab (the id and title come from the address and header). */
const FROM_TABS = ['description', 'implementation', 'category', 'scoreImpact'] as const;

function shown(panel: Element, tab: HTMLElement): boolean {
  if (!isSelected(tab)) return false;
  const panels = [...panel.querySelectorAll('[role="tabpanel"]')];
  return panels.length === 0 || panels.some((p) => !tab.id || p.getAttribute('aria-labelledby') === tab.id);
}

/**
 * `action` read from `panel`, with the fields that sit in unselected tabs read from there
 * (`read` reads the flyout again), then the user's tab selected again. Language-independent: it
 * looks at every tab, not at tab names.
 */
export async function completeFromTabs(
  panel: Element,
  action: ActionDetails,
  read: (panel: Element) => ActionDetails,
): Promise<ActionDetails> {
  const tabs = [...panel.querySelectorAll<HTMLElement>(TAB)];
  const current = tabs.find(isSelected);
  const completed: ActionDetails = { ...action };
  let missing = [...(action.missing ?? [])];
  const lacking = () => FROM_TABS.filter((field) => missing.includes(field));
  if (!current || lacking().length === 0) return completed;
  for (const tab of tabs) {
    if (tab === current || lacking().length === 0) continue;
    tab.click();
    if (!(await until(panel, () => shown(panel, tab)))) continue;
    const seen = read(panel);
    for (const field of lacking()) {
      if (seen.missing?.includes(field)) continue;
      Object.assign(completed, { [field]: seen[field] });
      missing = missing.filter((f) => f !== field);
    }
  }
  current.click();
  await until(panel, () => shown(panel, current));
  return { ...completed, missing };
}
