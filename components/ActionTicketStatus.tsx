import { t } from '@/utils/i18n';
import type { StateNames } from '@/utils/domain/states';
import type { Ticket } from '@/utils/domain/ticket';
import { nameOf, TicketNumber } from './TicketCard';

/** Next to an improvement action (F3.2): its newest ticket's number (link) and state name. */
export function ActionTicketStatus({
  tickets,
  names,
  instanceOrigin,
}: {
  tickets: Ticket[];
  names: StateNames;
  instanceOrigin?: string;
}) {
  const [ticket, ...more] = tickets;
  if (!ticket) return null;
  return (
    <span class="snt-badge" data-testid="action-ticket" data-ticket={ticket.number} data-state={ticket.state}>
      <span class="snt-badge-label">{t('serviceNowLabel')}</span>
      <TicketNumber ticket={ticket} instanceOrigin={instanceOrigin} />
      <span class="snt-state-name" data-testid="action-ticket-state">
        {nameOf(names, ticket.table, ticket.state)}
      </span>
      {more.length > 0 && <span class="snt-muted">{t('moreTickets', more.length)}</span>}
    </span>
  );
}
