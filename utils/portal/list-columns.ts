import { cleanText, FACT_LABELS, labelKey, type FactName } from './action-labels';

// A list row's facts by the list's column headers: a header (role=columnheader) names its column
// by its localized text and keys it with data-item-key; the row's cells carry the same key as
// data-automation-key (Fluent DetailsList). Nothing depends on the key's spelling.

const TITLE_HEADERS = [
  'recommended action',
  'improvement action',
  'empfohlene aktion',
  'action recommandée',
  'azione consigliata',
  '推奨される操作',
  '建议的操作',
];

export interface RowCells {
  title: string;
  facts: Partial<Record<FactName, string>>;
}

// Column keys used when the row is seen without its list's headers (a row captured on its own,
// or headers virtualized away): the portal's Graph field names and the common short ones.
const KNOWN_KEYS: Record<string, FactName | 'title'> = {
  title: 'title',
  name: 'title',
  category: 'category',
  controlCategory: 'category',
  scoreImpact: 'scoreImpact',
  impact: 'scoreImpact',
  status: 'status',
  state: 'status',
  product: 'product',
  service: 'product',
};

function columnKeys(row: Element): Map<string, FactName | 'title'> {
  const keys = new Map<string, FactName | 'title'>();
  const grid = row.closest('[role="grid"], .ms-DetailsList');
  for (const header of grid?.querySelectorAll('[role="columnheader"][data-item-key]') ?? []) {
    const label = labelKey(header.textContent);
    const fact = (Object.keys(FACT_LABELS) as FactName[]).find((f) =>
      (FACT_LABELS[f] as readonly string[]).includes(label),
    );
    const name = fact ?? (TITLE_HEADERS.includes(label) ? 'title' : null);
    if (name) keys.set(header.getAttribute('data-item-key')!, name);
  }
  return keys.size ? keys : new Map(Object.entries(KNOWN_KEYS));
}

// No recognised title header: the action's name is the cell's link or plain button.
const NAMED = 'a[href*="actionId="], [role="gridcell"] button:not([aria-haspopup])';

export function readRowCells(row: Element): RowCells {
  const result: RowCells = { title: '', facts: {} };
  const keys = columnKeys(row);
  for (const cell of row.querySelectorAll('[data-automation-key]')) {
    const name = keys.get(cell.getAttribute('data-automation-key') ?? '');
    if (!name) continue;
    const text = cleanText(cell.textContent);
    if (name === 'title') result.title = text;
    else if (text) result.facts[name] = text;
  }
  if (!result.title) result.title = cleanText(row.querySelector(NAMED)?.textContent);
  return result;
}

/** The cell that shows the action's title (where the row's ticket status goes). */
export function titleCell(row: Element): Element | null {
  const keys = columnKeys(row);
  for (const cell of row.querySelectorAll('[data-automation-key]'))
    if (keys.get(cell.getAttribute('data-automation-key') ?? '') === 'title') return cell;
  return row.querySelector(NAMED)?.closest('[role="gridcell"], [data-automation-key]') ?? null;
}
