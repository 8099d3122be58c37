import { OUR_MENU_ITEM } from './selectors';

// A content script starts once per page, before it has put anything into it; whatever UI of ours
// is already there was left by a previous instance of the extension. Chromium lets that instance
// remove it (its context is invalidated, utils/portal/run.ts), but Firefox unloads the old
// content script on an update or reload without running its clean-up. So the new one removes it.

export function removeLeftoverUi(root: ParentNode = document): number {
  const leftovers = [...root.querySelectorAll(`snt-ui, ${OUR_MENU_ITEM}`)];
  for (const element of leftovers) element.remove();
  return leftovers.length;
}
