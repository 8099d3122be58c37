import { useEffect, useReducer } from 'preact/hooks';
import { ActionTicketStatus } from '@/components/ActionTicketStatus';
import { TrackingStyles } from '@/components/tracking-styles';
import { send } from '@/utils/messaging';
import { stateNames, syncState } from '@/utils/storage';
import { resolveStateNames } from '@/utils/domain/state-names';
import { defaultStateNames, type StateNames } from '@/utils/domain/states';
import { MAX_ACTION_IDS, type ActionTickets } from '@/utils/domain/ticket';
import { actionIdFromUrl, rowActionId } from '../action-reader';
import { cleanText } from '../action-labels';
import { titleCell } from '../list-columns';
import { loadTitleIds, rememberTitle } from '../title-ids';
import { isPath, type Feature } from '../feature-manager';
import { onDomChange } from '../observe';
import { ACTION_ID_CARRIER, LIST_CELL, LIST_ROW, PANEL, PANEL_HEADER_TEXT } from '../selectors';
import { reinsertionGuard } from '../reinsertion';
import { createShadowUi, type ShadowUi } from '../shadow-ui';

// F3.2: the ticket number (link) and state name next to every improvement action that has a
// ticket, in the Secure Score list and in the action's flyout. The worker answers from its
// cache; the badges follow syncs (revision) and renamed states (storage) live.

interface View {
  tickets: ActionTickets;
  names: StateNames;
  instanceOrigin?: string;
}

/** Where a row's badge goes: the cell of its id carrier, or its title cell. */
function badgeCell(row: Element, carrier: Element | null): Element | null {
  return carrier?.closest(LIST_CELL) ?? titleCell(row);
}

/** How often, at most, a list that keeps changing is read again row by row. */
const ROW_SCAN_MS = 400;

