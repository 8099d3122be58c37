import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mayShowMenu } from './share-menu';

// The Share item goes in at once, inside the MutationObserver callback, only for batches that may
// have opened a menu: everything else (a list re-rendering, a widget refilling) waits for the
// per-frame checks, so the portal's busy pages do not pay for it.

/** The records one change to the page produces, as the observer would hand them over. */
async function recordsOf(change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-expanded'],
  });
  change();
  await Promise.resolve();
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records;
}

function element(tag: string, attributes: Record<string, string> = {}, ...children: Node[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

function menu(): HTMLElement {
  return element('div', { class: 'ms-ContextualMenu-container', role: 'menu' }, element('ul', {}, element('li')));
}

let main: HTMLElement;
let list: HTMLElement;
let layerHost: HTMLElement;
beforeEach(() => {
  list = element('div', { role: 'grid' });
  main = element('main', {}, list, element('button', { 'aria-haspopup': 'true' }));
  layerHost = element('div', { id: 'fluent-default-layer-host' });
  document.body.append(main, layerHost);
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('mayShowMenu', () => {
  test("an opener's aria-expanded flipping", async () => {
    const records = await recordsOf(() => main.querySelector('button')!.setAttribute('aria-expanded', 'true'));
    expect(mayShowMenu(records)).toBe(true);
  });

  test('a menu rendered in a layer at the end of body', async () => {
    expect(mayShowMenu(await recordsOf(() => layerHost.append(element('div', { class: 'ms-Layer' }, menu()))))).toBe(
      true,
    );
  });

  test("an open menu's items re-rendered", async () => {
    const open = menu();
    layerHost.append(open);
    expect(mayShowMenu(await recordsOf(() => open.querySelector('ul')!.replaceChildren(element('li'))))).toBe(true);
  });

  test('a list in main re-rendering its rows: no', async () => {
    const rows = () =>
      Array.from({ length: 200 }, () => element('div', { role: 'row' }, element('a', { href: '?actionId=X' })));
    expect(mayShowMenu(await recordsOf(() => list.replaceChildren(...rows())))).toBe(false);
  });

  test('a widget outside main refilling hundreds of nodes, with no menu among them: no', async () => {
    const widget = element('div');
    document.body.insertBefore(widget, layerHost);
    const dots = () => Array.from({ length: 300 }, () => element('span'));
    expect(mayShowMenu(await recordsOf(() => widget.replaceChildren(...dots())))).toBe(false);
  });

  test('hundreds of nodes outside main, a menu among them: yes', async () => {
    const widget = element('div');
    document.body.append(widget);
    const nodes = () => [...Array.from({ length: 300 }, () => element('span')), menu()];
    expect(mayShowMenu(await recordsOf(() => widget.replaceChildren(...nodes())))).toBe(true);
  });

  test('only removals: no', async () => {
    const open = menu();
    layerHost.append(open);
    expect(mayShowMenu(await recordsOf(() => open.remove()))).toBe(false);
  });
});
