import type { AppError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import type { SyncState } from '@/utils/domain/sync-state';
import { ticketListUrl } from '@/utils/domain/portal-links';
import { isOverdue } from '@/utils/domain/ticket-queries';
import { recordUrl } from '@/utils/servicenow/ticket-fields';
import { stateName } from '@/utils/domain/state-names';
import { STATES, type StateNames } from '@/utils/domain/states';
import type { TableOverview, Ticket } from '@/utils/domain/ticket';
import { ErrorMessage } from './ErrorMessage';
import { formatDate } from './format';
import { StateChart } from './StateChart';
import { SyncLine } from './SyncLine';
import { onUserAction } from './user-action';
import type { TicketType } from '@/utils/domain/ticket-type';

export interface TicketCardProps {
  table: TicketType;
  /** null while the first answer from the worker is on its way. */
  overview: TableOverview | null;
  instanceOrigin?: string;
  names: StateNames;
  sync: SyncState | null;
  loadError?: AppError | null;
  syncAsked?: boolean;
  syncSendError?: AppError | null;
  /** Shown above the counts (e.g. reconnect needed). */
  notice?: string;
  now?: number;
  onSyncNow(): void;
  onCreate(): void;
  onManage(): void;
}

const TITLE = { change_request: 'changeCardTitle', incident: 'incidentCardTitle' } as const;

export function nameOf(names: StateNames, table: TicketType, value: string): string {
  return stateName(names, table, value) ?? (value ? t('stateUnknown', value) : t('stateNone'));
}

/** Home page card of one ticket type (F3.1, F3.5): tickets by state, recent tickets, sync, actions. */
export function TicketCard(props: TicketCardProps) {
  const { table, overview, names, now = Date.now() } = props;
  const titleId = `snt-card-${table}-title`;
  const counts = overview?.counts ?? {};
  const known = new Set(STATES[table].map((s) => s.value));
  const others = Object.entries(counts).filter(([value, n]) => !known.has(value) && n > 0);
  return (
    <section class="snt-portal-card" aria-labelledby={titleId} data-testid={`ticket-card-${table}`}>
      <div class="snt-card-header">
        <h2 class="snt-card-title" id={titleId}>
          {t(TITLE[table])}
        </h2>
        <span class="snt-muted" data-testid="ticket-total">
          {overview
            ? overview.total === 1
              ? t('ticketTotalOne')
              : t('ticketTotal', overview.total.toLocaleString())
            : t('loading')}
        </span>
      </div>
      {props.notice && (
        <div class="snt-message snt-message-warning" role="status">
          {props.notice}
        </div>
      )}
      <ErrorMessage error={props.loadError} />
      <StateChart
        table={table}
        states={[...STATES[table].map((s) => [s.value, counts[s.value] ?? 0] as const), ...others].map(
          ([value, count]) => ({ value, count, name: nameOf(names, table, value) }),
        )}
        overdue={overview?.overdue ?? null}
      />
      <div>
        <h3 class="snt-card-subtitle">{t('recentTickets')}</h3>
        {overview && overview.recent.length === 0 ? (
          <p class="snt-muted" style={{ margin: 0 }}>
            {t(table === 'incident' ? 'noIncidentsYet' : 'noChangesYet')}
          </p>
        ) : (
          <ul class="snt-recent" aria-label={t('recentTickets')}>
            {overview?.recent.map((ticket) => (
              <RecentTicket
                key={ticket.sysId}
                ticket={ticket}
                names={names}
                instanceOrigin={props.instanceOrigin}
                now={now}
              />
            ))}
          </ul>
        )}
      </div>
      <SyncLine
        state={props.sync}
        onSyncNow={props.onSyncNow}
        asked={props.syncAsked}
        sendError={props.syncSendError}
        now={now}
      />
      <div class="snt-card-actions">
        <button type="button" class="snt-btn snt-btn-primary" onClick={onUserAction(props.onCreate)}>
          {t('createTicket')}
        </button>
        <a class="snt-a" href={ticketListUrl({ table })}>
          {t('viewAllTickets')}
        </a>
        <button type="button" class="snt-link" onClick={onUserAction(props.onManage)}>
          {t('manageConfiguration')}
        </button>
      </div>
    </section>
  );
}

function RecentTicket({
  ticket,
  names,
  instanceOrigin,
  now,
}: {
  ticket: Ticket;
  names: StateNames;
  instanceOrigin?: string;
  now: number;
}) {
  const overdue = isOverdue(ticket, now);
  return (
    <li data-ticket={ticket.number}>
      <TicketNumber ticket={ticket} instanceOrigin={instanceOrigin} />
      <span class="snt-ticket-name" title={ticket.name}>
        {ticket.name}
      </span>
      <span class="snt-ticket-meta">
        <span class="snt-state-name" data-state={ticket.state}>
          {nameOf(names, ticket.table, ticket.state)}
        </span>
        {ticket.dueDate && <span>{t('dueOn', formatDate(ticket.dueDate))}</span>}
        {overdue && (
          <span class="snt-overdue" data-testid="overdue">
            {t('overdue')}
          </span>
        )}
      </span>
    </li>
  );
}

/** The ticket number, linking to the ticket in ServiceNow (new tab). */
export function TicketNumber({ ticket, instanceOrigin }: { ticket: Ticket; instanceOrigin?: string }) {
  if (!instanceOrigin) return <span>{ticket.number}</span>;
  return (
    <a
      class="snt-a"
      href={recordUrl(instanceOrigin, ticket.table, ticket.sysId)}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={t('openTicketLabel', ticket.number)}
      data-testid="ticket-link"
    >
      {ticket.number}
    </a>
  );
}
