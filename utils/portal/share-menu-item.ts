import { MENU_ITEM_BUTTON, OUR_MENU_ITEM } from './selectors';
import type { ShareMenu } from './share-menu';

// Our "ServiceNow" item in a Fluent ContextualMenu. It is a copy of the last built-in item, so it
// has the exact native look (classes, spacing, hover and focus styles) and takes part in the
// menu's FocusZone (arrow keys) through the same data-is-focusable markup. It has no React
// handlers: the click is ours, and the host's Escape handling still reaches it by bubbling.

export const ITEM_TEXT = 'ServiceNow';
const ITEM_ATTR = 'data-snt-item';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** ServiceNow mark: a 16 px ring with the "now" dot, drawn without innerHTML. */
function serviceNowIcon(): SVGSVGElement {
  const svg = svgElement('svg', {
    viewBox: '0 0 16 16',
    width: '16',
    height: '16',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  svg.append(
    svgElement('circle', { cx: '8', cy: '8', r: '6', fill: 'none', stroke: '#62d84e', 'stroke-width': '2.5' }),
    svgElement('circle', { cx: '8', cy: '8', r: '2', fill: '#293e40' }),
  );
  return svg;
}

function builtInItems(list: Element): Element[] {
  return [...list.children].filter((li) => !li.hasAttribute(ITEM_ATTR) && li.querySelector(MENU_ITEM_BUTTON));
}

function createItem(template: Element, onChoose: (event: Event) => void): Element {
  const item = template.cloneNode(true) as Element;
  item.setAttribute(ITEM_ATTR, 'servicenow');
  for (const element of [item, ...item.querySelectorAll('*')]) {
    element.removeAttribute('id');
    element.removeAttribute('title');
    element.removeAttribute('aria-describedby');
  }
  const button = item.querySelector(MENU_ITEM_BUTTON) ?? item;
  for (const attr of ['aria-haspopup', 'aria-expanded', 'aria-controls', 'aria-checked', 'aria-disabled', 'disabled']) {
    button.removeAttribute(attr);
  }
  button.classList.remove('is-expanded', 'is-checked', 'is-disabled');
  button.setAttribute('tabindex', '-1');
  // A copied submenu chevron or checkmark does not belong to our item.
  item.querySelectorAll('.ms-ContextualMenu-submenuIcon, .ms-ContextualMenu-checkmarkIcon').forEach((n) => n.remove());
  const text = item.querySelector('.ms-ContextualMenu-itemText');
  if (text) text.textContent = ITEM_TEXT;
  else button.textContent = ITEM_TEXT;
  // A fresh icon box: the template's icon carries its own glyph styles (font or mask), so only
  // its geometry is copied, which keeps our icon aligned like the built-in ones.
  const glyph = item.querySelector('.ms-ContextualMenu-icon, [data-icon-name]');
  const templateGlyph = template.querySelector('.ms-ContextualMenu-icon, [data-icon-name]');
  if (glyph) {
    const box = document.createElement('i');
    box.className = 'ms-ContextualMenu-icon';
    box.setAttribute('data-icon-name', 'ServiceNowLogo');
    box.setAttribute('aria-hidden', 'true');
    const geometry = templateGlyph ? getComputedStyle(templateGlyph) : null;
    Object.assign(box.style, {
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      flexShrink: '0',
      width: geometry?.width && geometry.width !== 'auto' ? geometry.width : '16px',
      height: geometry?.height && geometry.height !== 'auto' ? geometry.height : '16px',
      margin: geometry?.margin || '0 4px',
      verticalAlign: 'middle',
    });
    box.append(serviceNowIcon());
    glyph.replaceWith(box);
  }
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    onChoose(event);
  });
  return item;
}

/** Counts our item in every item's aria-posinset / aria-setsize, as Fluent does for its own. */
function renumber(list: Element): void {
  const buttons = [...list.children]
    .map((li) => li.querySelector(MENU_ITEM_BUTTON))
    .filter((b): b is Element => b !== null);
  buttons.forEach((button, index) => {
    button.setAttribute('aria-posinset', String(index + 1));
    button.setAttribute('aria-setsize', String(buttons.length));
  });
}

/**
 * Makes sure the menu holds exactly one ServiceNow item, after the built-in ones. Safe to call
 * after every mutation batch: it does nothing when all is in place.
 */
export function ensureServiceNowItem(
  share: ShareMenu,
  onChoose: (share: ShareMenu, event: Event) => void,
): Element | null {
  const { list } = share;
  const ours = [...list.querySelectorAll(OUR_MENU_ITEM)];
  const builtIns = builtInItems(list);
  const last = builtIns.at(-1);
  if (!last) return null;
  let item = ours[0];
  for (const extra of ours.slice(1)) extra.remove();
  if (!item) item = createItem(last, (event) => onChoose(share, event));
  if (list.lastElementChild !== item) list.append(item);
  const expected = String(builtIns.length + 1);
  if (
    item.querySelector(MENU_ITEM_BUTTON)?.getAttribute('aria-setsize') !== expected ||
    last.querySelector(MENU_ITEM_BUTTON)?.getAttribute('aria-setsize') !== expected
  ) {
    renumber(list);
  }
  return item;
}
