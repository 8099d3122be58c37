import { TICKET_CATEGORIES, type TicketCategory } from '../domain/category';
import { isActionId } from '../domain/correlation';
import { PORTAL_ORIGIN } from '../domain/portal-links';
import { readFacts } from './action-facts';
import { cleanText } from './action-labels';
import { readSection } from './action-sections';
import { readRowCells } from './list-columns';
import { idForTitle, rememberTitle } from './title-ids';
import { ACCOUNT_EMAIL, ACCOUNT_NAME, ACTION_ID_CARRIER, PANEL, PANEL_TITLE } from './selectors';

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
  /** Fields the reader did not find on the page (left for the user to fill, reported in diagnostics). */
  missing?: ActionField[];
}

export type ActionField = 'id' | 'title' | 'description' | 'implementation' | 'category' | 'scoreImpact';

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

const clean = cleanText;

export function categoryOf(text: string): TicketCategory | null {
  const word = clean(text).toLowerCase();
  for (const category of TICKET_CATEGORIES) if (CATEGORY_WORDS[category].includes(word)) return category;
  return null;
}

export function scoreImpactOf(text: string): number | null {
  const match = /([+-]?\d+(?:[.,]\d+)?)\s*%/.exec(text);
  return match ? Number(match[1]!.replace(',', '.')) : null;
}

// The list asks for every row's id on every change, and a list that re-renders shows the same
// few hundred links again and again: parsing each address once keeps that off the portal's main
// thread (the bench's churn). Bounded, so a long session does not grow it without end.
const idsByHref = new Map<string, string | null>();
const MAX_CACHED_HREFS = 2000;

export function actionIdFromUrl(href: string): string | null {
  const cached = idsByHref.get(href);
  if (cached !== undefined) return cached;
  let id: string | null = null;
  try {
    id = new URL(href, PORTAL_ORIGIN).searchParams.get('actionId');
  } catch {
    // Not an address: no id.
  }
  const result = id && isActionId(id) ? id : null;
  if (idsByHref.size >= MAX_CACHED_HREFS) idsByHref.clear();
  idsByHref.set(href, result);
  return result;
}

/**
 * The action a list row is about: its title link's actionId, else (a row whose markup names no
 * action) the id learned for its title from a flyout opened before.
 */
export function rowActionId(row: Element, carrier = row.querySelector(ACTION_ID_CARRIER)): string | null {
  const href = carrier?.getAttribute('href');
  return href ? actionIdFromUrl(href) : idForTitle(readRowCells(row).title);
}

export function actionLink(id: string | null): string {
  const url = new URL('/securescore', PORTAL_ORIGIN);
  url.searchParams.set('viewid', 'actions');
  if (id) url.searchParams.set('actionId', id);
  return url.href;
}

/** The open flyout's action: each field read on its own by structure and localized names. */
export function readFlyout(panel: Element, href: string): ActionDetails {
  const fromUrl = actionIdFromUrl(href);
  const id = fromUrl ?? (idForTitle(readTitle(panel)) || null);
  const title = readTitle(panel);
  if (fromUrl && title) rememberTitle(title, fromUrl);
  const facts = readFacts(panel);
  const description = readSection(panel, 'description');
  const implementation = readSection(panel, 'implementation');
  const category = categoryOf(facts.category ?? '');
  const scoreImpact = scoreImpactOf(facts.scoreImpact ?? '');
  const missing: ActionField[] = [];
  if (!id) missing.push('id');
  if (!title) missing.push('title');
  if (!description) missing.push('description');
  if (!implementation) missing.push('implementation');
  if (!category) missing.push('category');
  if (scoreImpact === null) missing.push('scoreImpact');
  return {
    id,
    title,
    description: description ?? '',
    implementation: implementation ?? '',
    category,
    scoreImpact,
    link: actionLink(id),
    missing,
  };
}

function readTitle(panel: Element): string {
  return clean(panel.querySelector(PANEL_TITLE)?.textContent);
}

/** An action from its row in the list (the row "…" menu). */
export function readRow(row: Element): ActionDetails {
  const link = row.querySelector<HTMLAnchorElement>('a[href*="actionId="]');
  const cells = readRowCells(row);
  const id = (link && actionIdFromUrl(link.getAttribute('href') ?? '')) ?? idForTitle(cells.title);
  const category = categoryOf(cells.facts.category ?? '');
  const scoreImpact = scoreImpactOf(cells.facts.scoreImpact ?? '');
  const missing: ActionField[] = ['description', 'implementation'];
  if (!id) missing.push('id');
  if (!cells.title) missing.push('title');
  if (!category) missing.push('category');
  if (scoreImpact === null) missing.push('scoreImpact');
  return {
    id,
    title: cells.title,
    description: '',
    implementation: '',
    category,
    scoreImpact,
    link: actionLink(id),
    missing,
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
