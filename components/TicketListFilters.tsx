import { STATES, type StateNames } from '@/utils/domain/states';
import { isTicketType, type TicketType } from '@/utils/domain/ticket-type';
import { t } from '@/utils/i18n';
import { nameOf } from './TicketCard';

export interface ListFilters {
  table: TicketType | 'all';
  state: string;
}

/** Filters from the page address (/servicenowTickets?type=incident&state=2), checked. */
export function filtersFromUrl(url: URL): ListFilters {
  const type = url.searchParams.get('type');
  const table: ListFilters['table'] = isTicketType(type) ? type : 'all';
  const state = url.searchParams.get('state') ?? '';
  const valid =
    state === 'open' || state === 'done' || (table !== 'all' && STATES[table].some((s) => s.value === state));
  return { table, state: valid ? state : '' };
}

interface Props {
  filters: ListFilters;
  search: string;
  names: StateNames;
  onTable(table: ListFilters['table']): void;
  onState(state: string): void;
  onSearch(search: string): void;
}

/** The list view's filters: ticket type, state (group or one state of the type) and text. */
export function TicketListFilters({ filters, search, names, onTable, onState, onSearch }: Props) {
  const { table } = filters;
  return (
    <form class="snt-filters" role="search" aria-label={t('ticketFilters')} onSubmit={(e) => e.preventDefault()}>
      <div class="snt-field">
        <label for="snt-filter-type">{t('filterType')}</label>
        <select
          id="snt-filter-type"
          class="snt-select"
          value={filters.table}
          onChange={(e) => onTable(e.currentTarget.value as ListFilters['table'])}
        >
          <option value="all">{t('allTypes')}</option>
          <option value="change_request">{t('typeChangeRequests')}</option>
          <option value="incident">{t('typeIncidents')}</option>
        </select>
      </div>
      <div class="snt-field">
        <label for="snt-filter-state">{t('filterState')}</label>
        <select
          id="snt-filter-state"
          class="snt-select"
          value={filters.state}
          onChange={(e) => onState(e.currentTarget.value)}
        >
          <option value="">{t('allStates')}</option>
          <option value="open">{t('openStates')}</option>
          <option value="done">{t('doneStates')}</option>
          {table !== 'all' &&
            STATES[table].map((s) => (
              <option key={s.value} value={s.value}>
                {nameOf(names, table, s.value)}
              </option>
            ))}
        </select>
      </div>
      <div class="snt-field">
        <label for="snt-filter-search">{t('filterSearch')}</label>
        <input
          id="snt-filter-search"
          class="snt-input"
          type="search"
          value={search}
          maxLength={100}
          onInput={(e) => onSearch(e.currentTarget.value)}
        />
      </div>
    </form>
  );
}
