import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, expect, test } from 'vitest';
import { readFlyout } from './action-reader';
import { completeFromTabs } from './flyout-tabs';
import { PANEL } from './selectors';

// A flyout whose content is split into Pivot tabs (markup=alt): only the selected tab is in the
// DOM. The fixtures of both tabs drive a stand-in Pivot that, like React, renders a frame later.

const fixture = (name: string) => readFileSync(join(__dirname, '../../tests/portal/fixtures', `${name}.html`), 'utf8');
const HREF = 'https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2';
const STEP = '- Create a new policy "Require MFA for administrators".';

function tabPanels(lang: string): Element[] {
  return ['overview', 'implementation'].map((tab) => {
    const captured = document.createElement('template');
    captured.innerHTML = fixture(`flyout-alt-${tab}.${lang}`);
    return captured.content.querySelector('[role="tabpanel"]')!;
  });
}

/** Loads the flyout on `start` and makes its tabs switch the rendered panel on click. */
function pivot(lang: string, start: 0 | 1): Element {
  const panels = tabPanels(lang);
  document.body.innerHTML = fixture(`flyout-alt-${start === 0 ? 'overview' : 'implementation'}.${lang}`);
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  tabs.forEach((tab, index) =>
    tab.addEventListener('click', () =>
      requestAnimationFrame(() => {
        tabs.forEach((t, i) => t.setAttribute('aria-selected', String(i === index)));
        document.querySelector('[role="tabpanel"]')!.replaceWith(panels[index]!.cloneNode(true));
      }),
    ),
  );
  return document.querySelector(PANEL)!;
}

const selectedTab = () => document.querySelector('[role="tab"][aria-selected="true"]')?.id;

beforeEach(() => fakeBrowser.reset());

test.each(['en', 'de'])(
  '(%s) on Overview: the steps are read from the Implementation tab, then Overview is back',
  async (lang) => {
    const panel = pivot(lang, 0);
    const before = selectedTab();
    const first = readFlyout(panel, HREF);
    expect(first.missing).toEqual(['implementation']);
    const action = await completeFromTabs(panel, first, (p) => readFlyout(p, HREF));
    expect(action.implementation.split('\n')).toContain(STEP);
    expect(action.description).toBe(first.description);
    expect(action).toMatchObject({ category: 'Identity', scoreImpact: 8.11, missing: [] });
    expect(selectedTab()).toBe(before);
    expect(document.querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby')).toBe(before);
  },
);

test('on Implementation: description, category and impact come from Overview', async () => {
  const panel = pivot('en', 1);
  const action = await completeFromTabs(panel, readFlyout(panel, HREF), (p) => readFlyout(p, HREF));
  expect(action.description).toMatch(/^Requiring multifactor authentication/);
  expect(action).toMatchObject({ category: 'Identity', scoreImpact: 8.11, missing: [] });
  expect(selectedTab()).toBe('Pivot152-Tab1');
});

test('a flyout without tabs is returned as read', async () => {
  document.body.innerHTML = fixture('flyout-bare.en');
  const panel = document.querySelector(PANEL)!;
  const read = readFlyout(panel, HREF);
  await expect(completeFromTabs(panel, read, (p) => readFlyout(p, HREF))).resolves.toEqual(read);
});
