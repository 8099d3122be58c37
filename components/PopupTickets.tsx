import { t } from '@/utils/i18n';
import { STATES } from '@/utils/domain/states';
import { SyncLine } from './SyncLine';
import { nameOf } from './TicketCard';
import { TrackingStyles } from './tracking-styles';
import { useStateNames, useSyncNow, useSyncState, useTicketOverview } from './use-tickets';
import { TICKET_TYPES } from '@/utils/domain/ticket-type';

/** The popup's ticket summary: counts by state with the user's state names, and Sync now. */
export function PopupTickets() {
  const names = useStateNames();
  const state = useSyncState();
  const { value: overview } = useTicketOverview(state?.revision);
  const { syncNow, asked, error } = useSyncNow();
  return (
    <section aria-labelledby="snt-popup-tickets" data-testid="popup-tickets">
      <TrackingStyles />
      <h2 class="snt-h2" id="snt-popup-tickets">
        {t('ticketsTitle')}
      </h2>
      <dl style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px', margin: '0 0 8px' }}>
        {TICKET_TYPES.map((table) => {
          const counts = overview?.tables[table].counts ?? {};
          const parts = STATES[table]
            .filter((s) => counts[s.value])
            .map((s) => `${nameOf(names, table, s.value)} ${counts[s.value]}`);
          return [
            <dt key={`${table}-t`}>{t(table === 'incident' ? 'typeIncidents' : 'typeChangeRequests')}</dt>,
            <dd key={`${table}-d`} style={{ margin: 0 }} data-testid={`popup-counts-${table}`}>
              {overview ? parts.join(' · ') || t('noTickets') : '…'}
            </dd>,
          ];
        })}
      </dl>
      <SyncLine state={state} onSyncNow={syncNow} asked={asked} sendError={error} hideLastSync />
    </section>
  );
}
