import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { rowActionId } from './action-reader';
import { findCardGrid } from './home-grid';
import { forgetTitles, rememberTitle } from './title-ids';
import { ACTION_ID_CARRIER, LIST_CELL, LIST_ROW, PANEL, PANEL_HEADER_TEXT } from './selectors';

// Selectors of the tracking features, on captured Fluent 8.125 DOM and on variants the real
// portal may render.

const fixture = (name: string) => readFileSync(join(__dirname, '../../tests/portal/fixtures', `${name}.html`), 'utf8');

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('home card grid', () => {
  test('a role=list in main of list items with headings, not the nav list', () => {
    document.body.innerHTML = `
      <nav><ul role="list"><li role="listitem"><h2>Not a card</h2></li><li role="listitem"><h2>a</h2></li><li role="listitem"><h2>b</h2></li></ul></nav>
      <main><h1>Home</h1><div class="some-grid-123" role="list">${'<div role="listitem"><h2>Card</h2></div>'.repeat(3)}</div></main>`;
    expect(findCardGrid(document)?.grid.className).toBe('some-grid-123');
  });

  test("never by the imitation's test id", () => {
    document.body.innerHTML = '<main><div data-testid="homepage-cards-grid" role="list"></div></main>';
    expect(findCardGrid(document)).toBeNull();
  });

  test('nothing on a page without a grid: a plain list, fewer than three cards', () => {
    document.body.innerHTML = `<main><ul role="list"><li role="listitem">plain list</li></ul>
      <div role="list">${'<div role="listitem"><h2>Card</h2></div>'.repeat(2)}</div></main>`;
    expect(findCardGrid(document)).toBeNull();
  });
});

describe('improvement action rows', () => {
  test('the action id of a captured DetailsList row, and the cell to put the status in', () => {
    document.body.innerHTML = fixture('share-row-submenu.en');
    const row = document.querySelector(LIST_ROW)!;
    expect(rowActionId(row)).toBe('AdminMFAV2');
    expect(row.querySelector(ACTION_ID_CARRIER)?.closest(LIST_CELL)?.getAttribute('data-automation-key')).toBe('title');
  });

  test('from the link address; without one by the title learned from a flyout, never by data-action-id', async () => {
    await forgetTitles();
    document.body.innerHTML = `
      <div class="ms-DetailsRow" role="row" id="a"><div role="gridcell"><a href="/securescore?viewid=actions&actionId=OneAdmin">Designate more than one global admin</a></div></div>
      <div class="ms-DetailsRow" role="row" id="b"><div role="gridcell"><button data-action-id="scid_2010">Turn on Defender</button></div></div>
      <div class="ms-DetailsRow" role="row" id="c"><div role="gridcell"><a href="/securescore?actionId=a^ORb">hostile</a></div></div>
      <div class="ms-DetailsRow" role="row" id="d"><div role="gridcell">no action</div></div>`;
    const id = (rowId: string) => rowActionId(document.getElementById(rowId)!);
    expect([id('a'), id('b'), id('c'), id('d')]).toEqual(['OneAdmin', null, null, null]);
    rememberTitle('Turn on Defender', 'scid_2010');
    expect(id('b')).toBe('scid_2010');
  });

  test('the flyout title, after which the status goes', () => {
    document.body.innerHTML = fixture('flyout-header-commandbar.en');
    expect(document.querySelector(`${PANEL} :is(${PANEL_HEADER_TEXT})`)?.textContent).toContain('Require MFA');
  });
});
