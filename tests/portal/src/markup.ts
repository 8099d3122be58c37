// The `markup` switch: which DOM the imitation renders for the same pages and data.
// - default: today's markup, with our test ids (data-testid, data-action-id, data-fact, …);
// - bare:    none of our data-* attributes, a plain div card grid (no role=list), flyout sections as
//            headings followed by plain paragraphs and lists, facts as <dl><dt>/<dd>;
// - alt:     another Fluent arrangement: flyout content in Pivot tabs (only the selected tab is in
//            the DOM), facts as Label + Text, home cards in a wrapping Stack, row titles as Links
//            without an href.
// No DOM or React here: the server and the e2e page objects import it too.

export const MARKUPS = ['default', 'bare', 'alt'] as const;
export type Markup = (typeof MARKUPS)[number];

export function parseMarkup(value: unknown): Markup | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return (MARKUPS as readonly string[]).includes(v) ? (v as Markup) : undefined;
}
