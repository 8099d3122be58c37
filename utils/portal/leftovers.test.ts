import { expect, test } from 'vitest';
import { removeLeftoverUi } from './leftovers';

test('UI left by a previous instance (cards, badges, menu item) is removed; the portal keeps its own', () => {
  document.body.innerHTML = `<main><div class="grid"><div class="card"><h3>Secure Score</h3></div><snt-ui id="snt-card-incident"></snt-ui></div>
    <div role="row"><div role="gridcell"><a href="/securescore?actionId=A">A</a><snt-ui data-snt-action="A"></snt-ui></div></div></main>
    <ul class="ms-ContextualMenu-list"><li><button role="menuitem">Copy link</button></li><li data-snt-item="servicenow"><button role="menuitem">ServiceNow</button></li></ul>`;
  expect(removeLeftoverUi(document)).toBe(3);
  expect(document.querySelectorAll('snt-ui, [data-snt-item]')).toHaveLength(0);
  expect(document.querySelector('.card h3')?.textContent).toBe('Secure Score');
  expect(document.querySelectorAll('[role="menuitem"]')).toHaveLength(1);
  expect(removeLeftoverUi(document)).toBe(0);
});
