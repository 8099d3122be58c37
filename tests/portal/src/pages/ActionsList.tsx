import {
  DetailsList,
  DetailsListLayoutMode,
  Link,
  SelectionMode,
  Spinner,
  SpinnerSize,
  type IColumn,
} from '@fluentui/react';
import { useMemo } from 'react';
import { FeedbackBar } from '../components/FeedbackBar';
import { useActions } from '../data/store';
import { titleOf, type ImprovementAction } from '../data/types';
import { useSwitches } from '../hooks';
import { format, useStrings } from '../i18n';
import { useTick } from '../rerender';
import { navigate, secureScoreUrl } from '../router';
import { RowMoreMenu } from './RowMoreMenu';
import { lazyStyles } from '../lazyStyles';
import { useMark } from '../marks';
import type { Markup } from '../markup';

type Row = ImprovementAction & { renderTick: number };
type ColumnName = 'rank' | 'title' | 'more' | 'scoreImpact' | 'points' | 'status' | 'category' | 'product';

/**
 * Column keys (Fluent renders them as data-automation-key on cells and data-item-key on headers).
 * markup=alt uses other keys, as another build of the portal could.
 */
const KEYS_AS_NAMED: Record<ColumnName, string> = {
  rank: 'rank', title: 'title', more: 'more', scoreImpact: 'scoreImpact', points: 'points', status: 'status', category: 'category', product: 'product',
};
const COLUMN_KEYS: Record<Markup, Record<ColumnName, string>> = {
  default: KEYS_AS_NAMED,
  bare: KEYS_AS_NAMED,
  alt: { rank: 'rankColumn', title: 'name', more: 'contextMenu', scoreImpact: 'impact', points: 'achievedPoints', status: 'state', category: 'controlCategory', product: 'service' },
};

const DEFAULT_CLASSES = { view: 'actions-view', toolbar: 'list-toolbar' };
const variantClasses = lazyStyles({ view: {}, toolbar: { padding: '8px 0', color: '#605e5c' } });

function openAction(id: string): void {
  navigate(secureScoreUrl('actions', id));
}

/**
 * The title cell. default: a.ms-Link[data-testid="action-title-link"][data-action-id][href];
 * bare: a.ms-Link[href] (the flyout address); alt: a Fluent Link without href, i.e.
 * button.ms-Link, so the row carries no actionId at all.
 */
function TitleCell({ item }: { item: Row }) {
  const { lang, markup } = useSwitches();
  const mark = useMark();
  const title = titleOf(item, lang);
  if (markup === 'alt') return <Link onClick={() => openAction(item.id)}>{title}</Link>;
  return (
    <Link
      className={markup === 'default' ? 'action-title-link' : undefined}
      href={secureScoreUrl('actions', item.id)}
      onClick={(ev) => {
        ev.preventDefault();
        openAction(item.id);
      }}
      {...mark('action-title-link', { 'data-action-id': item.id })}
    >
      {title}
    </Link>
  );
}

/**
 * Recommended actions: a Fluent DetailsList (all rows rendered, no virtualization). The title cell is
 * TitleCell; the "…" cell is an IconButton ([data-testid="action-row-more"] in markup=default) with
 * a menu holding a Share submenu.
 */
export function ActionsList({ flyoutOpen }: { flyoutOpen: boolean }) {
  const t = useStrings();
  const { lang, markup } = useSwitches();
  const mark = useMark();
  const { tick } = useTick();
  const { loaded, actions } = useActions();

  // New row objects on every re-render tick, so rows (and their menus) really re-render.
  const rows = useMemo<Row[]>(() => actions.map((a) => ({ ...a, renderTick: tick })), [actions, tick]);

  const keys = COLUMN_KEYS[markup];
  const c = markup === 'default' ? DEFAULT_CLASSES : variantClasses();
  const columns = useMemo<IColumn[]>(
    () => [
      { key: keys.rank, name: t.columns.rank, fieldName: 'rank', minWidth: 40, maxWidth: 50 },
      {
        key: keys.title,
        name: t.columns.title,
        minWidth: 260,
        maxWidth: 520,
        isMultiline: true,
        onRender: (item: Row) => <TitleCell item={item} />,
      },
      {
        key: keys.more,
        name: t.rowMenu.moreActions,
        isIconOnly: true,
        minWidth: 32,
        maxWidth: 32,
        onRender: (item: Row) => <RowMoreMenu action={item} />,
      },
      { key: keys.scoreImpact, name: t.columns.scoreImpact, fieldName: 'scoreImpact', minWidth: 90, maxWidth: 110 },
      {
        key: keys.points,
        name: t.columns.points,
        minWidth: 100,
        maxWidth: 120,
        onRender: (item: Row) => `${item.currentScore}/${item.maxScore}`,
      },
      {
        key: keys.status,
        name: t.columns.status,
        minWidth: 90,
        maxWidth: 130,
        onRender: (item: Row) => (markup === 'default' ? <span data-status={item.status}>{t.status[item.status]}</span> : t.status[item.status]),
      },
      {
        key: keys.category,
        name: t.columns.category,
        minWidth: 80,
        maxWidth: 120,
        onRender: (item: Row) => t.category[item.controlCategory],
      },
      { key: keys.product, name: t.columns.product, fieldName: 'product', minWidth: 160, maxWidth: 260 },
    ],
    [t, lang, markup],
  );

  if (!loaded) {
    return <Spinner size={SpinnerSize.large} label={t.secureScore.loading} {...mark('page-spinner')} />;
  }

  return (
    <div className={c.view} {...mark('improvement-actions')}>
      {!flyoutOpen && <FeedbackBar />}
      <div className={c.toolbar}>
        <span {...mark('actions-count')}>{format(t.secureScore.itemsCount, { n: rows.length })}</span>
      </div>
      <DetailsList
        items={rows}
        columns={columns}
        getKey={(item: Row) => item.id}
        setKey="improvement-actions"
        selectionMode={SelectionMode.none}
        layoutMode={DetailsListLayoutMode.justified}
        onShouldVirtualize={() => false}
        onItemInvoked={(item: Row) => openAction(item.id)}
        ariaLabelForGrid={t.secureScore.actions}
      />
    </div>
  );
}