export const actionStatus: Feature = {
  id: 'action-status',
  include: (url) => isPath(url, '/securescore'),
  async init(signal) {
    let view: View = { tickets: {}, names: defaultStateNames() };
    const listeners = new Set<() => void>();
    const setView = (change: Partial<View>) => {
      view = { ...view, ...change };
      for (const listener of listeners) listener();
      check();
    };
    const badges = new Map<Element, ShadowUi>();
    /** Each badge has its own budget: a re-render of the list puts back every row's badge. */
    const guards = new WeakMap<ShadowUi, () => boolean>();
    const asked = new Set<string>();
    /** Rows that got a badge once: they are looked at again when their action's tickets go. */
    const badgedRows = new WeakSet<Element>();

    function Badge({ actionId }: { actionId: string }) {
      const [, rerender] = useReducer((n: number) => n + 1, 0);
      useEffect(() => {
        const listener = () => rerender(undefined);
        listeners.add(listener);
        return () => void listeners.delete(listener);
      }, []);
      const tickets = ticketsOf(actionId);
      return tickets ? (
        <>
          <TrackingStyles />
          <ActionTicketStatus tickets={tickets} names={view.names} instanceOrigin={view.instanceOrigin} />
        </>
      ) : null;
    }

    // Own keys only: an action id such as "constructor" must not find Object.prototype's.
    const ticketsOf = (actionId: string) =>
      Object.hasOwn(view.tickets, actionId) ? view.tickets[actionId] : undefined;

    let lastLoad = 0;
    async function load() {
      // The most recently seen actions (the rows on screen), and only the newest answer counts.
      const ids = [...asked].slice(-MAX_ACTION_IDS);
      if (ids.length === 0) return;
      const mine = ++lastLoad;
      try {
        const { byAction, instanceOrigin } = await send('getActionTickets', { actionIds: ids });
        if (!signal.aborted && mine === lastLoad) setView({ tickets: byAction, instanceOrigin });
      } catch {
        // Not connected or the extension was reloaded: no badges.
      }
    }

    /** Puts a badge where an action with tickets is shown; removes badges of actions without. */
    function ensure(anchor: Element, where: 'row' | 'flyout', place: (host: HTMLElement) => void, actionId: string) {
      const existing = badges.get(anchor);
      const wanted = Boolean(ticketsOf(actionId));
      if (existing && (!wanted || existing.host.dataset.sntAction !== actionId)) {
        existing.remove();
        badges.delete(anchor);
      }
      if (!wanted) return;
      let ui = badges.get(anchor);
      if (!ui) {
        ui = createShadowUi(`snt-${where}-ticket-${actionId}`, <Badge actionId={actionId} />);
        guards.set(ui, reinsertionGuard(check, signal));
      }
      ui.host.dataset.sntAction = actionId;
      badges.set(anchor, ui);
      // Put back what a re-render removed, but never fight the portal's rendering.
      if (!ui.host.isConnected && guards.get(ui)?.()) place(ui.host);
    }

    let fresh = false;
    const want = (id: string) => {
      if (asked.has(id)) return;
      asked.add(id);
      fresh = true;
    };

    // Reading every row on every DOM change is what a churning list makes expensive. A scan (rows
    // and flyout) runs at once when one of our badges lost its place (a re-render: put it back
    // before the next paint, no flicker) or when the answer, the titles or the names changed;
    // otherwise at most every ROW_SCAN_MS, with a trailing scan so the last change is read too.
    let nextScan = 0;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    signal.addEventListener('abort', () => clearTimeout(trailing), { once: true });

    function check(force = true) {
      if (signal.aborted) return;
      let displaced = false;
      for (const [anchor, ui] of badges) {
        if (!anchor.isConnected) {
          ui.remove();
          badges.delete(anchor);
          displaced = true;
        } else if (!ui.host.isConnected) displaced = true;
      }
      const now = Date.now();
      if (!force && !displaced && now < nextScan) {
        trailing ??= setTimeout(() => {
          trailing = undefined;
          check();
        }, nextScan - now);
        return;
      }
      nextScan = now + ROW_SCAN_MS;
      clearTimeout(trailing);
      trailing = undefined;
      scanRows();
      const flyoutId = actionIdFromUrl(location.href);
      const header = flyoutId ? document.querySelector(`${PANEL} :is(${PANEL_HEADER_TEXT})`) : null;
      if (flyoutId && header) {
        // Learn the title ↔ id pair, for list rows that carry no id (markup without links).
        rememberTitle(cleanText(header.textContent), flyoutId);
        want(flyoutId);
        ensure(header, 'flyout', (host) => header.after(host), flyoutId);
      }
      if (fresh) {
        fresh = false;
        void load();
      }
    }

    function scanRows() {
      for (const row of document.querySelectorAll(LIST_ROW)) {
        const carrier = row.querySelector(ACTION_ID_CARRIER);
        const id = rowActionId(row, carrier);
        if (!id) continue;
        want(id);
        // Most rows have no ticket and no badge: skip finding their cell (the churn's cost).
        if (!ticketsOf(id) && !badgedRows.has(row)) continue;
        const cell = badgeCell(row, carrier);
        if (!cell) continue;
        badgedRows.add(row);
        ensure(cell, 'row', (host) => cell.append(host), id);
      }
    }

    onDomChange(() => check(false), { signal });
    const titles = loadTitleIds(check);
    let revision: number | undefined;
    const stopSync = syncState.watch((state) => {
      if (state.revision === revision) return;
      revision = state.revision;
      void load();
    });
    const stopNames = stateNames.watch((stored) => setView({ names: resolveStateNames(stored) }));
    signal.addEventListener(
      'abort',
      () => {
        stopSync();
        stopNames();
        titles.stop();
        listeners.clear();
        for (const ui of badges.values()) ui.remove();
        badges.clear();
      },
      { once: true },
    );
    setView({ names: resolveStateNames(await stateNames.get()) });
  },
};
