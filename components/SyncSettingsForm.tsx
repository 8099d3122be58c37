import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { syncSettings } from '@/utils/storage';
import { SYNC_INTERVALS, syncInterval } from '@/utils/domain/sync-state';
import { SyncLine } from './SyncLine';
import { useSyncNow, useSyncState } from './use-tickets';

/** Options → Ticket sync: how often the worker syncs (F3.3), the last sync and Sync now. */
export function SyncSettingsForm() {
  const [minutes, setMinutes] = useState<number>(syncInterval(undefined));
  const [saved, setSaved] = useState(false);
  const state = useSyncState();
  const { syncNow, asked, error } = useSyncNow();

  useEffect(() => {
    void syncSettings.get().then((s) => setMinutes(syncInterval(s)));
    return syncSettings.watch((s) => setMinutes(syncInterval(s)));
  }, []);

  const change = async (value: number) => {
    setMinutes(value);
    await syncSettings.set({ intervalMinutes: value });
    setSaved(true);
  };

  return (
    <div class="snt-stack">
      <div class="snt-field" style={{ marginBottom: 0 }}>
        <label for="snt-sync-interval">{t('syncIntervalLabel')}</label>
        <div class="snt-row">
          <select
            id="snt-sync-interval"
            class="snt-select"
            value={String(minutes)}
            onChange={(e) => void change(Number(e.currentTarget.value))}
          >
            {SYNC_INTERVALS.map((n) => (
              <option key={n} value={String(n)}>
                {n === 1 ? t('everyMinute') : t('everyMinutes', n)}
              </option>
            ))}
          </select>
          {saved && (
            <span class="snt-muted" role="status">
              {t('saved')}
            </span>
          )}
        </div>
      </div>
      <SyncLine state={state} onSyncNow={syncNow} asked={asked} sendError={error} />
    </div>
  );
}
