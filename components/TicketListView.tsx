import { useEffect, useState } from 'preact/hooks';
import type { ConnectionState } from '@/utils/domain/connection-status';
import { t, type MessageKey } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import { cachedStatus } from '@/utils/storage';
import { actionUrl } from '@/utils/domain/portal-links';
import { parseGlideDateTime } from '@/utils/domain/glide-date-time';
import { isOverdue } from '@/utils/domain/ticket-queries';
import type { TicketListQuery, TicketSortKey } from '@/utils/domain/ticket';
import { ErrorMessage } from './ErrorMessage';
import { formatDate, formatMoment } from './format';
import { SyncLine } from './SyncLine';
import { TicketListFilters, type ListFilters } from './TicketListFilters';
import { nameOf, TicketNumber } from './TicketCard';
import { TrackingStyles } from './tracking-styles';
import { useCachedQuery, useStateNames, useSyncNow, useSyncState } from './use-tickets';

export const LIST_PAGE_SIZE = 50;

const COLUMNS: { key: TicketSortKey | null; label: MessageKey }[] = [
  { key: 'number', label: 'colNumber' },
  { key: 'name', label: 'colName' },
  { key: 'type', label: 'colType' },
  { key: 'state', label: 'colState' },
  { key: 'due', label: 'colDue' },
  { key: 'updated', label: 'colUpdated' },
  { key: null, label: 'colAction' },
];

/** The full ticket list (View all tickets): sortable, filterable by type, state and text, paged. */
export function TicketListView({ initial }: { initial: ListFilters }) {
  const names = useStateNames();
  const sync = useSyncState();
  const { syncNow, asked, error: sendError } = useSyncNow();
  const [table, setTable] = useState(initial.table);
  const [state, setState] = useState(initial.state);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<TicketSortKey>('updated');
  const [dir, setDir] = useState<'asc' | 'desc'>('desc');
  const [offset, setOffset] = useState(0);
  const [connection, setConnection] = useState<ConnectionState | null>(null);
  useEffect(() => {
    void cachedStatus.get().then((status) => setConnection(status?.state ?? null));
    return cachedStatus.watch((status) => setConnection(status?.state ?? null));
  }, []);
  const notConnected = connection === 'not_configured' || connection === 'not_connected';
  const query: TicketListQuery = {
    table,
    state,
    search: search.slice(0, 100),
    sort,
    dir,
    offset,
    limit: LIST_PAGE_SIZE,
  };
  const { value: page, error } = useCachedQuery(
    () => send('listTickets', query),
    [table, state, search, sort, dir, offset],
    sync?.revision,
  );
  const now = Date.now();

  const changeTable = (next: ListFilters['table']) => {
    setTable(next);
    if (state !== 'open' && state !== 'done') setState('');
    setOffset(0);
  };
  const sortBy = (key: TicketSortKey) => {
    if (key === sort) setDir(dir === 'asc' ? 'desc' : 'asc');
    else {
      setSort(key);
      setDir(key === 'updated' || key === 'due' ? 'desc' : 'asc');
    }
    setOffset(0);
  };

  const total = page?.total ?? 0;
  return (
    <section
      class="snt-card"
      style={{ margin: '24px 32px' }}
      aria-labelledby="snt-list-title"
      data-testid="ticket-list"
    >
      <TrackingStyles />
      <h1 class="snt-h1" id="snt-list-title">
        {t('ticketListTitle')}
      </h1>
      {notConnected ? (
        <div class="snt-message snt-message-warning" role="status">
          {t('listNotConnected')}{' '}
          <a class="snt-a" href="/ticketProvisioning">
            {t('getStarted')}
          </a>
        </div>
      ) : (
        <SyncLine state={sync} onSyncNow={syncNow} asked={asked} sendError={sendError} now={now} />
      )}
      <TicketListFilters
        filters={{ table, state }}
        search={search}
        names={names}
        onTable={changeTable}
        onState={(next) => {
          setState(next);
          setOffset(0);
        }}
        onSearch={(next) => {
          setSearch(next);
          setOffset(0);
        }}
      />
      <ErrorMessage error={error} />
      <table class="snt-table" aria-label={t('ticketListTitle')} aria-rowcount={total + 1}>
        <thead>
          <tr>
            {COLUMNS.map(({ key, label }) => (
              <th
                key={label}
                scope="col"
                aria-sort={key && key === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {key ? (
                  <button type="button" onClick={() => sortBy(key)} data-sort={key}>
                    {t(label)}
                    <span aria-hidden="true">{key === sort ? (dir === 'asc' ? '▲' : '▼') : ''}</span>
                  </button>
                ) : (
                  <span>{t(label)}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page?.tickets.map((ticket) => (
            <tr key={ticket.sysId} data-ticket={ticket.number} data-table={ticket.table} data-state={ticket.state}>
              <td class="snt-nowrap">
                <TicketNumber ticket={ticket} instanceOrigin={page.instanceOrigin} />
              </td>
              <td>{ticket.name}</td>
              <td>{t(ticket.table === 'incident' ? 'ticketTypeIncident' : 'ticketTypeChange')}</td>
              <td class="snt-state-name snt-nowrap">{nameOf(names, ticket.table, ticket.state)}</td>
              <td>
                {ticket.dueDate ? formatDate(ticket.dueDate) : ''}
                {isOverdue(ticket, now) && (
                  <>
                    {' '}
                    <span class="snt-overdue">{t('overdue')}</span>
                  </>
                )}
              </td>
              <td>{ticket.updatedOn ? formatMoment(parseGlideDateTime(ticket.updatedOn), now) : ''}</td>
              <td>
                {ticket.actionId && (
                  <a class="snt-a" href={actionUrl(ticket.actionId)}>
                    {ticket.actionId}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && total === 0 && (
        <p class="snt-muted" role="status">
          {t('noTicketsMatch')}
        </p>
      )}
      {total > 0 && (
        <div class="snt-pager">
          <span role="status" data-testid="list-range">
            {t(
              'pageRange',
              (offset + 1).toLocaleString(),
              Math.min(offset + LIST_PAGE_SIZE, total).toLocaleString(),
              total.toLocaleString(),
            )}
          </span>
          <button
            type="button"
            class="snt-btn"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - LIST_PAGE_SIZE))}
          >
            {t('previousPage')}
          </button>
          <button
            type="button"
            class="snt-btn"
            disabled={offset + LIST_PAGE_SIZE >= total}
            onClick={() => setOffset(offset + LIST_PAGE_SIZE)}
          >
            {t('nextPage')}
          </button>
        </div>
      )}
    </section>
  );
}
