import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { readFlyout, readRow } from './action-reader';
import { PANEL } from './selectors';
import { forgetTitles } from './title-ids';

// The reader on the flyout and list of every markup (tests/portal/fixtures), en and de: each field
// by structure and localized names, never by the imitation's test ids.

const fixture = (name: string) => readFileSync(join(__dirname, '../../tests/portal/fixtures', `${name}.html`), 'utf8');
const HREF = 'https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2';
const TITLES: Record<string, string> = {
  en: 'Require MFA for administrative roles',
  de: 'MFA für Administratorrollen erforderlich machen',
};
const DESCRIPTION_START = 'Requiring multifactor authentication (MFA) for administrative roles';
const STEP = '- Create a new policy "Require MFA for administrators".';

function flyout(name: string, href = HREF) {
  document.body.innerHTML = fixture(name);
  return readFlyout(document.querySelector(PANEL)!, href);
}

beforeEach(() => {
  document.body.innerHTML = '';
  forgetTitles();
});

describe.each(['en', 'de'])('flyout reader (%s)', (lang) => {
  const TITLE = TITLES[lang]!;
  test.each(['default', 'bare'])('markup %s: every field, sections up to the next heading', (markup) => {
    const action = flyout(`flyout-${markup}.${lang}`);
    expect(action).toMatchObject({ id: 'AdminMFAV2', title: TITLE, category: 'Identity', scoreImpact: 8.11 });
    expect(action.description.startsWith(DESCRIPTION_START)).toBe(true);
    // The next same-level heading (User impact) ends the description.
    expect(action.description).not.toMatch(/administrators in advance/);
    expect(action.implementation.split('\n')).toContain(STEP);
    expect(action.implementation).toMatch(/Entra ID P1 or P2/);
    expect(action.missing).toEqual([]);
  });

  test('markup alt, Overview tab: facts from label/value pairs, implementation reported missing', () => {
    const action = flyout(`flyout-alt-overview.${lang}`);
    expect(action).toMatchObject({ title: TITLE, category: 'Identity', scoreImpact: 8.11, implementation: '' });
    expect(action.description.startsWith(DESCRIPTION_START)).toBe(true);
    expect(action.description).not.toMatch(/administrators in advance/);
    expect(action.missing).toEqual(['implementation']);
  });

  test('markup alt, Implementation tab: steps from the selected tab panel, the rest reported', () => {
    const action = flyout(`flyout-alt-implementation.${lang}`);
    expect(action.implementation.split('\n')).toContain(STEP);
    expect(action.description).toBe('');
    expect(action.missing).toEqual(['description', 'category', 'scoreImpact']);
  });
});

describe.each(['en', 'de'])('list rows (%s)', (lang) => {
  const TITLE = TITLES[lang]!;
  test.each(['default', 'bare', 'alt'])('markup %s: facts by column headers', (markup) => {
    document.body.innerHTML = fixture(`actions-list-${markup}.${lang}`);
    const row = [...document.querySelectorAll('[role="row"]')].find((r) => r.textContent?.includes(TITLE))!;
    const action = readRow(row);
    expect(action).toMatchObject({ title: TITLE, category: 'Identity', scoreImpact: 8.11 });
    // Default and bare rows link to the flyout; alt title buttons carry no id.
    expect(action.id).toBe(markup === 'alt' ? null : 'AdminMFAV2');
  });

  test('markup alt: a row is matched by its title once that flyout was opened', () => {
    flyout(`flyout-alt-overview.${lang}`);
    document.body.innerHTML = fixture(`actions-list-alt.${lang}`);
    const rows = [...document.querySelectorAll('[role="row"]')];
    const row = rows.find((r) => r.textContent?.includes(TITLE))!;
    expect(readRow(row).id).toBe('AdminMFAV2');
    const other = rows.find((r) => /legacy ?authenti/i.test(r.textContent ?? ''))!;
    expect(readRow(other).id).toBeNull();
  });
});
