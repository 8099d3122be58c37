import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { readFlyout, readRow } from './action-reader';
import { OUR_MENU_ITEM } from './selectors';
import { findOpenShareMenus } from './share-menu';
import { ensureServiceNowItem, ITEM_TEXT } from './share-menu-item';

// Selector tests on Fluent 8.125 DOM captured from the test portal (tests/portal/capture-fixtures.ts).

const fixture = (name: string) => readFileSync(join(__dirname, '../../tests/portal/fixtures', `${name}.html`), 'utf8');

function load(name: string) {
  document.body.innerHTML = fixture(name);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe.each(['en', 'de'])('Share menus (%s)', (lang) => {
  test('the flyout CommandBar Share menu is found by structure', () => {
    load(`share-commandbar-menu.${lang}`);
    const menus = findOpenShareMenus(document);
    expect(menus).toHaveLength(1);
    expect(menus[0]!.origin).toBe('flyout');
    expect(menus[0]!.menu.getAttribute('role')).toBe('menu');
    expect(menus[0]!.list.querySelectorAll('[role="menuitem"]')).toHaveLength(4);
  });

  test('without aria-controls the menu is found by its label or as the only open menu', () => {
    load(`share-commandbar-menu.${lang}`);
    document.querySelector('[aria-controls]')!.removeAttribute('aria-controls');
    expect(findOpenShareMenus(document)).toHaveLength(1);
    document.querySelector('[role="menu"]')!.removeAttribute('aria-labelledby');
    expect(findOpenShareMenus(document)).toHaveLength(1);
  });

  test('the standalone Share button menu is found', () => {
    load(`share-standalone-menu.${lang}`);
    const menus = findOpenShareMenus(document);
    expect(menus).toHaveLength(1);
    expect(menus[0]!.origin).toBe('flyout');
  });

  test('the row "…" Share submenu is found, not its parent menu', () => {
    load(`share-row-submenu.${lang}`);
    const menus = findOpenShareMenus(document);
    expect(menus).toHaveLength(1);
    expect(menus[0]!.origin).toBe('row');
    expect(menus[0]!.menu.querySelector('[data-icon-name="Link"]')).not.toBeNull();
    expect(menus[0]!.menu.querySelector('[data-icon-name="Edit"]')).toBeNull();
    expect(readRow(menus[0]!.row!)).toMatchObject({ id: 'AdminMFAV2', category: 'Identity' });
  });

  test('a closed flyout command bar has no Share menu', () => {
    load(`flyout-header-commandbar.${lang}`);
    expect(findOpenShareMenus(document)).toEqual([]);
  });

  test('the item is added once, last, counted in aria-setsize, and opens the form', () => {
    load(`share-commandbar-menu.${lang}`);
    const [share] = findOpenShareMenus(document);
    const chosen = vi.fn();
    ensureServiceNowItem(share!, chosen);
    ensureServiceNowItem(share!, chosen);
    const items = share!.list.querySelectorAll('[role="menuitem"]');
    expect(items).toHaveLength(5);
    expect(document.querySelectorAll(OUR_MENU_ITEM)).toHaveLength(1);
    const ours = share!.list.lastElementChild!;
    expect(ours.matches(OUR_MENU_ITEM)).toBe(true);
    expect(ours.querySelector('.ms-ContextualMenu-itemText')?.textContent).toBe(ITEM_TEXT);
    expect([...items].map((i) => i.getAttribute('aria-setsize'))).toEqual(['5', '5', '5', '5', '5']);
    expect([...items].map((i) => i.getAttribute('aria-posinset'))).toEqual(['1', '2', '3', '4', '5']);
    expect(ours.querySelector('[id]')).toBeNull(); // no duplicate ids copied from the template
    // Roving tabindex like its siblings: the FocusZone moves to it with the arrow keys.
    expect(ours.querySelector('[role="menuitem"]')?.getAttribute('tabindex')).toBe('-1');
    (ours.querySelector('[role="menuitem"]') as HTMLElement).click();
    expect(chosen).toHaveBeenCalledTimes(1);
  });

  test('a host re-render that appends after our item puts it back last', () => {
    load(`share-commandbar-menu.${lang}`);
    const [share] = findOpenShareMenus(document);
    ensureServiceNowItem(share!, () => undefined);
    const moved = share!.list.firstElementChild!;
    share!.list.append(moved);
    ensureServiceNowItem(share!, () => undefined);
    expect(share!.list.lastElementChild!.matches(OUR_MENU_ITEM)).toBe(true);
    expect(document.querySelectorAll(OUR_MENU_ITEM)).toHaveLength(1);
  });

  test('the flyout is read into action details', () => {
    load(`flyout-header-commandbar.${lang}`);
    const panel = document.querySelector('.ms-Panel')!;
    const action = readFlyout(panel, 'https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2');
    expect(action).toMatchObject({ id: 'AdminMFAV2', category: 'Identity', scoreImpact: expect.any(Number) });
    expect(action.title.length).toBeGreaterThan(5);
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.implementation).toContain('- ');
    expect(action.link).toBe('https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2');
  });
});
