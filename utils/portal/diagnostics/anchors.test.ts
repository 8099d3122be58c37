import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { actionsListAnchors, flyoutAnchors, homeAnchors, mergeShareMenu, shareMenuNow } from './anchors';
import { forgetTitles } from '../title-ids';

// The anchors the self-diagnosis records, on the captured DOM of every markup.

const dir = join(__dirname, '../../../tests/portal/fixtures');
const HREF = 'https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2';

function load(name: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.body.innerHTML = readFileSync(join(dir, `${name}.html`), 'utf8');
  return doc;
}

beforeEach(() => forgetTitles());

describe.each(['en', 'de'])('(%s)', (lang) => {
  test.each(['default', 'bare'])('flyout %s: Share button found, every field read', (markup) => {
    expect(flyoutAnchors(load(`flyout-${markup}.${lang}`), HREF)).toEqual({
      shareButton: true,
      shareMenu: 'notOpened',
      missing: [],
    });
  });

  test('flyout alt: the Overview tab lacks the implementation steps, the other tab has them', () => {
    expect(flyoutAnchors(load(`flyout-alt-overview.${lang}`), HREF)?.missing).toEqual(['implementation']);
    expect(flyoutAnchors(load(`flyout-alt-implementation.${lang}`), HREF)?.missing).not.toContain('implementation');
  });

  test('an open Share menu of the flyout is recognised', () => {
    expect(flyoutAnchors(load(`share-commandbar-menu.${lang}`), HREF)?.shareMenu).toBe('recognised');
  });

  test('a row Share submenu is recognised', () => {
    // The fixture holds the row and the menu layers only (no main): the menu check on its own.
    expect(shareMenuNow('row', load(`share-row-submenu.${lang}`))).toBe('recognised');
    expect(shareMenuNow('flyout', load(`share-row-submenu.${lang}`))).toBe('notOpened');
  });

  test.each(['default', 'bare', 'alt'])('list %s: rows counted, ids found where the markup carries them', (markup) => {
    const anchors = actionsListAnchors(load(`actions-list-${markup}.${lang}`))!;
    expect(anchors.rows).toBeGreaterThan(5);
    // alt's row titles are buttons without an href: no id until a flyout taught the title.
    expect(anchors.rowsWithId).toBe(markup === 'alt' ? 0 : anchors.rows);
  });
});

test('no flyout without an actionId in the address, no list without rows', () => {
  expect(flyoutAnchors(load('flyout-default.en'), 'https://security.microsoft.com/securescore')).toBeNull();
  expect(actionsListAnchors(load('home-cards-default.en'))).toBeNull();
});

describe.each(['default', 'bare', 'alt'])('home %s', (markup) => {
  /** The element whose children are the native cards: the parent of the card headings' boxes. */
  function nativeGrid(doc: Document): Element {
    const headings = [...doc.querySelectorAll('main :is(h2, h3, [role="heading"])')];
    const parents = headings.map((h) => h.parentElement!);
    for (let box: Element | null = parents[1]!; box; box = box.parentElement)
      if ([...box.children].filter((c) => c.querySelector('h2, h3, [role="heading"]')).length >= 3) return box;
    throw new Error('no grid in the fixture');
  }
  const ours = (doc: Document) => doc.createElement('snt-ui');

  test('our card among the native cards is "grid", below the heading in main is "fallback"', () => {
    const doc = load(`home-cards-${markup}.en`);
    expect(homeAnchors(doc)).toBeNull();
    const card = ours(doc);
    card.dataset.sntOrder = '1';
    nativeGrid(doc).append(card);
    expect(homeAnchors(doc)).toEqual({ cards: 'grid' });
    doc.querySelector('main')!.prepend(card);
    expect(homeAnchors(doc)).toEqual({ cards: 'fallback' });
  });
});

test('a visit keeps "recognised" once seen, and an unrecognised open menu otherwise', () => {
  expect(mergeShareMenu('notOpened', 'recognised')).toBe('recognised');
  expect(mergeShareMenu('recognised', 'notRecognised')).toBe('recognised');
  expect(mergeShareMenu('notOpened', 'notRecognised')).toBe('notRecognised');
  expect(mergeShareMenu('notRecognised', 'notOpened')).toBe('notRecognised');
  expect(mergeShareMenu('notOpened', 'notOpened')).toBe('notOpened');
});
