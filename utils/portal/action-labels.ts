// The portal's own words for the flyout's section headings and fact labels, in the six product
// languages (lower case). Matched against rendered text only after structure located the element.

export const SECTION_NAMES = {
  description: ['description', 'beschreibung', 'descrizione', '説明', '说明'],
  implementation: ['implementation', 'implementierung', 'implémentation', 'implementazione', '実装', '实现'],
} as const;

export const FACT_LABELS = {
  category: ['category', 'kategorie', 'catégorie', 'categoria', 'カテゴリ', '类别'],
  product: ['product', 'produkt', 'produit', 'prodotto', '製品', '产品'],
  scoreImpact: [
    'score impact',
    'auswirkung auf die bewertung',
    'impact sur le score',
    'impatto sul punteggio',
    'スコアへの影響',
    '分数影响',
  ],
  points: ['points achieved', 'erreichte punkte', 'points obtenus', 'punti ottenuti', '達成ポイント', '已获得的分数'],
  status: ['status', 'état', 'stato', '状態', '状态'],
} as const;

export type SectionName = keyof typeof SECTION_NAMES;
export type FactName = keyof typeof FACT_LABELS;

/** Visible text without MDL2 private-use icon glyphs, whitespace collapsed. */
export const cleanText = (text: string | null | undefined): string =>
  (text ?? '')
    .replace(/[\uE000-\uF8FF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Lower-cased label without a trailing colon, for comparing with the lists above. */
export const labelKey = (text: string | null | undefined): string =>
  cleanText(text)
    .replace(/[:：]\s*$/, '')
    .toLowerCase();
