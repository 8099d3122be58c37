import { filtersFromUrl } from '@/components/TicketListFilters';
import { TicketListView } from '@/components/TicketListView';
import { TICKET_LIST_PATH } from '@/utils/domain/portal-links';
import { isPath, type Feature } from '../feature-manager';
import { mountInMain } from '../page-takeover';

/**
 * View all tickets: the portal page /servicenowTickets (which the portal itself does not have,
 * like /ticketProvisioning) taken over by the full ticket list, so it opens inside the portal
 * with its navigation, and links back to improvement actions stay in the same tab.
 */
export const ticketListPage: Feature = {
  id: 'ticket-list-page',
  include: (url) => isPath(url, TICKET_LIST_PATH),
  init(signal) {
    mountInMain('snt-ticket-list', <TicketListView initial={filtersFromUrl(new URL(location.href))} />, signal, {
      takeOver: true,
    });
  },
};
