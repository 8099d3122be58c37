import { isInstanceField, type InstanceField } from '../domain/instance-fields';

// A data-policy refusal names fields by their column label, in the instance's language:
// "Data Policy Exception: The following fields are mandatory: Assignment group, Category".
// Labels map back to columns through the dictionary when it was readable, else this table.

const KNOWN_LABELS: Record<InstanceField, readonly string[]> = {
  assignment_group: [
    'assignment group',
    'zuweisungsgruppe',
    "groupe d'affectation",
    'gruppo di assegnazione',
    'アサインメントグループ',
    '割り当てグループ',
    '分配组',
    '分配小组',
  ],
  category: ['category', 'kategorie', 'catégorie', 'categoria', 'カテゴリ', 'カテゴリー', '类别', '类别'],
  cmdb_ci: [
    'configuration item',
    'konfigurationselement',
    'élément de configuration',
    'elemento di configurazione',
    '構成アイテム',
    '配置项',
  ],
  type: ['type', 'typ', 'tipo', 'タイプ', '类型'],
};

const MANDATORY_LIST = /fields are mandatory:\s*([^\n]*)/i;

/** The column labels a data-policy refusal names, or null when the text is not such a refusal. */
export function mandatoryLabels(detail: string): string[] | null {
  if (!/data policy exception/i.test(detail)) return null;
  const m = MANDATORY_LIST.exec(detail.replace(/\s*\n\s*/g, ' '));
  if (!m) return [];
  return m[1]!
    .split(',')
    .map((label) => label.trim())
    .filter(Boolean);
}

/** The column for a label: from the dictionary's labels first, then the known-label table. */
export function fieldForLabel(label: string, dictionaryLabels: Record<string, string> = {}): InstanceField | null {
  const wanted = label.trim().toLowerCase();
  for (const [element, columnLabel] of Object.entries(dictionaryLabels)) {
    if (columnLabel.trim().toLowerCase() === wanted && isInstanceField(element)) return element;
  }
  for (const [field, labels] of Object.entries(KNOWN_LABELS)) {
    if (labels.includes(wanted)) return field as InstanceField;
  }
  return null;
}
