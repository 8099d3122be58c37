import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { structuralOutline } from './outline';
import { outlineOf } from './recorder';
import type { PageKind } from '@/utils/domain/portal-diagnostics';

// The diagnostic report's outline over the captured portal DOM of every markup: structure only.
// Proven two ways: no text node of the page appears in it, and replacing every text and every
// attribute value it must not read changes nothing.

const dir = join(__dirname, '../../../tests/portal/fixtures');
const fixture = (name: string) => readFileSync(join(dir, `${name}.html`), 'utf8');

const CASES: [string, PageKind][] = [];
for (const markup of ['default', 'bare', 'alt'])
  for (const lang of ['en', 'de']) {
    CASES.push([`flyout-${markup === 'alt' ? 'alt-overview' : markup}.${lang}`, 'flyout']);
    CASES.push([`actions-list-${markup}.${lang}`, 'actionsList']);
    CASES.push([`home-cards-${markup}.${lang}`, 'home']);
  }
for (const lang of ['en', 'de']) {
  CASES.push([`flyout-alt-implementation.${lang}`, 'flyout']);
  CASES.push([`share-commandbar-menu.${lang}`, 'flyout']);
  CASES.push([`share-row-submenu.${lang}`, 'actionsList']);
}

function load(name: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.body.innerHTML = fixture(name);
  return doc;
}

function textsOf(doc: Document): string[] {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text && node.parentElement?.localName !== 'style' && node.parentElement?.localName !== 'script')
      texts.push(text);
  }
  return texts;
}

/** The words the outline may legitimately show: the fixture's own tag names, roles, classes and icon names. */
function structuralWords(doc: Document): Set<string> {
  const words = new Set<string>();
  for (const element of doc.body.querySelectorAll('*')) {
    words.add(element.localName);
    for (const value of [element.getAttribute('role'), element.getAttribute('data-icon-name'), ...element.classList])
      if (value) words.add(value);
  }
  return words;
}

const READ_ATTRIBUTES = new Set(['class', 'role', 'data-icon-name', 'aria-haspopup', 'aria-expanded']);

/** Every text node and every attribute the outline must not read, replaced by a marker. */
function scrambled(doc: Document): Document {
  const copy = doc.cloneNode(true) as Document;
  let n = 0;
  const walker = copy.createTreeWalker(copy.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) node.textContent = `SECRET${n++}`;
  for (const element of copy.body.querySelectorAll('*'))
    for (const attribute of [...element.attributes])
      if (!READ_ATTRIBUTES.has(attribute.name)) element.setAttribute(attribute.name, `SECRET${n++}`);
  return copy;
}

describe.each(CASES)('outline of %s', (name, kind) => {
  const doc = load(name);
  const outline = outlineOf(kind, doc);

  test('shows the structure: Fluent classes and nesting', () => {
    expect(outline).toMatch(/\.ms-[A-Z]/);
    expect(outline.split('\n').length).toBeGreaterThan(10);
    if (kind === 'flyout') expect(outline).toContain('.ms-Panel');
  });

  test('contains no text node of the page', () => {
    const allowed = structuralWords(doc);
    const texts = textsOf(doc).filter((text) => !allowed.has(text));
    expect(texts.length).toBeGreaterThan(3);
    // A one-character text (a count such as "3") is looked for as a whole token: "h3" is a tag.
    const tokens = new Set(outline.split(/[^\p{L}\p{N}]+/u));
    const leaked = texts.filter((text) => (text.length > 1 ? outline.includes(text) : tokens.has(text)));
    expect(leaked).toEqual([]);
  });

  test('reads no text and no attribute value but tag, role, ms-* class and icon name', () => {
    const other = outlineOf(kind, scrambled(doc));
    expect(other).not.toContain('SECRET');
    expect(other).toBe(outline);
  });
});

test('the Share button, its icon and open menus show up in the flyout outline', () => {
  const outline = outlineOf('flyout', load('share-commandbar-menu.en'));
  expect(outline).toMatch(/button.*haspopup expanded/);
  expect(outline).toContain('icon=Share');
  expect(outline).toContain('[role=menu]');
});

test('long runs of similar siblings are cut after three', () => {
  const root = document.createElement('ul');
  root.innerHTML = '<li class="ms-List-cell"><span></span></li>'.repeat(20);
  const lines = structuralOutline(root).split('\n');
  expect(lines.filter((line) => line.includes('li.ms-List-cell'))).toHaveLength(3);
  expect(lines).toContain(' … similar siblings omitted');
});
