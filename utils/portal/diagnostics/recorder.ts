import {
  isPortalDiagnostics,
  PAGE_KINDS,
  type AnchorsOf,
  type PageKind,
  type PortalDiagnostics,
} from '@/utils/domain/portal-diagnostics';
import { portalDiagnostics } from '@/utils/storage';
import { onDomChange } from '../observe';
import { LAYER, MAIN, MENU_CONTAINER, PANEL } from '../selectors';
import { actionsListAnchors, flyoutAnchors, homeAnchors, mergeShareMenu } from './anchors';
import { structuralOutline } from './outline';

// Records, for this visit of a portal page, which anchors the overlay found (issue 12 item 4),
// into storage.local for the popup and /ticketProvisioning. A visit is one address: the feature
// manager restarts us on navigation. Checks run at most every COLLECT_MS while the page changes,
// and storage is written only when something changed. The outline (the costly part) is redone
// at once when the anchors change, else at most every outlineWait, which doubles up to
// MAX_OUTLINE_MS while it comes out the same: a list that re-renders all the time is not
// outlined over and over for the same result.

const COLLECT_MS = 700;
const MAX_OUTLINE_MS = 10_000;

type Visit = { [K in PageKind]?: AnchorsOf[K] };

function merge(visit: Visit, root: Document): void {
  const flyout = flyoutAnchors(root);
  if (flyout) {
    const before = visit.flyout;
    visit.flyout = before
      ? {
          shareButton: before.shareButton || flyout.shareButton,
          shareMenu: mergeShareMenu(before.shareMenu, flyout.shareMenu),
          // A field read once during the visit (alt: the Implementation tab) counts as read.
          missing: before.missing.filter((field) => flyout.missing.includes(field)),
        }
      : flyout;
  }
  const list = actionsListAnchors(root);
  if (list)
    visit.actionsList = {
      ...list,
      shareMenu: mergeShareMenu(visit.actionsList?.shareMenu ?? 'notOpened', list.shareMenu),
    };
  const home = homeAnchors(root);
  if (home) visit.home = home;
}

/** The page region each kind's outline covers, plus open menus (Share menus live in layers). */
function regionsOf(kind: PageKind, root: Document): Element[] {
  const main = root.querySelector(MAIN);
  const regions: Element[] = [];
  if (kind === 'flyout') {
    const panel = root.querySelector(PANEL);
    if (panel) regions.push(panel.closest(LAYER) ?? panel);
  } else if (kind === 'actionsList') {
    const list = main?.querySelector('.ms-DetailsList, [role="grid"]') ?? main;
    if (list) regions.push(list);
  } else if (main) regions.push(main);
  if (kind !== 'home') {
    for (const menu of root.querySelectorAll(MENU_CONTAINER)) {
      if (!regions.some((region) => region.contains(menu))) regions.push(menu.closest(LAYER) ?? menu);
    }
  }
  return regions;
}

export function outlineOf(kind: PageKind, root: Document = document): string {
  return regionsOf(kind, root).map(structuralOutline).join('\n');
}

async function save(update: PortalDiagnostics): Promise<void> {
  try {
    const stored = await portalDiagnostics.get();
    await portalDiagnostics.set({ ...(isPortalDiagnostics(stored) ? stored : {}), ...update });
  } catch {
    // The extension was reloaded (this script is orphaned) or storage is full: nothing to record.
  }
}

export function recordPortalVisit(signal: AbortSignal, root: Document = document): void {
  const visit: Visit = {};
  let written = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writtenAnchors = '';
  let outlineWait = COLLECT_MS;
  let outlineDue = 0;
  const collect = () => {
    timer = undefined;
    if (signal.aborted) return;
    merge(visit, root);
    const anchors = JSON.stringify(PAGE_KINDS.map((kind) => visit[kind]));
    if (anchors === writtenAnchors && Date.now() < outlineDue) return;
    writtenAnchors = anchors;
    const update: Record<string, unknown> = {};
    for (const kind of PAGE_KINDS) {
      if (visit[kind]) update[kind] = { at: Date.now(), anchors: visit[kind], outline: outlineOf(kind, root) };
    }
    const key = JSON.stringify(
      PAGE_KINDS.map((kind) => [visit[kind], (update[kind] as { outline?: string })?.outline]),
    );
    outlineWait = key === written ? Math.min(outlineWait * 2, MAX_OUTLINE_MS) : COLLECT_MS;
    outlineDue = Date.now() + outlineWait;
    if (key === written || Object.keys(update).length === 0) return;
    written = key;
    void save(update as PortalDiagnostics);
  };
  const schedule = () => {
    timer ??= setTimeout(collect, COLLECT_MS);
  };
  onDomChange(schedule, { signal });
  schedule();
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
