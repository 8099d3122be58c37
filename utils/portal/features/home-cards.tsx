import { TicketCard } from '@/components/TicketCard';
import { TrackingStyles } from '@/components/tracking-styles';
import { useStateNames, useSyncNow, useSyncState, useTicketOverview } from '@/components/use-tickets';
import type { ConnectionState } from '@/utils/domain/connection-status';
import { t } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import { mountInCardGrid } from '../card-grid';
import { isPath, type Feature } from '../feature-manager';
import { whileHomeMode } from '../home-mode';
import { openTaskForm } from '../task-form/open-task-form';
import { TICKET_TYPES, type TicketType } from '@/utils/domain/ticket-type';

/** Change management and incident management cards on the home page while connected (F3.1). */
export const homeCards: Feature = {
  id: 'home-cards',
  include: (url) => isPath(url, '/', '/homepage'),
  init(signal) {
    return whileHomeMode(
      'tickets',
      (shown, state) => {
        TICKET_TYPES.forEach((table, i) => {
          mountInCardGrid(`snt-card-${table}`, <HomeTicketCard table={table} state={state} />, shown, { order: i + 1 });
        });
      },
      signal,
    );
  },
};

function HomeTicketCard({ table, state }: { table: TicketType; state: ConnectionState }) {
  const names = useStateNames();
  const sync = useSyncState();
  const { value, error } = useTicketOverview(sync?.revision);
  const { syncNow, asked, error: sendError } = useSyncNow();
  return (
    <>
      <TrackingStyles />
      <TicketCard
        table={table}
        overview={value?.tables[table] ?? null}
        instanceOrigin={value?.instanceOrigin}
        names={names}
        sync={sync}
        loadError={error}
        syncAsked={asked}
        syncSendError={sendError}
        notice={state === 'reconnect_needed' ? t('reconnectNotice') : undefined}
        onSyncNow={syncNow}
        onCreate={() => openTaskForm({ type: table })}
        onManage={() => void send('openOptions', {})}
      />
    </>
  );
}
