import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { h } from 'preact';
import { mountInCardGrid } from './card-grid';
import { findCardGrid, findPageHeading } from './home-grid';

// The home card grid found by structure on the home page of every markup (tests/portal/fixtures,
// en and de), and our cards placed in it after the native ones, or below the page heading.

const fixture = (name: string) => readFileSync(join(__dirname, '../../tests/portal/fixtures', `${name}.html`), 'utf8');

// The layout the imitation gives each grid (fixtures hold the DOM only, not the portal's CSS):
// default: styles.css; bare: merge-styles `grid` class; alt: Fluent Stack horizontal wrap.
const LAYOUT: Record<string, string> = {
  default: '.homepage-cards-grid { display: grid }',
  bare: '.grid-84 { display: grid }',
  alt: '.ms-Stack-inner { display: flex; flex-direction: row; flex-wrap: wrap }',
};

const CARD_TITLES_EN = [
  'Microsoft Secure Score',
  'Devices at risk',
  'Users at risk',
  'Active incidents',
  'Threat analytics',
];

function load(markup: string, lang: string) {
  document.head.innerHTML = `<style>${LAYOUT[markup]}</style>`;
  document.body.innerHTML = fixture(`home-cards-${markup}.${lang}`);
}

const frames = (n: number) =>
  new Promise<void>((done) => {
    const step = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

let life: AbortController;
beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  life = new AbortController();
});
afterEach(() => life.abort());

describe.each(['default', 'bare', 'alt'])('markup %s', (markup) => {
  test.each(['en', 'de'])('(%s) the grid of the five native cards, by structure and layout', (lang) => {
    load(markup, lang);
    const found = findCardGrid(document)!;
    expect(found).not.toBeNull();
    expect(found.cards).toHaveLength(5);
    expect(found.cards.every((card) => card.parentElement === found.grid)).toBe(true);
    if (lang === 'en') expect(found.cards.map((c) => c.querySelector('h2, h3')?.textContent)).toEqual(CARD_TITLES_EN);
    // The page heading is above the grid, outside it.
    const heading = findPageHeading(document)!;
    expect(heading.localName).toBe('h1');
    expect(found.grid.contains(heading)).toBe(false);
    expect(heading.compareDocumentPosition(found.grid) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('without its layout (a vertical run of boxes) it is not a card grid', () => {
    load(markup, 'en');
    document.head.innerHTML = '';
    // default's role=list of listitems is a grid by its semantics alone.
    expect(findCardGrid(document) !== null).toBe(markup === 'default');
  });

  test('our cards go after the native ones in our order, once, and stay through re-renders', async () => {
    load(markup, 'en');
    mountInCardGrid('snt-card-b', h('p', null, 'B'), life.signal, { order: 2 });
    mountInCardGrid('snt-card-a', h('p', null, 'A'), life.signal, { order: 1 });
    const grid = findCardGrid(document)!.grid;
    await vi.waitFor(() => expect(grid.querySelectorAll(':scope > snt-ui')).toHaveLength(2));
    const children = [...grid.children];
    expect(children.slice(0, 5).every((c) => c.localName !== 'snt-ui')).toBe(true);
    expect(children.slice(5).map((c) => c.id)).toEqual(['snt-card-a', 'snt-card-b']);
    // A list item only in a role=list grid.
    expect(children[5]!.getAttribute('role')).toBe(markup === 'default' ? 'listitem' : null);
    // The portal re-renders its cards (a new native card appended): ours move after it.
    grid.append(children[0]!.cloneNode(true));
    await vi.waitFor(() => expect([...grid.children].slice(-2).map((c) => c.id)).toEqual(['snt-card-a', 'snt-card-b']));
    life.abort();
    expect(document.querySelectorAll('snt-ui')).toHaveLength(0);
  });
});

describe('placement timing and fallback', () => {
  test('a grid that appears later (after a spinner) gets the card within a frame or two', async () => {
    document.head.innerHTML = `<style>${LAYOUT.bare}</style>`;
    document.body.innerHTML = '<main><div><h1>Home</h1><div class="ms-Spinner">Loading</div></div></main>';
    mountInCardGrid('snt-card-a', h('p', null, 'A'), life.signal, { order: 1 });
    await frames(6);
    // Still loading: nothing placed yet, and certainly not above the heading.
    expect(document.querySelector('snt-ui')).toBeNull();
    const page = document.querySelector('main > div')!;
    page.querySelector('.ms-Spinner')!.remove();
    const captured = document.createElement('template');
    captured.innerHTML = fixture('home-cards-bare.en');
    page.append(captured.content.querySelector('.grid-84')!);
    await frames(2);
    expect(document.querySelector('.grid-84 > snt-ui')).not.toBeNull();
  });

  test('no grid: below the page heading once the page is quiet, never above it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    document.body.innerHTML =
      '<main><div><p>Banner</p><h1>Home</h1><section><h2>Only</h2><p>one section</p></section></div></main>';
    mountInCardGrid('snt-card-b', h('p', null, 'B'), life.signal, { order: 2 });
    mountInCardGrid('snt-card-a', h('p', null, 'A'), life.signal, { order: 1 });
    await vi.waitFor(() => expect(document.querySelectorAll('snt-ui')).toHaveLength(2));
    const heading = document.querySelector('h1')!;
    expect(heading.nextElementSibling?.id).toBe('snt-card-a');
    expect(heading.nextElementSibling?.nextElementSibling?.id).toBe('snt-card-b');
  });

  test('no grid and no heading: at the top of main', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    document.body.innerHTML = '<main><p>Something else</p></main>';
    mountInCardGrid('snt-card-a', h('p', null, 'A'), life.signal, { order: 1 });
    await vi.waitFor(() => expect(document.querySelector('main')!.firstElementChild?.id).toBe('snt-card-a'));
  });
});
