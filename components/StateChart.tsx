import { t, uiLang } from '@/utils/i18n';
import { ticketListUrl } from '@/utils/domain/portal-links';
import type { TicketType } from '@/utils/domain/ticket-type';
import { stateColor } from './state-colors';

export interface StateCount {
  value: string;
  /** The state's name as the user calls it (options → Ticket states). */
  name: string;
  count: number;
}

export interface StateChartProps {
  table: TicketType;
  /** Every state in workflow order, zero counts included (the legend lists them all). */
  states: StateCount[];
  /** Open tickets past their due date; null while unknown (loading). */
  overdue: number | null;
}

/** A state's segment is never thinner than this share of the bar, so one ticket stays visible. */
const MIN_SHARE = 0.015;

export interface Segment extends StateCount {
  /** Left edge and width in percent of the bar. */
  x: number;
  width: number;
}

/** Segments of the stacked bar: states with tickets, in workflow order, widths by count. */
export function segments(states: readonly StateCount[]): Segment[] {
  const shown = states.filter((s) => s.count > 0);
  const total = shown.reduce((sum, s) => sum + s.count, 0);
  const shares = shown.map((s) => Math.max(s.count / total, MIN_SHARE));
  const scale = 100 / shares.reduce((sum, share) => sum + share, 0);
  let x = 0;
  return shown.map((s, i) => {
    const segment = { ...s, x, width: shares[i]! * scale };
    x += segment.width;
    return segment;
  });
}

const countLabel = (s: StateCount) =>
  s.count === 1 ? t('stateCountLabelOne', s.name) : t('stateCountLabel', s.name, s.count.toLocaleString());

/** What a screen reader says for the bar: the states that have tickets, with their counts. */
export function chartSummary(states: readonly StateCount[]): string {
  const parts = states.filter((s) => s.count > 0).map(countLabel);
  if (parts.length === 0) return t('chartSummaryNone');
  return t('chartSummary', new Intl.ListFormat(uiLang(), { type: 'conjunction' }).format(parts));
}

/**
 * A card's tickets by state (F3.5): a stacked bar (SVG) with the counts as its accessible name,
 * a legend with every state's count, and the overdue count. A segment or legend entry opens the
 * ticket list filtered to its state; the legend's links are the keyboard's and screen reader's
 * way in (the bar's segments are for the mouse only, so each state is one tab stop and one link).
 */
export function StateChart({ table, states, overdue }: StateChartProps) {
  const bar = segments(states);
  return (
    <div class="snt-chart">
      <svg
        class="snt-chart-bar"
        role="img"
        aria-label={chartSummary(states)}
        width="100%"
        height="12"
        data-testid="state-chart"
      >
        {bar.length === 0 && <rect class="snt-chart-empty" width="100%" height="12" />}
        {bar.map((s) => (
          <a
            key={s.value}
            href={ticketListUrl({ table, state: s.value })}
            tabindex={-1}
            aria-hidden="true"
            data-state={s.value}
            data-count={s.count}
          >
            <title>{countLabel(s)}</title>
            <rect x={`${s.x}%`} width={`${s.width}%`} height="12" fill={stateColor(table, s.value)} />
          </a>
        ))}
        {/* Gaps between segments, drawn over their edges so the widths stay exact. */}
        {bar.slice(1).map((s) => (
          <line key={s.value} class="snt-chart-gap" x1={`${s.x}%`} x2={`${s.x}%`} y1="0" y2="12" />
        ))}
      </svg>
      <ul class="snt-state-counts" aria-label={t('countsByState')}>
        {states.map((s) => (
          <li key={s.value} class={s.count ? '' : 'snt-count-zero'} data-state={s.value} data-count={s.count}>
            <a href={ticketListUrl({ table, state: s.value })} aria-label={countLabel(s)}>
              <span class="snt-swatch" style={{ background: stateColor(table, s.value) }} aria-hidden="true" />
              <span class="snt-count">{s.count.toLocaleString()}</span>
              <span class="snt-count-label">{s.name}</span>
            </a>
          </li>
        ))}
      </ul>
      {overdue !== null && (
        <p
          class={overdue ? 'snt-chart-overdue snt-overdue' : 'snt-chart-overdue'}
          data-testid="overdue-count"
          data-count={overdue}
        >
          {overdue === 0
            ? t('overdueNone')
            : overdue === 1
              ? t('overdueCountOne')
              : t('overdueCount', overdue.toLocaleString())}
        </p>
      )}
    </div>
  );
}
