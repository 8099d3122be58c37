import type { AppError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { isSyncRunning, type SyncState } from '@/utils/domain/sync-state';
import { formatMoment } from './format';
import { onUserAction } from './user-action';

interface Props {
  state: SyncState | null;
  onSyncNow(): void;
  /** Sync now was clicked and the worker has not answered yet. */
  asked?: boolean;
  /** Sending the request failed (not a sync error: those are in `state`). */
  sendError?: AppError | null;
  now?: number;
  /** Where "Last sync" is shown elsewhere already (the popup's status list). */
  hideLastSync?: boolean;
}

/** Last sync time or "Syncing…", Sync now, and why the last sync failed. */
export function SyncLine({
  state,
  onSyncNow,
  asked = false,
  sendError,
  now = Date.now(),
  hideLastSync = false,
}: Props) {
  const running = asked || (state ? isSyncRunning(state, now) : false);
  const error = sendError ?? state?.error;
  return (
    <div class="snt-stack" style={{ gap: '6px' }}>
      <div class="snt-sync-line">
        {running ? (
          <span role="status" data-testid="sync-running">
            <span class="snt-spinner" aria-hidden="true" />
            {t('syncing')}
          </span>
        ) : hideLastSync ? null : (
          <span data-testid="last-synced" role="status">
            {state?.lastSyncAt ? t('lastSyncedAt', formatMoment(state.lastSyncAt, now)) : t('notSyncedYet')}
          </span>
        )}
        <button
          type="button"
          class="snt-link"
          style={{ fontSize: '12px' }}
          disabled={running}
          onClick={onUserAction(onSyncNow)}
        >
          {t('syncNow')}
        </button>
      </div>
      {error && (
        <div class="snt-message snt-message-error" role="alert" data-testid="sync-error" data-error-code={error.code}>
          {error.message}
          {!sendError && state?.nextRetryAt && state.nextRetryAt > now
            ? ` ${t('nextRetryAt', formatMoment(state.nextRetryAt, now))}`
            : ''}
        </div>
      )}
    </div>
  );
}
