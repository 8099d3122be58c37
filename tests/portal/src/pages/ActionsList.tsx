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

type Row = ImprovementAction & { renderTick: number };

function openAction(id: string): void {
  navigate(secureScoreUrl('actions', id));
}

/**
 * Recommended actions: a Fluent DetailsList (all rows rendered, no virtualization). The title cell is
 * a.ms-Link[data-testid="action-title-link"][data-action-id]; the "…" cell is an IconButton
 * [data-testid="action-row-more"] with a menu holding a Share submenu.
 */
export function ActionsList({ flyoutOpen }: { flyoutOpen: boolean }) {
  const t = useStrings();
  const { lang } = useSwitches();
  const { tick } = useTick();
  const { loaded, actions } = useActions();

  // New row objects on every re-render tick, so rows (and their menus) really re-render.
  const rows = useMemo<Row[]>(() => actions.map((a) => ({ ...a, renderTick: tick })), [actions, tick]);

  const columns = useMemo<IColumn[]>(
    () => [
      { key: 'rank', name: t.columns.rank, fieldName: 'rank', minWidth: 40, maxWidth: 50 },
      {
        key: 'title',
        name: t.columns.title,
        minWidth: 260,
        maxWidth: 520,
        isMultiline: true,
        onRender: (item: Row) => (
          <Link
            className="action-title-link"
            href={secureScoreUrl('actions', item.id)}
            onClick={(ev) => {
              ev.preventDefault();
              openAction(item.id);
            }}
            data-testid="action-title-link"
            data-action-id={item.id}
          >
            {titleOf(item, lang)}
          </Link>
        ),
      },
      {
        key: 'more',
        name: t.rowMenu.moreActions,
        isIconOnly: true,
        minWidth: 32,
        maxWidth: 32,
        onRender: (item: Row) => <RowMoreMenu action={item} />,
      },
      { key: 'scoreImpact', name: t.columns.scoreImpact, fieldName: 'scoreImpact', minWidth: 90, maxWidth: 110 },
      {
        key: 'points',
        name: t.columns.points,
        minWidth: 100,
        maxWidth: 120,
        onRender: (item: Row) => `${item.currentScore}/${item.maxScore}`,
      },
      {
        key: 'status',
        name: t.columns.status,
        minWidth: 90,
        maxWidth: 130,
        onRender: (item: Row) => <span data-status={item.status}>{t.status[item.status]}</span>,
      },
      {
        key: 'category',
        name: t.columns.category,
        minWidth: 80,
        maxWidth: 120,
        onRender: (item: Row) => t.category[item.controlCategory],
      },
      { key: 'product', name: t.columns.product, fieldName: 'product', minWidth: 160, maxWidth: 260 },
    ],
    [t, lang],
  );

  if (!loaded) {
    return <Spinner size={SpinnerSize.large} label={t.secureScore.loading} data-testid="page-spinner" />;
  }

  return (
    <div className="actions-view" data-testid="improvement-actions">
      {!flyoutOpen && <FeedbackBar />}
      <div className="list-toolbar">
        <span data-testid="actions-count">{format(t.secureScore.itemsCount, { n: rows.length })}</span>
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
