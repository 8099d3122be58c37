import { labelKey, cleanText, SECTION_NAMES, type SectionName } from './action-labels';

// Sections of the flyout by structure: a heading (h1–h6 or role=heading) and everything after it
// in document order up to the next heading of the same or a higher level, whatever the content
// is made of. In a Pivot (tabs), a section can also be the selected tab's panel; a section whose
// tab is not selected is not in the DOM, and is reported as not found (we never click tabs).

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const LINE_BLOCK = 'p, li, dd, dt, div, label, section, h1, h2, h3, h4, h5, h6, [role="heading"], td, th';

export function headingLevel(heading: Element): number {
  const aria = Number(heading.getAttribute('aria-level'));
  if (aria > 0) return aria;
  const tag = /^H([1-6])$/.exec(heading.tagName);
  return tag ? Number(tag[1]) : 2;
}

/** Text from `start` (exclusive) up to `stop` (exclusive; null = end of `scope`), one line per block. */
function textBetween(scope: Element, start: Element | null, stop: Element | null): string {
  const doc = scope.ownerDocument;
  const walker = doc.createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
  const lines: string[] = [];
  let block: Element | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (start && (start.contains(node) || !(start.compareDocumentPosition(node) & 4))) continue;
    if (stop && (stop === node || stop.compareDocumentPosition(node) & 4 || stop.contains(node))) break;
    const text = cleanText(node.textContent);
    if (!text) continue;
    const owner = node.parentElement?.closest(LINE_BLOCK) ?? null;
    if (owner && owner === block && lines.length) lines[lines.length - 1] += ` ${text}`;
    else lines.push(owner?.tagName === 'LI' ? `- ${text}` : text);
    block = owner;
  }
  return lines.join('\n');
}

/** The section named `name` in `panel`, or null when none of its headings (or tabs) carries that name. */
export function readSection(panel: Element, name: SectionName): string | null {
  const names: readonly string[] = SECTION_NAMES[name];
  const headings = [...panel.querySelectorAll(HEADING)].filter((h) => !h.matches('.ms-Panel-headerText'));
  const index = headings.findIndex((h) => names.includes(labelKey(h.textContent)));
  if (index >= 0) {
    const heading = headings[index]!;
    const level = headingLevel(heading);
    const stop = headings.slice(index + 1).find((h) => headingLevel(h) <= level) ?? null;
    return textBetween(panel, heading, stop);
  }
  const tab = [...panel.querySelectorAll('[role="tab"][aria-selected="true"]')].find((t) =>
    names.includes(labelKey(t.textContent)),
  );
  const tabPanel = tab && panel.querySelector('[role="tabpanel"]');
  return tabPanel ? textBetween(tabPanel, null, null) : null;
}

/** True when a tab named like the section exists but is not selected (its content is not rendered). */
export function sectionInUnselectedTab(panel: Element, name: SectionName): boolean {
  const names: readonly string[] = SECTION_NAMES[name];
  return [...panel.querySelectorAll('[role="tab"]:not([aria-selected="true"])')].some((t) =>
    names.includes(labelKey(t.textContent)),
  );
}
