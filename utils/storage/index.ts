import browser from 'webextension-polyfill';
import type { ConnectionStatus, ServiceNowUser } from '../domain/connection-status';
import type { FieldDefaults } from '../domain/field-defaults';
import type { RequiredFields } from '../domain/instance-fields';
import type { StateNames } from '../domain/states';
import { DEFAULT_SYNC_SETTINGS, INITIAL_SYNC_STATE, type SyncSettings, type SyncState } from '../domain/sync-state';
import type { PortalDiagnostics } from '../domain/portal-diagnostics';
import type { TicketType } from '../domain/ticket-type';
import type { SerializedError } from '../errors';
import { defineTrustedItem } from './trusted-item';

// Typed items over browser.storage. Nothing secret lives here: content scripts can read
// storage.local and storage.sync. Secrets are in utils/auth/secret-store.ts. Content scripts can
// write it too, so what the worker trusts for where to send is a trusted item (trusted-item.ts).

interface Item<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

function defineItem<T>(area: 'local' | 'sync', key: string, fallback: T): Item<T> {
  const storageArea = () => browser.storage[area];
  return {
    async get() {
      const stored = await storageArea().get(key);
      return stored[key] === undefined ? fallback : (stored[key] as T);
    },
    set: (value) => storageArea().set({ [key]: value }),
    remove: () => storageArea().remove(key),
    watch(callback) {
      const listener = (changes: Record<string, browser.Storage.StorageChange>, changedArea: string) => {
        if (changedArea === area && key in changes) {
          callback((changes[key]!.newValue as T | undefined) ?? fallback);
        }
      };
      browser.storage.onChanged.addListener(listener);
      return () => {
        // Runs in the clean-ups of an old content script after an update or reload, when its
        // extension APIs are gone: throwing there would skip the removal of its UI after it.
        try {
          browser.storage.onChanged.removeListener(listener);
        } catch {
          // Nothing is left to remove the listener from.
        }
      };
    },
  };
}

/** The ServiceNow instance and OAuth client, per browser (the redirect URL is per browser too). */
export interface ConnectionConfig {
  instanceOrigin: string;
  instanceHost: string;
  isServiceNowCloud: boolean;
  clientId: string;
}

export const connectionConfig = /* @__PURE__ */ defineTrustedItem<ConnectionConfig | null>('connection:v1', null);

/** Last known status, so the popup and pages can paint at once before the worker answers. */
export const cachedStatus = defineItem<ConnectionStatus | null>('local', 'status:v1', null);

/** What the worker remembers about the authorization (no secrets). */
export interface AuthMemo {
  reconnectNeeded: boolean;
  lastAuthError?: SerializedError;
  user?: ServiceNowUser;
  /** Host permission we asked for (custom domains), to drop it on disconnect. */
  grantedOrigin?: string;
}

export const authMemo = /* @__PURE__ */ defineTrustedItem<AuthMemo>('auth:v1', { reconnectNeeded: false });

/** Defaults of the task form (options → Defaults). Synced: they are preferences, not secrets. */
export interface TicketPreferences {
  defaultType: TicketType;
  /** Due date offset from today, in days. */
  dueInDays: number;
  /** The instance's fields per ticket type (assignment group, …), chosen in options (F7). */
  fields?: FieldDefaults;
}

export const ticketPreferences = defineItem<TicketPreferences>('sync', 'preferences:v1', {
  defaultType: 'change_request',
  dueInDays: 30,
});

/** Task form drafts per improvement action (or "new"), kept when the form is closed unsent. */
export const formDrafts = defineItem<Record<string, unknown>>('local', 'drafts:v1', {});

/** Ticket sync progress and errors for the cards, list view and popup (utils/domain/sync-state.ts). */
export const syncState = defineItem<SyncState>('local', 'sync:v1', INITIAL_SYNC_STATE);

/** How often the worker syncs tickets (options → Ticket sync). */
export const syncSettings = defineItem<SyncSettings>('sync', 'syncSettings:v1', DEFAULT_SYNC_SETTINGS);

/** The user's state names (options → Ticket states); read through resolveStateNames(). */
export const stateNames = defineItem<StateNames | null>('sync', 'stateNames:v1', null);

/** Duplicates the extension canceled (no secrets: ticket numbers), until the user dismisses them in the popup. */
export interface DuplicateNotice {
  number: string;
  sysId: string;
  keptNumber: string;
}
export const duplicateNotices = defineItem<DuplicateNotice[]>('local', 'duplicateNotices:v1', []);
/** What the connected instance requires on tickets (F7), learned once per connection; cleared on disconnect. */
export const requiredFields = defineItem<RequiredFields | null>('local', 'requiredFields:v1', null);

/**
 * Improvement action titles and their ids, learned from flyouts the user opened (the flyout's
 * address carries the id), so a list row without an id can be matched by its title. Kept in
 * extension storage, not in the page's sessionStorage, so the portal page can neither read nor
 * plant them. Newest last, bounded by utils/portal/title-ids.ts.
 */
export const titleIds = defineItem<[title: string, actionId: string][]>('local', 'titleIds:v1', []);
/** Changes some task form defaults, keeping the others as stored now (two option forms share them). */
export async function updateTicketPreferences(change: Partial<TicketPreferences>): Promise<TicketPreferences> {
  const next = { ...(await ticketPreferences.get()), ...change };
  await ticketPreferences.set(next);
  return next;
}
/** What the overlay found on the portal's last visit of each page kind (no text: utils/domain/portal-diagnostics.ts). */
export const portalDiagnostics = defineItem<PortalDiagnostics>('local', 'portalDiagnostics:v1', {});
