import { TICKET_CATEGORIES, type TicketCategory } from '../domain/category';
import { isActionId } from '../domain/correlation';
import { PORTAL_ORIGIN } from '../domain/portal-links';
import { ACCOUNT_EMAIL, ACCOUNT_NAME, PANEL, PANEL_TITLE } from './selectors';

// Reads the improvement action a Share menu belongs to, from the address (actionId, the stable
// key) and from the flyout or the list row, tolerating every missing piece. Takes the root as a
// parameter so it can be tested on captured Fluent DOM.

export interface ActionDetails {
  id: string | null;
  title: string;
  description: string;
  implementation: string;
  category: TicketCategory | null;
  /** Score impact in percent (+8.11% → 8.11), when shown. */
  scoreImpact: number | null;
  /** Link back to the action in the portal. */
  link: string;
}

export interface PortalUser {
  name: string;
  email: string;
}

// The portal's category names in the six product languages (Graph: controlCategory).
const CATEGORY_WORDS: Record<TicketCategory, string[]> = {
  Identity: ['identity', 'identität', 'identité', 'identità', 'id', '标识', '身份'],
  Data: ['data', 'daten', 'données', 'dati', 'データ', '数据'],
  Devices: [
    'device',
    'devices',
    'gerät',
    'geräte',
    'appareil',
    'appareils',
    'dispositivo',
    'dispositivi',
    'デバイス',
    '设备',
  ],
  Apps: ['apps', 'app', 'applications', 'アプリ', '应用'],
  Infrastructure: ['infrastructure', 'infrastruktur', 'infrastruttura', 'インフラストラクチャ', '基础结构', '基础设施'],
};

// Section headings of the flyout, used only when a section has no structural marker.
const HEADINGS = {
  description: ['description', 'beschreibung', 'descrizione', '説明', '说明'],
  implementation: ['implementation', 'implementierung', 'implémentation', 'implementazione', '実装', '实现'],
};

const clean = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/[\uE000-\uF8FF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export function categoryOf(text: string): TicketCategory | null {
  const word = clean(text).toLowerCase();
  for (const category of TICKET_CATEGORIES) if (CATEGORY_WORDS[category].includes(word)) return category;
  return null;
}

export function scoreImpactOf(text: string): number | null {
  const match = /([+-]?\d+(?:[.,]\d+)?)\s*%/.exec(text);
  return match ? Number(match[1]!.replace(',', '.')) : null;
}

export function actionIdFromUrl(href: string): string | null {
  try {
    const id = new URL(href, PORTAL_ORIGIN).searchParams.get('actionId');
    return id && isActionId(id) ? id : null;
  } catch {
    return null;
  }
}

export function actionLink(id: string | null): string {
  const url = new URL('/securescore', PORTAL_ORIGIN);
  url.searchParams.set('viewid', 'actions');
  if (id) url.searchParams.set('actionId', id);
  return url.href;
}

/** Text of a section: by structural marker first, else the content after a known heading. */
function sectionText(panel: Element, testId: string, headings: string[], keepLines = false): string {
  const marked = panel.querySelector(`[data-testid="${testId}"]`);
  const heading = marked?.querySelector('h2, h3, h4');
  if (marked) return blockText(marked, heading, keepLines);
  for (const h of panel.querySelectorAll('h2, h3, h4')) {
    if (!headings.includes(clean(h.textContent).toLowerCase())) continue;
    const parts: string[] = [];
    for (let next = h.nextElementSibling; next && !/^H[23]$/.test(next.tagName); next = next.nextElementSibling) {
      parts.push(blockText(next, null, keepLines));
    }
    return parts.filter(Boolean).join('\n');
  }
  return '';
}

/** Visible text of a block without its own heading; list items and paragraphs on their own lines. */
function blockText(block: Element, skip: Element | null | undefined, keepLines: boolean): string {
  const lines: string[] = [];
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child === skip) continue;
      if (/^(P|LI|H4|H5|DD|DT)$/.test(child.tagName) || child.children.length === 0) {
        const text = clean(child.textContent);
        if (text) lines.push(child.tagName === 'LI' ? `- ${text}` : text);
      } else {
        walk(child);
      }
    }
  };
  walk(block);
  return keepLines ? lines.join('\n') : lines.join(' ');
}

/** The open flyout's action (the Share button's panel, or the only open panel). */
export function readFlyout(panel: Element, href: string): ActionDetails {
  const id = actionIdFromUrl(href) ?? panel.querySelector('[data-action-id]')?.getAttribute('data-action-id') ?? null;
  const glance = (fact: string) => clean(panel.querySelector(`[data-fact="${fact}"] dd`)?.textContent);
  return {
    id: id && isActionId(id) ? id : null,
    title: clean(panel.querySelector(PANEL_TITLE)?.textContent),
    description: sectionText(panel, 'flyout-description', HEADINGS.description, true),
    implementation: sectionText(panel, 'flyout-implementation', HEADINGS.implementation, true),
    category: categoryOf(glance('category')),
    scoreImpact: scoreImpactOf(glance('scoreImpact')),
    link: actionLink(id && isActionId(id) ? id : null),
  };
}

/** An action from its row in the list (the row "…" menu). */
export function readRow(row: Element): ActionDetails {
  const link = row.querySelector<HTMLAnchorElement>('a[href*="actionId="]');
  const id =
    (link && actionIdFromUrl(link.getAttribute('href') ?? '')) ??
    row.querySelector('[data-action-id]')?.getAttribute('data-action-id') ??
    null;
  const cell = (key: string) => clean(row.querySelector(`[data-automation-key="${key}"]`)?.textContent);
  return {
    id: id && isActionId(id) ? id : null,
    title: clean(link?.textContent) || cell('title'),
    description: '',
    implementation: '',
    category: categoryOf(cell('category')),
    scoreImpact: scoreImpactOf(cell('scoreImpact')),
    link: actionLink(id && isActionId(id) ? id : null),
  };
}

/** The panel that holds `element`, or the open flyout. */
export function panelOf(element: Element | null, root: ParentNode = document): Element | null {
  return element?.closest(PANEL) ?? root.querySelector(PANEL);
}

export function readPortalUser(root: ParentNode = document): PortalUser | null {
  const name = clean(root.querySelector(ACCOUNT_NAME)?.textContent);
  const email = clean(root.querySelector(ACCOUNT_EMAIL)?.textContent);
  return name || email ? { name, email } : null;
}
