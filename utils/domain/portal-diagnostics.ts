import { isObject } from './guards';

// What the content script found on the portal's last visit of each page kind (issue 12 item 4):
// the anchors the overlay depends on, and a structural outline of the page region (no text).
// Kept in storage.local only; nothing is sent anywhere. Read by the popup and /ticketProvisioning.

export type PageKind = 'flyout' | 'actionsList' | 'home';
export const PAGE_KINDS: readonly PageKind[] = ['flyout', 'actionsList', 'home'];

/** The action fields the reader looks for (utils/portal/action-reader.ts ActionField). */
export const ACTION_FIELDS = ['id', 'title', 'description', 'implementation', 'category', 'scoreImpact'] as const;
export type ActionFieldName = (typeof ACTION_FIELDS)[number];

/** Whether a Share menu opened on this page was recognised (our item needs it). */
export type ShareMenuState = 'recognised' | 'notRecognised' | 'notOpened';

export interface FlyoutAnchors {
  shareButton: boolean;
  shareMenu: ShareMenuState;
  /** Fields never read during the visit (left for the user to fill). */
  missing: ActionFieldName[];
}

export interface ActionsListAnchors {
  rows: number;
  /** Rows whose action id was found (address, or a title learned from a flyout). */
  rowsWithId: number;
  shareMenu: ShareMenuState;
}

export interface HomeAnchors {
  /** Where our cards went: into the portal's card grid, or the fallback below the heading. */
  cards: 'grid' | 'fallback';
}

export interface AnchorsOf {
  flyout: FlyoutAnchors;
  actionsList: ActionsListAnchors;
  home: HomeAnchors;
}

export interface PageVisit<K extends PageKind> {
  /** When the anchors were last seen (ms since epoch). */
  at: number;
  anchors: AnchorsOf[K];
  /** Structural outline of the page region (utils/portal/diagnostics/outline.ts). */
  outline: string;
}

export type PortalDiagnostics = { [K in PageKind]?: PageVisit<K> };

const SHARE_STATES: readonly unknown[] = ['recognised', 'notRecognised', 'notOpened'];
const count = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;

const ANCHOR_CHECKS: { [K in PageKind]: (a: Record<string, unknown>) => boolean } = {
  flyout: (a) =>
    typeof a.shareButton === 'boolean' &&
    SHARE_STATES.includes(a.shareMenu) &&
    Array.isArray(a.missing) &&
    a.missing.every((f) => (ACTION_FIELDS as readonly unknown[]).includes(f)),
  actionsList: (a) => count(a.rows) && count(a.rowsWithId) && SHARE_STATES.includes(a.shareMenu),
  home: (a) => a.cards === 'grid' || a.cards === 'fallback',
};

/** Storage is shared with every extension context: check the shape before trusting it. */
export function isPortalDiagnostics(value: unknown): value is PortalDiagnostics {
  if (!isObject(value)) return false;
  return PAGE_KINDS.every((kind) => {
    const visit = value[kind];
    if (visit === undefined) return true;
    return (
      isObject(visit) &&
      typeof visit.at === 'number' &&
      typeof visit.outline === 'string' &&
      isObject(visit.anchors) &&
      ANCHOR_CHECKS[kind](visit.anchors)
    );
  });
}
